/** What the union and result steps show, for every shell: the unions the driver may choose, and whether the result still waits for the union. */
import { offeredOrgIdsOnWire } from '../contract/submission'
import type { FlowState, ResultKind } from './types'

export interface UnionChoice {
  id: string
  name: string
  /** Why this union, in the driver's words (from the registry). */
  reasons: string[]
}

/**
 * The candidates of the winning tier, or — when nothing covers the driver — the union that will assign one
 * (`assigning`, with the match's own reasons); only unions the registry offered.
 */
export function unionChoices(match: FlowState['match']): { choices: UnionChoice[]; assigning: boolean } {
  if (!match) return { choices: [], assigning: false }
  const assigning = match.candidates.length === 0
  const all = !assigning
    ? match.candidates.map((c) => ({ id: c.org_id, name: c.name, reasons: c.reasons.map((r) => r.message) }))
    : match.assigner
      ? [{ id: match.assigner.org_id, name: match.assigner.name, reasons: match.reasons.map((r) => r.message) }]
      : []
  const offered = offeredOrgIdsOnWire(match)
  return { choices: all.filter((c) => offered.includes(c.id)), assigning }
}

/** The union has not decided yet: the result step asks again now and then. */
export const awaitsUnion = (kind: ResultKind | undefined): boolean => kind === 'pending_review' || kind === 'needs_assignment' || kind === 'needs_info'
