/**
 * The region picker's type-ahead: prefectures and counties found by name, pinyin initials
 * ("hf" → 合肥市, "fx" → 肥西县) or code, with the place in words. The initials are precomputed
 * (region-initials.generated.ts), so neither the mini-program nor the registry carries a pinyin library.
 */
import { type RegionChoice, childRegions, lookupRegion } from '../regions/region-table'
import { REGION_INITIALS } from './region-initials.generated'
import { townshipsOf } from './township-table'

/** A picker choice, with its initials (prefectures, counties) and, in search results, the place in words. */
export interface PickerChoice extends RegionChoice {
  initials?: string
  full_name?: string
}

let initialsByCode: Map<string, string> | null = null

/** The lower-case pinyin initials of a pilot province's current prefecture or county ('340123' → 'fxx'; undefined elsewhere). */
export function regionInitials(code: string): string | undefined {
  if (!initialsByCode) initialsByCode = new Map(REGION_INITIALS.split('|').map((r) => [r.slice(0, 6), r.slice(6)]))
  return initialsByCode.get(code)
}

export const withInitials = (r: RegionChoice): PickerChoice => {
  const initials = r.level === 'prefecture' || r.level === 'county' ? regionInitials(r.code) : undefined
  return initials ? { ...r, initials } : r
}

/** The place in words from the province down ('安徽省 合肥市 肥西县'). */
function fullName(r: RegionChoice): string {
  if (r.level !== 'township') return lookupRegion(r.code)?.fullName ?? r.name
  return `${lookupRegion(r.code.slice(0, 6))?.fullName ?? ''} ${r.name}`.trim()
}

/** Everything `q` may find under `parent` (2 digits: prefectures and counties; 4: counties; 6: townships). */
function searchable(parent: string): RegionChoice[] {
  if (parent.length === 6) return townshipsOf(parent)
  const top = childRegions(parent)
  return parent.length === 4 ? top : top.flatMap((r) => (r.level === 'prefecture' ? [r, ...childRegions(r.code.slice(0, 4))] : [r]))
}

/** The query as the driver meant it: letters are initials (lower case), digits a code, anything else part of a name. */
function matcher(q: string): (r: PickerChoice) => boolean {
  const s = q.replace(/\s+/g, '').toLowerCase()
  if (/^[a-z]+$/.test(s)) return (r) => (r.initials ?? '').startsWith(s)
  if (/^\d+$/.test(s)) return (r) => r.code.startsWith(s)
  return (r) => r.name.includes(s)
}

/** The search results under `parent` for `q`, prefectures before their counties, at most `limit`. */
export function searchRegions(parent: string, q: string, limit = 50): PickerChoice[] {
  const match = matcher(q)
  const out: PickerChoice[] = []
  for (const r of searchable(parent).map(withInitials)) {
    if (!match(r)) continue
    out.push({ ...r, full_name: fullName(r) })
    if (out.length >= limit) break
  }
  return out
}
