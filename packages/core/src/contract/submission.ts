/** What a driver may choose from a match on the wire: the candidates, or the assigner when nothing covers the driver. */
import type { OrganisationMatch } from './organisations'

/** offeredOrgIds for a match on the wire: the candidates, or the assigner when nothing covers the driver. */
export function offeredOrgIdsOnWire(match: Pick<OrganisationMatch, 'candidates' | 'assigner'>): string[] {
  const ids = match.candidates.map((c) => c.org_id)
  if (match.assigner) ids.push(match.assigner.org_id)
  return ids
}
