/** `GET /v1/organisations`: unions by name and region, in one order (by id) whatever order the directory was loaded in. */
import type { Organisation } from '../contract/organisations'
import type { Directory } from '../matching/directory'

export function searchOrganisations(directory: Directory, q: { q?: string | undefined; region_prefix?: string | undefined; limit?: string | undefined }) {
  const limit = Number(q.limit ?? 20)
  const found = directory.orgs.filter((o) => (q.q === undefined || o.name.includes(q.q)) && (q.region_prefix === undefined || o.regionCode.startsWith(q.region_prefix))).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const data: Organisation[] = found.slice(0, limit).map((o) => ({ id: o.id, object: 'organisation', name: o.name, type: o.type, level: o.level, region_code: o.regionCode, accepts_online: o.acceptsOnline, contact: o.contact ?? null }))
  return { object: 'list' as const, data, has_more: found.length > limit, next_cursor: null }
}
