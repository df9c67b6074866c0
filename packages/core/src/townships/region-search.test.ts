import { describe, expect, it } from 'vitest'
import { childRegions } from '@ruhui/core/regions'
import { pickerChoices, regionInitials, searchRegions } from '@ruhui/core/townships'

describe('the region picker’s type-ahead', () => {
  it('finds by pinyin initials: "hf" → 合肥市, "fx" → 肥西县, with the place in words', () => {
    expect(searchRegions('34', 'hf')[0]?.name).toBe('合肥市') // then the NBS development zones named 合肥…
    const fx = searchRegions('34', 'FX')
    expect(fx.map((r) => [r.name, r.full_name])[0]).toEqual(['肥西县', '安徽省 合肥市 肥西县'])
    expect(fx[0]).toMatchObject({ code: '340123', level: 'county', initials: 'fxx' })
    expect(regionInitials('340100')).toBe('hfs')
  })

  it('every one of Anhui’s 16 cities is found by the first two characters of its name and by its initials', () => {
    const cities = childRegions('34').filter((r) => r.level === 'prefecture')
    expect(cities).toHaveLength(16)
    for (const c of cities) {
      expect(searchRegions('34', c.name.slice(0, 2)).map((r) => r.code)).toContain(c.code)
      expect(searchRegions('34', regionInitials(c.code)!.slice(0, 2)).map((r) => r.code)).toContain(c.code)
    }
  })

  it('finds by part of a name and by code; searches a prefecture’s counties and a county’s townships', () => {
    expect(searchRegions('34', '肥西')[0]?.code).toBe('340123')
    expect(searchRegions('34', '340123')[0]?.full_name).toBe('安徽省 合肥市 肥西县')
    expect(searchRegions('3401', 'c').map((r) => r.name)).toContain('长丰县')
    expect(searchRegions('3401', 'c').every((r) => r.code.startsWith('3401') && r.level === 'county')).toBe(true)
    const sanhe = searchRegions('340123', '三河')
    expect(sanhe[0]).toMatchObject({ level: 'township', name: '三河镇', full_name: '安徽省 合肥市 肥西县 三河镇' })
    expect(searchRegions('34', 'zzzz')).toEqual([])
  })

  it('the picker lists carry initials, and q searches the pilot provinces when no parent is given', () => {
    expect(pickerChoices('34', ['32', '34']).find((r) => r.code === '340100')?.initials).toBe('hfs')
    expect(pickerChoices('3401', ['34']).find((r) => r.code === '340123')?.initials).toBe('fxx')
    expect(pickerChoices(undefined, ['32', '34'], 'nj').map((r) => r.name)).toContain('南京市')
    expect(pickerChoices(undefined, ['32', '34'], 'hf').map((r) => r.name)).toContain('合肥市')
  })
})
