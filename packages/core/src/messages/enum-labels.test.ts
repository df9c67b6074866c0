import { describe, expect, expectTypeOf, it } from 'vitest'
import * as enums from '../enums'
import { ENUM_VALUES, type EnumKind, enEnumLabels, enumLabel, zhCNEnumLabels } from './enum-labels'

const HAN = /[\u4e00-\u9fff]/

describe('enum labels', () => {
  it('every enum in enums.ts has words (the locales themselves excepted)', () => {
    const defined = Object.entries(enums).filter(([name, v]) => Array.isArray(v) && name !== 'LOCALES').map(([, v]) => v)
    const labelled: readonly unknown[] = Object.values(ENUM_VALUES)
    expect(defined.length).toBeGreaterThan(15)
    for (const values of defined) expect(labelled, JSON.stringify(values)).toContain(values)
  })

  it('every value of every enum has non-empty words in zh-CN (Chinese) and en (no Chinese), and no extra ones', () => {
    for (const kind of Object.keys(ENUM_VALUES) as EnumKind[]) {
      const values: readonly string[] = ENUM_VALUES[kind]
      expect(Object.keys(zhCNEnumLabels[kind]).sort(), kind).toEqual([...values].sort())
      expect(Object.keys(enEnumLabels[kind]).sort(), kind).toEqual([...values].sort())
      for (const value of values) {
        const zh = enumLabel(kind, value as never, 'zh-CN')
        const english = enumLabel(kind, value as never, 'en')
        expect(zh.trim(), `${kind}.${value}`).not.toBe('')
        expect(zh, `${kind}.${value}`).toMatch(HAN)
        expect(english.trim(), `${kind}.${value}`).not.toBe('')
        expect(english, `${kind}.${value}`).not.toMatch(HAN)
        expect(english, `${kind}.${value}`).not.toBe(value)
      }
    }
  })

  it('names organisation types and tiers in both locales; zh-CN by default', () => {
    expect(enumLabel('orgType', 'township_union')).toBe('乡镇（街道）工会')
    expect(enumLabel('orgType', 'township_union', 'en')).toBe('Township (subdistrict) union')
    expect(enumLabel('tier', 'territorial', 'zh-CN')).toBe('乡镇（街道）、开发区、村（社区）工会兜底')
    expect(enumLabel('tier', 'park', 'en')).toBe('Logistics park union')
  })

  it('gives back a value it has no words for (a newer registry), and a type error for a wrong kind or value', () => {
    expect(enumLabel('applicationStatus', 'archived' as never, 'en')).toBe('archived')
    expect(enumLabel('orgType', 'toString' as never, 'en')).toBe('toString')
    expectTypeOf(enumLabel<'tier'>).parameter(1).toEqualTypeOf<'enterprise' | 'head_enterprise_federation' | 'industry' | 'platform' | 'park' | 'territorial'>()
    expect(enumLabel('orgType', 'park_union', 'fr' as never)).toBe('物流园区工会')
    // @ts-expect-error: not an organisation type
    expect(enumLabel('orgType', 'park')).toBe('park')
    // @ts-expect-error: not a kind
    expect(enumLabel('orgKind', 'park_union')).toBe('park_union')
  })
})
