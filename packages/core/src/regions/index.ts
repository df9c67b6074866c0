/**
 * `@ruhui/core/regions`: GB/T 2260 region names and codes, kept out of the main
 * entry so that it stays small.
 */
export { lookupRegion, regionTable } from './region-table'
export type { RegionInfo, RegionLevel, RegionName } from './region-table'
