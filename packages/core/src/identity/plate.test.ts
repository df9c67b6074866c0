import { describe, expect, it } from 'vitest'
import { assertPlate, checkPlate, isPlate } from '@ruhui/core'

describe('checkPlate — DOMAIN.md §3.1 vectors', () => {
  it.each([
    ['苏A12345', 'ordinary', '苏A12345'],
    ['苏A·12345', 'ordinary', '苏A12345'],
    ['苏AD12345', 'nev_small', '苏AD12345'],
    ['苏AA12345', 'nev_small', '苏AA12345'],
    ['皖A12345D', 'nev_large', '皖A12345D'],
    ['苏A1234挂', 'trailer', '苏A1234挂'],
    ['皖B2345学', 'coach', '皖B2345学'],
    ['粤Z1234港', 'hk_mo', '粤Z1234港'],
    ['苏ad12345', 'nev_small', '苏AD12345'],
    ['苏 E 9K8Z7', 'ordinary', '苏E9K8Z7'],
  ])('%s → %s', (input, kind, plate) => {
    const r = checkPlate(input)
    expect(r.ok && r.value).toMatchObject({ kind, plate, province: plate[0], authority: plate[1] })
  })
  it.each([
    ['苏AI2345', 'invalid_plate_letter'],
    ['苏A12345挂', 'invalid_format'],
    ['苏A1234', 'invalid_format'],
    ['A123456', 'unknown_plate_province'],
    ['港A12345', 'unknown_plate_province'],
    ['苏A1234港', 'invalid_format'], // 港/澳 plates come only from 粤Z
    ['', 'required'],
  ])('%s → %s', (input, code) => {
    const r = checkPlate(input)
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual([code])
  })
  it('is / assert', () => {
    expect(isPlate('苏A12345')).toBe(true)
    expect(() => assertPlate('苏AI2345')).toThrow()
  })
})
