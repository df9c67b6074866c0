/** Names 姓名, DOMAIN.md §4: Han characters (any CJK extension), middle-dot names, Latin for foreign PR holders. */
import { type Check, fail, issue, ok } from '../issues'
import { unwrapCheck } from '../errors'
import type { IdCardKind } from './id-card'

export interface PersonName {
  /** NFC, no spaces, dot look-alikes mapped to U+00B7. */
  name: string
  /** Length in characters (code points), not UTF-16 units: '𠮷野家' is 3. */
  length: number
  script: 'han' | 'latin'
}

export interface PersonNameOptions {
  /** The document the name goes with; `foreign_permanent` cards carry Latin upper-case names. */
  documentKind?: IdCardKind
}

const DOT_VARIANTS = /[\u00B7\u0387\u16EB\u2022\u2027\u2219\u22C5\u2E31\u30FB\u318D\uFF0E\uFF65.]/gu
const HAN_NAME = /^\p{Script=Han}+(?:\u00B7\p{Script=Han}+)*$/u
const HAN_OR_DOT = /^[\p{Script=Han}\u00B7]+$/u
const LATIN_NAME = /^[A-Z][A-Z ,.'-]{0,79}$/
const MIN = 2
const MAX = 50

/** Normalise a typed name without changing its characters (NFC, never NFKC). */
export function normalizePersonName(raw: string): string {
  return raw.normalize('NFC').trim().replace(/\s+/gu, '').replace(DOT_VARIANTS, '\u00B7')
}

export function checkPersonName(input: unknown, options: PersonNameOptions = {}): Check<PersonName> {
  if (typeof input !== 'string') return fail([issue(input === undefined || input === null ? 'required' : 'invalid_type')])
  if (input.length > 400) return fail([issue('too_long')])
  if (options.documentKind === 'foreign_permanent') {
    const latin = input.normalize('NFC').trim().replace(/\s+/gu, ' ').toUpperCase()
    if (latin === '') return fail([issue('required')])
    if (!LATIN_NAME.test(latin)) return fail([issue('invalid_name_character')])
    return ok({ name: latin, length: latin.length, script: 'latin' })
  }
  const name = normalizePersonName(input)
  if (name === '') return fail([issue('required')])
  const length = [...name].length
  if (!HAN_OR_DOT.test(name)) return fail([issue('invalid_name_character')])
  if (!HAN_NAME.test(name)) return fail([issue('invalid_name_dot')])
  if (length < MIN) return fail([issue('name_too_short', { min: MIN })])
  if (length > MAX) return fail([issue('name_too_long', { max: MAX })])
  return ok({ name, length, script: 'han' })
}

export function isPersonName(input: unknown, options?: PersonNameOptions): boolean {
  return checkPersonName(input, options).ok
}

export function assertPersonName(input: unknown, options?: PersonNameOptions): PersonName {
  return unwrapCheck(checkPersonName(input, options))
}
