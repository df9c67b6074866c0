/**
 * `@ruhui/core/townships`: the pilot provinces' townships, for the home-region picker's last
 * level. Its own entry: about 50 KB of names that a mini-program never needs to carry (the
 * picker asks the registry).
 */
import { type RegionChoice, regionChoices } from '../regions/region-table'
import { townshipsOf } from './township-table'

export { townshipProvinces, townshipsOf } from './township-table'

/**
 * What the home-region picker lists under `parent`: nothing given, the pilot's provinces; 2 or 4
 * digits, `regionChoices`; a 6-digit county, its townships. One rule for the registry and the sandbox.
 */
export function pickerChoices(parent: string | undefined, pilotProvinces: readonly string[]): RegionChoice[] {
  return parent !== undefined && /^\d{6}$/.test(parent) ? townshipsOf(parent) : regionChoices(parent, pilotProvinces)
}
