import { describe, expect, it } from 'vitest'
import { pickerChoices, townshipProvinces, townshipsOf } from '@ruhui/core/townships'
import sample from '@ruhui/sample-directory'

describe('townships', () => {
  it('lists a pilot county’s townships by code, with 9-digit codes under the county', () => {
    const jiangning = townshipsOf('320115')
    expect(jiangning[0]).toEqual({ code: '320115001', name: '东山街道', level: 'township' })
    expect(jiangning.map((t) => t.name)).toContain('秣陵街道')
    expect(jiangning.every((t) => /^320115\d{3}$/.test(t.code) && t.level === 'township')).toBe(true)
    expect(jiangning.map((t) => t.code)).toEqual([...jiangning.map((t) => t.code)].sort())
    expect(townshipsOf('340104').map((t) => t.name)).toContain('三里庵街道')
  })

  it('has none outside the pilot provinces, nor for anything that is not a county code', () => {
    expect(townshipProvinces).toEqual(['32', '34'])
    for (const code of ['110101', '3201', '32011', '3201155', '320115001', '', 'abcdef']) expect(townshipsOf(code)).toEqual([])
  })

  it('every township union of the sample directory can be picked by name', () => {
    const unions = (sample as unknown as { organisations: Array<{ townshipCode?: string; regionCode: string }> }).organisations.filter((o) => o.townshipCode)
    expect(unions.length).toBeGreaterThan(0)
    for (const u of unions) expect(townshipsOf(u.regionCode).map((t) => t.code)).toContain(u.townshipCode)
  })

  it('the picker rule: provinces, then prefectures, counties, townships', () => {
    expect(pickerChoices(undefined, ['32', '34']).map((r) => r.name)).toEqual(['江苏省', '安徽省'])
    expect(pickerChoices('3201', ['32']).map((r) => r.code)).toContain('320115')
    expect(pickerChoices('320115', ['32'])).toEqual(townshipsOf('320115'))
  })
})
