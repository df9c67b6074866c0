/** 统一社会信用代码 (GB 32100-2015), DOMAIN.md §3.4. */
import { type Check, type Issue, fail, issue, ok } from '../issues'
import { unwrapCheck } from '../errors'
import { guardString, normalizeIdentifier } from './normalize'

export type UsccAuthority =
  | 'establishment' // 1 机构编制
  | 'foreign_affairs' // 2 外交
  | 'justice' // 3 司法行政
  | 'culture' // 4 文化
  | 'civil_affairs' // 5 民政
  | 'tourism' // 6 旅游
  | 'religion' // 7 宗教
  | 'trade_union' // 8 工会
  | 'market_regulation' // 9 工商
  | 'military' // A 中央军委改革和编制办公室
  | 'agriculture' // N 农业
  | 'other' // Y 其他

export interface Uscc {
  code: string
  authority: UsccAuthority
  /** Second character: category within the authority, e.g. '1' = 基层工会 under authority 8. */
  category: string
  /** 6-digit region code of the registering authority. */
  regionCode: string
  /** True for a grassroots union (81…) — the kind of body that can hold 会籍. */
  isGrassrootsUnion: boolean
  /** Embedded GB 11714 organisation code check (advisory: it does not hold for every registrant). */
  orgCodeCheckValid: boolean
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
// Character code → value in the alphabet, -1 outside it (no I O S V Z).
const VALUE = new Int8Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i

function valueAt(s: string, i: number): number {
  const c = s.charCodeAt(i)
  return c < 128 ? (VALUE[c] as number) : -1
}

function checkValue(s: string): number {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += valueAt(s, i) * (WEIGHTS[i] as number)
  const c = 31 - (sum % 31)
  return c === 31 ? 0 : c
}
const AUTHORITIES: Record<string, UsccAuthority> = {
  '1': 'establishment', '2': 'foreign_affairs', '3': 'justice', '4': 'culture', '5': 'civil_affairs',
  '6': 'tourism', '7': 'religion', '8': 'trade_union', '9': 'market_regulation', A: 'military',
  N: 'agriculture', Y: 'other',
}

/** The MOD 31-3 check character for the first 17 characters. Throws when a character is outside the alphabet. */
export function calcUsccCheckChar(body17: string): string {
  if (body17.length !== 17) throw new TypeError('[@ruhui/core] calcUsccCheckChar needs exactly 17 characters')
  for (let i = 0; i < 17; i++) {
    if (valueAt(body17, i) < 0) throw new TypeError(`[@ruhui/core] '${body17[i]}' is not a credit-code character`)
  }
  return ALPHABET[checkValue(body17)] as string
}

function orgCodeValid(code9: string): boolean {
  const w = [3, 7, 9, 10, 5, 8, 4, 2]
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const ch = code9.charCodeAt(i)
    const v = ch >= 48 && ch <= 57 ? ch - 48 : ch >= 65 && ch <= 90 ? ch - 55 : -1
    if (v < 0) return false
    sum += v * (w[i] as number)
  }
  const c = 11 - (sum % 11)
  const expected = c === 10 ? 'X' : c === 11 ? '0' : String(c)
  return code9[8] === expected
}

/** Check a unified social credit code; `value.authority` says who registered it (e.g. `trade_union`). */
export function checkUscc(input: unknown): Check<Uscc> {
  const guard = guardString(input, 64)
  if (guard !== undefined) return fail([issue(guard)])
  const s = normalizeIdentifier(input as string)
  if (s.length !== 18) return fail([issue('invalid_length', { expected: 18, actual: [...s].length })])
  for (let i = 0; i < 18; i++) {
    if (valueAt(s, i) < 0) return fail([issue('invalid_character', { character: s[i] as string, position: i + 1 })])
  }
  const issues: Issue[] = []
  const authority = AUTHORITIES[s[0] as string]
  if (authority === undefined) issues.push(issue('unknown_registration_authority', { authority: s[0] as string }))
  if (!/^\d{6}$/.test(s.slice(2, 8))) issues.push(issue('invalid_region_code'))
  if (checkValue(s) !== valueAt(s, 17)) issues.push(issue('invalid_checksum'))
  if (issues.length > 0 || authority === undefined) return fail(issues)
  return ok({
    code: s,
    authority,
    category: s[1] as string,
    regionCode: s.slice(2, 8),
    isGrassrootsUnion: s[0] === '8' && s[1] === '1',
    orgCodeCheckValid: orgCodeValid(s.slice(8, 17)),
  })
}

export function isUscc(input: unknown): boolean {
  return checkUscc(input).ok
}

export function assertUscc(input: unknown): Uscc {
  return unwrapCheck(checkUscc(input))
}
