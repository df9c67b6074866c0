import { describe, expect, it } from 'vitest'
import { lookupRegion, regionTable } from '@ruhui/core/regions'

describe('lookupRegion — DOMAIN.md §2.3', () => {
  it('320102 is current: 江苏省 南京市 玄武区', () => {
    expect(lookupRegion('320102')).toMatchObject({ level: 'county', province: '江苏省', city: '南京市', county: '玄武区', fullName: '江苏省 南京市 玄武区', current: true, source: 'GB2260' })
  })
  it('320576 is an NBS statistical code (苏州工业园区)', () => {
    expect(lookupRegion('320576')).toMatchObject({ name: '苏州工业园区', current: true, source: 'NBS' })
  })
  it('320811 is historical: 清浦区, abolished, shown as such', () => {
    const r = lookupRegion('320811')
    expect(r).toMatchObject({ current: false, validFrom: '2002-12', validTo: '2015-09', city: '淮安市', fullName: '江苏省 淮安市 清浦区（已撤销）' })
  })
  it('341400 is a historical prefecture (巢湖市)', () => {
    expect(lookupRegion('341400')).toMatchObject({ level: 'prefecture', name: '巢湖市', current: false, fullName: '安徽省 巢湖市（已撤销）' })
  })
  it.each(['342622', '329001', '720102', '12345', 'abcdef'])('%s is unknown', (code) => {
    expect(lookupRegion(code)).toBeUndefined()
  })
  it('municipalities have no prefecture name; provinces stand alone', () => {
    expect(lookupRegion('110101')).toMatchObject({ fullName: '北京市 东城区' })
    expect(lookupRegion('110101')?.city).toBeUndefined()
    expect(lookupRegion('320000')).toMatchObject({ level: 'province', fullName: '江苏省' })
  })
  it('renamed codes keep their former names, newest first', () => {
    expect(lookupRegion('130502')?.formerNames).toEqual([{ name: '桥东区', from: '2002-12', to: '2016-07' }])
  })
  it('the table answers has() and lists current counties', () => {
    expect(regionTable.has('320811')).toBe(true)
    expect(regionTable.has('342622')).toBe(false)
    expect(regionTable.size).toBeGreaterThan(4000)
    const jiangsu = regionTable.counties('32')
    expect(jiangsu).toContain('320115')
    expect(jiangsu).not.toContain('320811')
    expect(jiangsu.length).toBeGreaterThan(90)
  })
})
