import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assertUscc, calcUsccCheckChar, checkUscc, isUscc } from '@ruhui/core'

const codes = (r: ReturnType<typeof checkUscc>) => (r.ok ? [] : r.issues.map((i) => i.code))

describe('checkUscc — DOMAIN.md §3.4 vectors', () => {
  it.each([
    ['81320102MC1A2B3C30', 'trade_union', true],
    ['81340100MC0D4E5F07', 'trade_union', true],
    ['89320000MC12345664', 'trade_union', false],
    ['91320100MA1XY8129Y', 'market_regulation', false],
    ['81320102mc1a2b3c30', 'trade_union', true],
  ])('%s → %s', (input, authority, grassroots) => {
    const r = checkUscc(input)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.authority).toBe(authority)
    expect(r.value.isGrassrootsUnion).toBe(grassroots)
    expect(r.value.regionCode).toBe(r.value.code.slice(2, 8))
  })
  it.each([
    ['81320102MC1A2B3C31', ['invalid_checksum']],
    ['81320102MC1A2B3CO0', ['invalid_character']],
    ['81320102MC1A2B3C3', ['invalid_length']],
    ['B1320102MC1A2B3C30', ['unknown_registration_authority', 'invalid_checksum']],
  ])('%s → %j', (input, expected) => {
    expect(codes(checkUscc(input))).toEqual(expected)
  })
  it('the illegal character is named with its position', () => {
    const r = checkUscc('81320102MC1A2B3CO0')
    expect(!r.ok && r.issues[0]?.params).toEqual({ character: 'O', position: 17 })
  })
  it('any 17 alphabet characters plus the computed check pass the checksum; any change fails', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'.split('')
    const body = fc.array(fc.constantFrom(...alphabet), { minLength: 17, maxLength: 17 }).map((a) => a.join(''))
    fc.assert(
      fc.property(body, fc.nat(17), fc.constantFrom(...alphabet), (b, i, c) => {
        const code = b + calcUsccCheckChar(b)
        if (codes(checkUscc(code)).includes('invalid_checksum')) return false
        fc.pre(code[i] !== c)
        return codes(checkUscc(code.slice(0, i) + c + code.slice(i + 1))).length > 0
      }),
    )
  })
  it('is / assert', () => {
    expect(isUscc('91320100MA1XY8129Y')).toBe(true)
    expect(() => assertUscc('91320100MA1XY81290')).toThrow()
    expect(() => calcUsccCheckChar('8132010')).toThrow(/17 characters/)
  })
})
