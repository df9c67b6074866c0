/**
 * `@ruhui/core/townships`: the pilot provinces' townships, for the home-region picker's last
 * level, and the picker's type-ahead (names, codes, and the pilot provinces' pinyin initials). Its own
 * entry: about 50 KB of names that a mini-program never needs to carry (the picker asks the registry).
 */
import { regionChoices } from '../regions/region-table'
import { type PickerChoice, searchRegions, withInitials } from './region-search'
import { townshipsOf } from './township-table'

export { townshipProvinces, townshipsOf } from './township-table'
export { regionInitials, searchRegions } from './region-search'
export type { PickerChoice } from './region-search'

/**
 * What the home-region picker lists under `parent`: nothing given, the pilot's provinces; 2 or 4
 * digits, `regionChoices` (with their pinyin initials); a 6-digit county, its townships. With `q`,
 * the type-ahead under `parent` (a province's prefectures and counties, a prefecture's counties, a
 * county's townships; with no parent, every pilot province's). One rule for the registry and the sandbox.
 */
export function pickerChoices(parent: string | undefined, pilotProvinces: readonly string[], q?: string): PickerChoice[] {
  if (q !== undefined && q.trim() !== '') {
    const scopes = parent !== undefined ? [parent] : [...new Set(pilotProvinces.map((p) => p.slice(0, 2)))].sort()
    return scopes.flatMap((s) => searchRegions(s, q)).slice(0, 50)
  }
  return parent !== undefined && /^\d{6}$/.test(parent) ? townshipsOf(parent) : regionChoices(parent, pilotProvinces).map(withInitials)
}
