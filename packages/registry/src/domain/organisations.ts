/** The public API's organisation routes: matching for the session's driver, and the region picker. */
import type { MatchRequest, RegionListQuery } from '@ruhui/core/contract'
import { matchUnion } from '@ruhui/core/matching'
import { toOrganisationMatchWire } from '@ruhui/core/server'
import { pickerChoices } from '@ruhui/core/townships'
import type { Locale } from '@ruhui/core'
import { type Caller, type RegistryContext, iso } from './context'
import { markMatched } from './sessions'

export async function matchForSession(ctx: RegistryContext, caller: Extract<Caller, { kind: 'join_token' }>, b: MatchRequest, locale: Locale) {
  // The funnel's second stage: a driver who consented and filled in the form asks for a match.
  await markMatched(ctx, caller.sessionId)
  const r = matchUnion(
    ctx.directory(),
    {
      employmentForm: b.employment_form,
      baseRegion: b.base_region,
      ...(b.employer_uscc ? { employerUscc: b.employer_uscc } : {}),
      ...(b.home_park_id ? { homeParkId: b.home_park_id } : {}),
      ...(b.age !== undefined ? { age: b.age } : {}),
      ...(b.document_kind ? { documentKind: b.document_kind } : {}),
    },
    { config: ctx.config.matching, asOf: iso(ctx.now()).slice(0, 10) },
  )
  return toOrganisationMatchWire(r, locale)
}

export async function listRegions(ctx: RegistryContext, q: RegionListQuery) {
  return { object: 'list' as const, data: pickerChoices(q.parent, ctx.directory().provinces), has_more: false, next_cursor: null }
}
