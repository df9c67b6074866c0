/**
 * Hash indexes over the directory, built once: every tier of matching is a handful of
 * Map lookups by (bucket, region prefix), so its cost does not grow with the directory.
 */
import type { UnionOrg } from './org'

/** Lengths of region codes, least to most specific. */
export const PREFIX_LENGTHS = [2, 4, 6, 9, 12] as const

/** Where an organisation can be found. Each key is `bucket|…`. */
export type Bucket =
  | 'employer' // enterprise unions by employer credit code
  | 'head_federation' // road-freight federations by the head enterprise they rely on + region prefix
  | 'industry' // freight federations / committees / new-form federations by region prefix
  | 'platform' // platform unions by platform id + region prefix
  | 'park' // park unions by park id
  | 'park_region' // park unions by region prefix
  | 'territorial' // township / devzone / village unions by region prefix
  | 'assigner' // local federations by region prefix

export interface DirectoryIndex {
  /** Organisations under `key` in `bucket`; two-part keys are joined with '|' (`platformId|prefix`). */
  get(bucket: Bucket, key: string): readonly UnionOrg[]
}

const BUCKETS: readonly Bucket[] = ['employer', 'head_federation', 'industry', 'platform', 'park', 'park_region', 'territorial', 'assigner']

const EMPTY: readonly UnionOrg[] = Object.freeze([])

/** Joining targets: active, online, and able to hold membership (DOMAIN.md §7.6). */
export function isJoinable(org: UnionOrg): boolean {
  return org.status === 'active' && org.acceptsOnline && org.isGrassroots
}

export function buildIndex(orgs: readonly UnionOrg[]): DirectoryIndex {
  const maps = {} as Record<Bucket, Map<string, UnionOrg[]>>
  for (const b of BUCKETS) maps[b] = new Map()
  const add = (map: Map<string, UnionOrg[]>, key: string, org: UnionOrg) => {
    const list = map.get(key)
    if (list === undefined) map.set(key, [org])
    else list.push(org)
  }
  for (const org of orgs) {
    const prefixes = org.coverage.regionPrefixes
    if (org.type === 'local_federation') {
      if (org.status === 'active') for (const p of prefixes) add(maps.assigner, p, org)
      continue
    }
    if (!isJoinable(org)) continue
    switch (org.type) {
      case 'enterprise_union':
        for (const u of org.coverage.employerUsccs ?? []) add(maps.employer, u, org)
        break
      case 'freight_federation':
      case 'freight_committee':
      case 'new_form_federation':
        for (const p of prefixes) {
          add(maps.industry, p, org)
          // Tier 2 is the road-freight federation built on a head enterprise (DOMAIN.md §7.6).
          if (org.type === 'freight_federation' && org.reliesOnEnterpriseUscc !== undefined) add(maps.head_federation, `${org.reliesOnEnterpriseUscc}|${p}`, org)
        }
        break
      case 'platform_union':
        for (const platform of org.coverage.platformIds ?? []) for (const p of prefixes) add(maps.platform, `${platform}|${p}`, org)
        break
      case 'park_union':
        for (const park of org.coverage.parkIds ?? []) add(maps.park, park, org)
        for (const p of prefixes) add(maps.park_region, p, org)
        break
      case 'township_union':
      case 'devzone_union':
      case 'village_union':
        for (const p of prefixes) add(maps.territorial, p, org)
        break
    }
  }
  return {
    get(bucket, key) {
      return maps[bucket].get(key) ?? EMPTY
    },
  }
}
