/** Vehicle plates 机动车号牌 (GA 36-2018), DOMAIN.md §3.1. */
import { type Check, fail, issue, ok } from '../issues'
import { unwrapCheck } from '../errors'
import { guardString } from './normalize'

export type PlateKind =
  | 'ordinary' // 7 characters, blue or yellow (heavy and medium trucks carry yellow plates of this shape)
  | 'nev_small' // 8 characters, D/F (and the expanded letters) first
  | 'nev_large' // 8 characters, D/F (and the expanded letters) last
  | 'trailer' // …挂
  | 'coach' // …学
  | 'police' // …警
  | 'hk_mo' // 粤Z…港 / 粤Z…澳
  | 'consulate' // …领

export interface Plate {
  /** Normalised: no dot or spaces, upper-case, e.g. '苏A12345'. */
  plate: string
  kind: PlateKind
  /** Province abbreviation, e.g. '苏'. */
  province: string
  /** Issuing-authority letter, e.g. 'A'. */
  authority: string
}

const PROV = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'
const L = 'A-HJ-NP-Z'
const ORDINARY = new RegExp(`^[${PROV}][${L}][${L}0-9]{4}[${L}0-9挂学警港澳领]$`, 'u')
const NEV_SMALL = new RegExp(`^[${PROV}][${L}][A-HJK][${L}0-9]\\d{4}$`, 'u')
const NEV_LARGE = new RegExp(`^[${PROV}][${L}]\\d{5}[A-HJK]$`, 'u')
const SUFFIX_KINDS: Record<string, PlateKind> = { 挂: 'trailer', 学: 'coach', 警: 'police', 港: 'hk_mo', 澳: 'hk_mo', 领: 'consulate' }
const STRIP = /[\s\u00B7\u2022\u30FB\uFF0E\uFF65.\-]/gu

/** Check a plate number: ordinary, new-energy (8 characters) and the suffix kinds (挂 学 警 港 澳 领). */
export function checkPlate(input: unknown): Check<Plate> {
  const guard = guardString(input, 32)
  if (guard !== undefined) return fail([issue(guard)])
  const s = (input as string).normalize('NFKC').replace(STRIP, '').toUpperCase()
  const chars = [...s]
  const province = chars[0] ?? ''
  if (!PROV.includes(province) || province === '') return fail([issue('unknown_plate_province')])
  const authority = chars[1] ?? ''
  if (chars.slice(1).some((c) => c === 'I' || c === 'O')) return fail([issue('invalid_plate_letter')])
  let kind: PlateKind | undefined
  if (chars.length === 7 && ORDINARY.test(s)) {
    kind = SUFFIX_KINDS[chars[6] as string] ?? 'ordinary'
    // 港/澳 plates are issued only by Guangdong's Z authority.
    if (kind === 'hk_mo' && !(province === '粤' && authority === 'Z')) kind = undefined
  } else if (chars.length === 8) {
    if (NEV_SMALL.test(s)) kind = 'nev_small'
    else if (NEV_LARGE.test(s)) kind = 'nev_large'
  }
  if (kind === undefined) return fail([issue('invalid_format')])
  return ok({ plate: s, kind, province, authority })
}

export function isPlate(input: unknown): boolean {
  return checkPlate(input).ok
}

export function assertPlate(input: unknown): Plate {
  return unwrapCheck(checkPlate(input))
}
