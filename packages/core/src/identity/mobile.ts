/** Mainland mobile numbers (DOMAIN.md §2.6). The real proof is an SMS code; this checks shape. */
import { type Check, fail, issue, ok } from '../issues'
import { unwrapCheck } from '../errors'
import { guardString } from './normalize'

export interface Mobile {
  /** 11 digits, no country code. */
  number: string
  /** False when the prefix is not in the current allocation list (a warning, not an error). */
  commonPrefix: boolean
}

const LOOSE = /^1[3-9]\d{9}$/
// libphonenumber CN mobile metadata + 149, DOMAIN.md §2.6
const STRICT = /^(?:1(?:3\d|4[579]|5[0-35-9]|6[2567]|7[0-35-8]|8\d|9[0-35-9])\d{8}|1740[0-5]\d{6})$/
const STRIP = /[\s\-()（）]/gu

/** Check a mobile number; accepts `+86`/`0086`, spaces, hyphens, full-width digits. */
export function checkMobile(input: unknown): Check<Mobile> {
  const guard = guardString(input, 40)
  if (guard !== undefined) return fail([issue(guard)])
  let s = (input as string).normalize('NFKC').replace(STRIP, '')
  if (s.startsWith('+86')) s = s.slice(3)
  else if (s.startsWith('0086')) s = s.slice(4)
  if (!LOOSE.test(s)) return fail([issue('invalid_format')])
  const commonPrefix = STRICT.test(s)
  return ok({ number: s, commonPrefix }, commonPrefix ? undefined : [issue('mobile_prefix_uncommon')])
}

export function isMobile(input: unknown): boolean {
  return checkMobile(input).ok
}

export function assertMobile(input: unknown): Mobile {
  return unwrapCheck(checkMobile(input))
}
