/**
 * 公民身份号码 (GB 11643-1999) and the documents built on it: HK/Macao/Taiwan
 * residence permits (810000/820000/830000) and the 2023 foreign permanent
 * resident card (first digit 9). Rules and vectors: DOMAIN.md §2.
 */
import type { DocumentKind } from '../enums'
import { type Check, type Issue, fail, issue, ok } from '../issues'
import { unwrapCheck } from '../errors'
import { type DateParts, ageFromParts, isRealDate, resolveAsOf } from './calendar'
import { guardString, normalizeIdentifier } from './normalize'

/** The document behind the number (DOMAIN.md §2). */
export type IdCardKind = DocumentKind
export type Sex = 'male' | 'female'

export interface IdCard {
  /** Normalised 18 characters, upper-case X. */
  number: string
  kind: IdCardKind
  /** The 6-digit address code the number was issued with (NOT where the driver lives now). */
  regionCode: string
  /** 'YYYY-MM-DD' */
  birthDate: string
  sex: Sex
  /** Full years (周岁) on `asOf`, counted from the day after the birthday. */
  age: number
}

/** Anything with `has(code)`, e.g. `regionTable` from `@ruhui/core/regions`, or a `Set`. */
export interface RegionCodeSet {
  has(code: string): boolean
}

export interface IdCardOptions {
  /** Decision date ('YYYY-MM-DD' or a Date); @default today in China Standard Time */
  asOf?: string | Date
  /**
   * Region codes to check the address code against. A code that is missing is
   * a warning (`region_not_in_table`), never an error: numbers keep the code
   * they were issued with, and old codes are gone from current tables.
   * Without it only the province digits are checked.
   */
  regions?: RegionCodeSet
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'
// First two digits of the 31 mainland provinces (DOMAIN.md §2.2 rule 1).
const PROVINCES = new Uint8Array(100)
for (const p of [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65]) {
  PROVINCES[p] = 1
}
const PERMIT_KINDS: Record<number, IdCardKind> = { 81: 'hk', 82: 'mo', 83: 'tw' } // with address code PP0000
const MAX_RAW_LENGTH = 64

// 'YYYY-MM-DD' strings for birth dates, made once per date: building them from slices
// costs more than the whole checksum (bench/identity.mjs). Two levels, a 372-slot array
// per birth year seen (1900–2099), so memory grows only with the years actually met.
const dateStringsByYear: Array<Array<string | undefined> | undefined> = new Array(200).fill(undefined)

// The last decision date seen. Checked here rather than inside resolveAsOf so that the
// common case (a bulk check with one asOf) never depends on the JIT inlining a call.
let lastAsOf: DateParts = { iso: '', y: 0, m: 0, d: 0 }

function birthDateString(s: string, y: number, m: number, d: number): string {
  if (y < 1900 || y > 2099) return `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`
  const year = (dateStringsByYear[y - 1900] ??= new Array<string | undefined>(372).fill(undefined))
  const slot = m * 31 + d - 32
  return (year[slot] ??= `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`)
}

/** The MOD 11-2 check character for the first 17 digits. Throws when `body17` is not 17 digits. */
export function calcIdCardCheckDigit(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new TypeError('[@ruhui/core] calcIdCardCheckDigit needs exactly 17 digits')
  return CHECK_CHARS[checkIndex(body17)] as string
}

function checkIndex(s: string): number {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (s.charCodeAt(i) - 48) * (WEIGHTS[i] as number)
  return sum % 11
}

function isDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return true
}

function num(s: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48
  return n
}

/**
 * Check an identity-document number.
 * @example
 * checkIdCard('320102198503151230', { asOf: '2025-07-01' })
 * // { ok: true, value: { number, kind: 'resident', regionCode: '320102', birthDate: '1985-03-15', sex: 'male', age: 40 }, warnings: [] }
 */
export function checkIdCard(input: unknown, options: IdCardOptions = {}): Check<IdCard> {
  // Fast path, the common case: 18 plain ASCII characters. Shape and checksum in one
  // unrolled pass (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2): see bench/identity.mjs.
  if (typeof input === 'string' && input.length === 18) {
    const d0 = input.charCodeAt(0) - 48, d1 = input.charCodeAt(1) - 48, d2 = input.charCodeAt(2) - 48
    const d3 = input.charCodeAt(3) - 48, d4 = input.charCodeAt(4) - 48, d5 = input.charCodeAt(5) - 48
    const d6 = input.charCodeAt(6) - 48, d7 = input.charCodeAt(7) - 48, d8 = input.charCodeAt(8) - 48
    const d9 = input.charCodeAt(9) - 48, d10 = input.charCodeAt(10) - 48, d11 = input.charCodeAt(11) - 48
    const d12 = input.charCodeAt(12) - 48, d13 = input.charCodeAt(13) - 48, d14 = input.charCodeAt(14) - 48
    const d15 = input.charCodeAt(15) - 48, d16 = input.charCodeAt(16) - 48
    const last = input.charCodeAt(17)
    // `>>> 0` turns a negative (below '0') into a large number: one comparison per digit.
    if (
      (d0 >>> 0) <= 9 && (d1 >>> 0) <= 9 && (d2 >>> 0) <= 9 && (d3 >>> 0) <= 9 && (d4 >>> 0) <= 9 &&
      (d5 >>> 0) <= 9 && (d6 >>> 0) <= 9 && (d7 >>> 0) <= 9 && (d8 >>> 0) <= 9 && (d9 >>> 0) <= 9 &&
      (d10 >>> 0) <= 9 && (d11 >>> 0) <= 9 && (d12 >>> 0) <= 9 && (d13 >>> 0) <= 9 && (d14 >>> 0) <= 9 &&
      (d15 >>> 0) <= 9 && (d16 >>> 0) <= 9 &&
      ((last >= 48 && last <= 57) || last === 88 || last === 120)
    ) {
      const sum =
        d0 * 7 + d1 * 9 + d2 * 10 + d3 * 5 + d4 * 8 + d5 * 4 + d6 * 2 + d7 + d8 * 6 +
        d9 * 3 + d10 * 7 + d11 * 9 + d12 * 10 + d13 * 5 + d14 * 8 + d15 * 4 + d16 * 2
      const y = d6 * 1000 + d7 * 100 + d8 * 10 + d9
      return checkNormalized(last === 120 ? input.toUpperCase() : input, sum % 11, y, d10 * 10 + d11, d12 * 10 + d13, options)
    }
  }
  // General path: full-width digits, spaces, hyphens, wrong types and lengths.
  const guard = guardString(input, MAX_RAW_LENGTH)
  if (guard !== undefined) return fail([issue(guard)])
  const s = normalizeIdentifier(input as string)
  if (s.length === 0) return fail([issue('required')])
  if (s.length === 15 && isDigits(s, 0, 15)) return fail([issue('legacy_15_not_accepted')])
  if (s.length !== 18 || !isDigits(s, 0, 17)) return fail([issue('invalid_format')])
  const last = s.charCodeAt(17)
  if (!((last >= 48 && last <= 57) || last === 88)) return fail([issue('invalid_format')])
  return checkNormalized(s, checkIndex(s), num(s, 6, 10), num(s, 10, 12), num(s, 12, 14), options)
}

