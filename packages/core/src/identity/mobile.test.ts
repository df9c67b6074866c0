import { describe, expect, it } from 'vitest'
import { assertMobile, checkMobile, isMobile } from '@ruhui/core'

describe('checkMobile — DOMAIN.md §2.6 vectors', () => {
  it.each([
    ['+86 138 1234 5678', '13812345678', []],
    ['0086-19212345678', '19212345678', []],
    ['14612345678', '14612345678', ['mobile_prefix_uncommon']],
    ['17400123456', '17400123456', []],
    ['17912345678', '17912345678', ['mobile_prefix_uncommon']],
    ['１３８１２３４５６７８', '13812345678', []],
    ['(138)1234-5678', '13812345678', []],
  ])('%s → %s warnings %j', (input, number, warnings) => {
    const r = checkMobile(input)
    expect(r.ok && r.value.number).toBe(number)
    expect(r.warnings.map((w) => w.code)).toEqual(warnings)
  })
  it.each(['12012345678', '1381234567', '138123456789', '+1 138 1234 5678', 'abc'])('%s → invalid_format', (input) => {
    const r = checkMobile(input)
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['invalid_format'])
  })
  it('is / assert', () => {
    expect(isMobile('13812345678')).toBe(true)
    expect(isMobile(13812345678)).toBe(false)
    expect(() => assertMobile('12012345678')).toThrow(/invalid_format/)
  })
})
