// Bad input never throws from a check*/is* function, whatever it is: any JS value,
// any string (lone surrogates, control characters), 10 MB strings.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as core from '@ruhui/core'

const checkers: Array<[string, (input: unknown) => unknown]> = [
  ['checkIdCard', (i) => core.checkIdCard(i, { asOf: '2025-07-01' })],
  ['checkMobile', core.checkMobile],
  ['checkPlate', core.checkPlate],
  ['checkUscc', core.checkUscc],
  ['checkPersonName', core.checkPersonName],
  ['checkPersonName (foreign)', (i) => core.checkPersonName(i, { documentKind: 'foreign_permanent' })],
  ['checkLicenseClass', (i) => core.checkLicenseClass(i, { age: 30 })],
  ['checkDriverIdentity', (i) => core.checkDriverIdentity(i, { asOf: '2025-07-01' })],
  ['checkDriverIdentity (fields)', (i) => core.checkDriverIdentity({ name: i, idNumber: i, mobile: i, employmentForm: i, employerUscc: i, plate: i, trailerPlate: i, licenseClass: i, qualificationCertificate: i }, { asOf: '2025-07-01' })],
  ['isIdCard', core.isIdCard],
  ['isMobile', core.isMobile],
  ['isPlate', core.isPlate],
  ['isUscc', core.isUscc],
  ['isPersonName', core.isPersonName],
  ['isLicenseClass', core.isLicenseClass],
]

const tenMegabytes = '3'.repeat(10 * 1024 * 1024)
const tenMegabytesHan = '张'.repeat(10 * 1024 * 1024)

describe.each(checkers)('%s never throws', (_name, check) => {
  it('on any value', () => {
    fc.assert(fc.property(fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true }), (v) => {
      check(v)
    }), { numRuns: 300 })
  })
  it('on any string, including lone surrogates and full-width forms', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
      check(s)
    }), { numRuns: 300 })
  })
  it('on strings shaped like the real thing', () => {
    const shaped = fc.stringMatching(/^[0-9Xx０-９ \-·苏皖挂A-Z]{0,24}$/)
    fc.assert(fc.property(shaped, (s) => {
      check(s)
    }), { numRuns: 300 })
  })
  it('on null, undefined, numbers, objects and 10 MB strings', () => {
    for (const v of [null, undefined, 0, Number.NaN, 320102198503151230n, {}, [], () => 1, Symbol('x'), tenMegabytes, tenMegabytesHan]) {
      expect(() => check(v)).not.toThrow()
    }
  })
})

it('a 10 MB string is rejected quickly, without normalising it', () => {
  const started = performance.now()
  for (let i = 0; i < 100; i++) core.checkIdCard(tenMegabytes)
  // A generous bound: normalising 10 MB a hundred times would take many seconds.
  expect(performance.now() - started).toBeLessThan(1000)
})
