/**
 * `@ruhui/core/regions`: GB/T 2260 region names and codes, kept out of the main
 * entry so that it stays small.
 */
export { childRegions, lookupRegion, regionChoices, regionTable } from './region-table'
export type { RegionChoice, RegionInfo, RegionLevel, RegionName } from './region-table'