// Everything after the shape: `s` is 17 digits + [0-9X]; `mod` is the weighted sum mod 11;
// y-m-d the digits of the birth-date field (not yet known to be a real date).
function checkNormalized(s: string, mod: number, y: number, m: number, d: number, options: IdCardOptions): Check<IdCard> {
  let errors: Issue[] | undefined
  let warnings: Issue[] | undefined
  if (s.charCodeAt(17) !== CHECK_CHARS.charCodeAt(mod)) (errors ??= []).push(issue('invalid_checksum'))

  const asOfOption = options.asOf
  const asOf = asOfOption !== undefined && asOfOption === lastAsOf.iso ? lastAsOf : (lastAsOf = resolveAsOf(asOfOption))
  if (!isRealDate(y, m, d)) {
    ;(errors ??= []).push(issue('invalid_birth_date'))
  } else {
    if (y > asOf.y || (y === asOf.y && (m > asOf.m || (m === asOf.m && d > asOf.d)))) (errors ??= []).push(issue('birth_date_in_future'))
    if (y < 1900) (warnings ??= []).push(issue('birth_year_before_1900'))
  }

  const regionCode = s.slice(0, 6)
  const province = (s.charCodeAt(0) - 48) * 10 + s.charCodeAt(1) - 48
  let kind: IdCardKind = 'resident'
  if (province >= 90) {
    kind = 'foreign_permanent' // digits 2–6 are opaque (authority + nationality), DOMAIN.md §2.5
  } else if (province >= 81 && province <= 83 && s.startsWith('0000', 2)) {
    kind = PERMIT_KINDS[province] as IdCardKind
  } else if (PROVINCES[province] !== 1) {
    ;(errors ??= []).push(issue('unknown_province', { province: s.slice(0, 2) }))
  } else if (options.regions !== undefined && !options.regions.has(regionCode)) {
    ;(warnings ??= []).push(issue('region_not_in_table', { regionCode }))
  }

  if (errors !== undefined) return fail(errors, warnings)
  return ok(
    {
      number: s,
      kind,
      regionCode,
      birthDate: birthDateString(s, y, m, d),
      sex: (s.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female',
      age: ageFromParts(y, m, d, asOf.y, asOf.m, asOf.d),
    },
    warnings,
  )
}

/** True when `input` is a valid identity-document number (warnings allowed). */
export function isIdCard(input: unknown, options?: IdCardOptions): boolean {
  return checkIdCard(input, options).ok
}

/** The checked identity document, or throws `ValidationError` with the same issues as `checkIdCard`. */
export function assertIdCard(input: unknown, options?: IdCardOptions): IdCard {
  return unwrapCheck(checkIdCard(input, options))
}

/**
 * Upgrade a legacy 15-digit number (first-generation card, void since 2013) to
 * 18 characters: '19' after the address code, plus the check character.
 * For migrating stored records; new applications must type the 18-digit number.
 * Throws `ValidationError` when the input is not a well-formed 15-digit number.
 */
export function idCard15To18(input: unknown): string {
  const guard = guardString(input, MAX_RAW_LENGTH)
  if (guard !== undefined) return unwrapCheck<string>(fail([issue(guard)]))
  const s = normalizeIdentifier(input as string)
  if (s.length !== 15 || !isDigits(s, 0, 15)) return unwrapCheck<string>(fail([issue('invalid_format')]))
  const issues: Issue[] = []
  if (PROVINCES[num(s, 0, 2)] !== 1) issues.push(issue('unknown_province', { province: s.slice(0, 2) }))
  if (!isRealDate(1900 + num(s, 6, 8), num(s, 8, 10), num(s, 10, 12))) issues.push(issue('invalid_birth_date'))
  if (issues.length > 0) return unwrapCheck<string>(fail(issues))
  const body = `${s.slice(0, 6)}19${s.slice(6)}`
  return body + CHECK_CHARS[checkIndex(body)]
}
