import { describe, expect, it } from 'vitest'
import { assertLicenseClass, checkLicenseClass, isLicenseClass } from '@ruhui/core'

describe('checkLicenseClass — DOMAIN.md §3.2', () => {
  it('A2 drives tractor-trailers, heavy trucks, light trucks and light trailers', () => {
    const r = checkLicenseClass('A2')
    expect(r.ok && r.value.trucks).toEqual(['tractor_trailer', 'heavy_medium_truck', 'light_truck', 'light_trailer', 'low_speed_truck', 'three_wheeler'])
    expect(r.ok && r.value.permits).toContain('C6')
  })
  it('B2 drives heavy and medium trucks but not tractor-trailers', () => {
    const r = checkLicenseClass('b2')
    expect(r.ok && r.value.trucks).toEqual(['heavy_medium_truck', 'light_truck', 'low_speed_truck', 'three_wheeler'])
    expect(r.ok && r.value.permits).not.toContain('A2')
  })
  it('C1 drives light trucks only; C6 light trailers only', () => {
    expect(checkLicenseClass('C1').ok && (checkLicenseClass('C1') as { value: { trucks: string[] } }).value.trucks).toEqual(['light_truck', 'low_speed_truck', 'three_wheeler'])
    const c6 = checkLicenseClass('C6')
    expect(c6.ok && c6.value.trucks).toEqual(['light_trailer'])
  })
  it('several classes on one licence, in any spelling', () => {
    const r = checkLicenseClass('Ａ２ D')
    expect(r.ok && r.value.classes).toEqual(['A2', 'D'])
    expect(r.ok && r.value.permits).toEqual(expect.arrayContaining(['A2', 'B2', 'C1', 'D', 'E', 'F']))
  })
  it('consistency warnings: too young for B2, past the heavy-class age cap', () => {
    expect(checkLicenseClass('B2', { age: 19 }).warnings.map((w) => w.code)).toEqual(['license_age_inconsistent'])
    expect(checkLicenseClass('A2', { age: 18 }).warnings.map((w) => w.code)).toEqual(['license_age_inconsistent'])
    expect(checkLicenseClass('A2', { age: 60 }).warnings.map((w) => w.code)).toEqual(['license_age_cap'])
    expect(checkLicenseClass('A2', { age: 61, heavyClassAgeCap: 63 }).warnings).toEqual([])
    expect(checkLicenseClass('C1', { age: 70 }).warnings).toEqual([])
  })
  it.each([['A4'], ['X1'], ['B2Q']])('%s → unknown_license_class', (input) => {
    const r = checkLicenseClass(input)
    expect(!r.ok && r.issues[0]?.code).toBe('unknown_license_class')
  })
  it('is / assert', () => {
    expect(isLicenseClass('C1E')).toBe(true)
    expect(() => assertLicenseClass('Z')).toThrow()
  })
})
