import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ValidationError, assertIdCard, calcIdCardCheckDigit, checkIdCard, idCard15To18, isIdCard, isValidationError } from '@ruhui/core'
import { regionTable } from '@ruhui/core/regions'
import { makeIdNumber } from '../../test/synthetic-ids'

const asOf = '2025-07-01'
const codes = (r: ReturnType<typeof checkIdCard>) => (r.ok ? [] : r.issues.map((i) => i.code))
const warningCodes = (r: ReturnType<typeof checkIdCard>) => r.warnings.map((i) => i.code)

describe('checkIdCard — DOMAIN.md §2.1.2 valid vectors', () => {
  const valid: Array<[string, string, string, 'male' | 'female', string]> = [
    ['320102198503151230', 'resident', '1985-03-15', 'male', '320102198503151230'],
    ['340104199202292460', 'resident', '1992-02-29', 'female', '340104199202292460'],
    ['32010219900101103X', 'resident', '1990-01-01', 'male', '32010219900101103X'],
    ['34010419830917104X', 'resident', '1983-09-17', 'female', '34010419830917104X'],
    ['32010219900101103x', 'resident', '1990-01-01', 'male', '32010219900101103X'],
    ['3201 0219 8503 1512 30', 'resident', '1985-03-15', 'male', '320102198503151230'],
    ['３２０１０２１９８５０３１５１２３０', 'resident', '1985-03-15', 'male', '320102198503151230'],
    ['32081119780701135X', 'resident', '1978-07-01', 'male', '32081119780701135X'],
    ['34142119700101002X', 'resident', '1970-01-01', 'female', '34142119700101002X'],
    ['342622196508083715', 'resident', '1965-08-08', 'male', '342622196508083715'],
    ['110221197205060585', 'resident', '1972-05-06', 'female', '110221197205060585'],
    ['81000019880808011X', 'hk', '1988-08-08', 'male', '81000019880808011X'],
    ['820000199501200224', 'mo', '1995-01-20', 'female', '820000199501200224'],
    ['830000199006060377', 'tw', '1990-06-06', 'male', '830000199006060377'],
    ['932840198001010018', 'foreign_permanent', '1980-01-01', 'male', '932840198001010018'],
    ['911250197512240027', 'foreign_permanent', '1975-12-24', 'female', '911250197512240027'],
    ['934410199304150057', 'foreign_permanent', '1993-04-15', 'male', '934410199304150057'],
  ]
  it.each(valid)('%s → %s %s %s', (input, kind, birthDate, sex, number) => {
    const r = checkIdCard(input, { asOf })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toMatchObject({ kind, birthDate, sex, number, regionCode: number.slice(0, 6) })
  })

  it('hyphens and a mix of full-width letters are folded', () => {
    expect(checkIdCard('320102-19900101-103ｘ', { asOf }).ok).toBe(true)
  })
})

describe('checkIdCard — invalid vectors', () => {
  it.each([
    ['320102198503151231', ['invalid_checksum']],
    ['320102198502301233', ['invalid_birth_date']],
    ['320102203001011231', ['birth_date_in_future']],
    ['720102198503151235', ['unknown_province']],
    ['320102850315123', ['legacy_15_not_accepted']],
    ['932840198001010019', ['invalid_checksum']],
    ['81010019880808011X', ['invalid_checksum', 'unknown_province']],
    ['3201021985031512', ['invalid_format']],
    ['32010219850315123Y', ['invalid_format']],
    ['3201021985031512300', ['invalid_format']],
    ['', ['required']],
    ['   ', ['required']],
  ])('%s → %j', (input, expected) => {
    expect(codes(checkIdCard(input, { asOf }))).toEqual(expected)
  })

  it('collects every error, in DOMAIN order: checksum, date, province', () => {
    // wrong check digit, Feb 30 and province 72 all at once
    const body = '72010219850230123'
    const wrong = calcIdCardCheckDigit(body) === '0' ? '1' : '0'
    expect(codes(checkIdCard(body + wrong, { asOf }))).toEqual(['invalid_checksum', 'invalid_birth_date', 'unknown_province'])
  })

  it('a birth year before 1900 is a warning, not an error', () => {
    const r = checkIdCard(makeIdNumber('320102', '18991231'), { asOf })
    expect(r.ok).toBe(true)
    expect(warningCodes(r)).toEqual(['birth_year_before_1900'])
  })

  it('born today is fine, born tomorrow is in the future', () => {
    expect(checkIdCard(makeIdNumber('320102', '20250701'), { asOf }).ok).toBe(true)
    expect(codes(checkIdCard(makeIdNumber('320102', '20250702'), { asOf }))).toEqual(['birth_date_in_future'])
  })

  it('non-string input', () => {
    expect(codes(checkIdCard(undefined))).toEqual(['required'])
    expect(codes(checkIdCard(null))).toEqual(['required'])
    expect(codes(checkIdCard(320102198503151230))).toEqual(['invalid_type'])
    expect(codes(checkIdCard('3'.repeat(65)))).toEqual(['too_long'])
  })
})

