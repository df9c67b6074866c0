/** `GET /v1/parks?county=`: the logistics parks of a county, by name, from the directory. */
import type { Park } from '../contract/organisations'
import type { Directory } from '../matching/directory'

export function listParks(directory: Directory, q: { county: string }) {
  const data: Park[] = directory.parks
    .filter((p) => p.county === q.county)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((p) => ({ id: p.id, object: 'park', name: p.name, county: p.county }))
  return { object: 'list' as const, data, has_more: false, next_cursor: null }
}
