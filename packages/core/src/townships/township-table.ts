/** The pilot provinces' townships by county, parsed on first use from the generated table. */
import type { RegionChoice } from '../regions/region-table'
import { TOWNSHIP_DATA, TOWNSHIP_PROVINCES } from './township-table.generated'

let byCounty: Map<string, string> | undefined

/**
 * The townships (乡镇、街道 …) of a county, sorted by code, as picker choices with 9-digit codes.
 * Only the pilot provinces are in the table: elsewhere, and for a code that is not a county, none.
 */
export function townshipsOf(county: string): RegionChoice[] {
  if (typeof county !== 'string' || !/^\d{6}$/.test(county)) return []
  byCounty ??= new Map(TOWNSHIP_DATA.split('\n').map((line) => [line.slice(0, 6), line.slice(7)] as [string, string]))
  const list = byCounty.get(county)
  if (!list) return []
  return list.split('|').map((t) => ({ code: `${county}${t.slice(0, 3)}`, name: t.slice(3), level: 'township' as const }))
}

/** The provinces (2-digit prefixes) whose townships the table holds. */
export const townshipProvinces: readonly string[] = TOWNSHIP_PROVINCES