describe('checkIdCard — region table (DOMAIN.md §2.3)', () => {
  it.each([
    ['320102', []],
    ['320576', []],
    ['320811', []],
    ['341400', []],
    ['342622', ['region_not_in_table']],
    ['329001', ['region_not_in_table']],
  ])('address code %s → warnings %j', (code, expected) => {
    const r = checkIdCard(makeIdNumber(code, '19850315'), { asOf, regions: regionTable })
    expect(r.ok).toBe(true)
    expect(warningCodes(r)).toEqual(expected)
  })

  it('without a table only the province digits are checked', () => {
    expect(checkIdCard(makeIdNumber('342622', '19850315'), { asOf }).warnings).toEqual([])
  })

  it('permit and foreign numbers are not looked up in the table', () => {
    expect(checkIdCard('81000019880808011X', { asOf, regions: regionTable }).warnings).toEqual([])
    expect(checkIdCard('932840198001010018', { asOf, regions: regionTable }).warnings).toEqual([])
  })

  it('accepts any object with has(), e.g. a Set', () => {
    const r = checkIdCard('320102198503151230', { asOf, regions: new Set(['320102']) })
    expect(r.warnings).toEqual([])
  })
})

describe('age (DOMAIN.md §5)', () => {
  it.each([
    ['320506201001010018', 15],
    ['320506200806300042', 17],
    ['340103200012310196', 24],
    ['320102198503151230', 40],
  ])('%s is %i on 2025-07-01', (n, age) => {
    const r = checkIdCard(n, { asOf })
    expect(r.ok && r.value.age).toBe(age)
  })

  it('asOf accepts a Date (taken in China Standard Time)', () => {
    // 2025-06-30T16:30Z is already 2025-07-01 00:30 in Beijing
    const r = checkIdCard('320506200806300042', { asOf: new Date('2025-06-30T16:30:00Z') })
    expect(r.ok && r.value.age).toBe(17)
  })

  it('a malformed asOf is a programming error and says so', () => {
    expect(() => checkIdCard('320102198503151230', { asOf: '2025/07/01' })).toThrow(/asOf must be 'YYYY-MM-DD'/)
  })
})

describe('isIdCard / assertIdCard', () => {
  it('is answers, assert throws a ValidationError carrying the same issues', () => {
    expect(isIdCard('320102198503151230')).toBe(true)
    expect(isIdCard('320102198503151231')).toBe(false)
    expect(assertIdCard('320102198503151230', { asOf }).birthDate).toBe('1985-03-15')
    try {
      assertIdCard('320102198503151231', { asOf })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError)
      expect(isValidationError(e)).toBe(true)
      expect((e as ValidationError).issues).toEqual(checkIdCard('320102198503151231', { asOf }).ok ? [] : [{ code: 'invalid_checksum', path: [] }])
      expect(String((e as Error).message)).not.toContain('320102198503151231') // never echo the number
    }
  })
})

describe('idCard15To18', () => {
  it.each([
    ['320102850315123', '320102198503151230'],
    ['340104700101002', '340104197001010026'],
    ['３４０１０４７００１０１００２', '340104197001010026'],
  ])('%s → %s', (s15, s18) => {
    expect(idCard15To18(s15)).toBe(s18)
    expect(checkIdCard(s18).ok).toBe(true)
  })
  it.each(['32010285031512', '320102850230123', '720102850315123', 'abc', ''])('throws on %j', (bad) => {
    expect(() => idCard15To18(bad)).toThrow(ValidationError)
  })
})

describe('properties (fast-check)', () => {
  const body17 = fc.stringMatching(/^\d{17}$/)
  it('any 17 digits plus the computed check character passes the checksum', () => {
    fc.assert(
      fc.property(body17, (b) => {
        const r = checkIdCard(b + calcIdCardCheckDigit(b), { asOf })
        return !codes(r).includes('invalid_checksum') && !codes(r).includes('invalid_format')
      }),
    )
  })

  it('a synthetic number with a real date and province passes completely', () => {
    const province = fc.constantFrom('11', '32', '34', '44', '65')
    const date = fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true })
    fc.assert(
      fc.property(province, fc.stringMatching(/^\d{4}$/), date, fc.stringMatching(/^\d{3}$/), (p, rest, d, seq) => {
        const birth = d.toISOString().slice(0, 10).replaceAll('-', '')
        const r = checkIdCard(makeIdNumber(p + rest, birth, seq), { asOf })
        return r.ok && r.value.birthDate.replaceAll('-', '') === birth && r.value.sex === (Number(seq[2]) % 2 ? 'male' : 'female')
      }),
    )
  })

  it('any single-character change to a valid number fails', () => {
    const valid = fc.tuple(body17).map(([b]) => b + calcIdCardCheckDigit(b))
    const alphabet = '0123456789X'.split('')
    fc.assert(
      fc.property(valid, fc.nat(17), fc.constantFrom(...alphabet), (n, i, c) => {
        fc.pre(n[i] !== c && (i === 17 || c !== 'X'))
        const changed = n.slice(0, i) + c + n.slice(i + 1)
        return !checkIdCard(changed, { asOf }).ok
      }),
    )
  })
})
