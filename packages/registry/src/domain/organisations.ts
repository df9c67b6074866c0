/** The public API's organisation routes: matching for the session's driver, and the region picker. */
import type { MatchRequest, RegionListQuery } from '@ruhui/core/contract'
import { matchUnion } from '@ruhui/core/matching'
import { matchRequestInput, toOrganisationMatchWire } from '@ruhui/core/server'
import { pickerChoices } from '@ruhui/core/townships'
import type { Locale } from '@ruhui/core'
import { type Caller, type RegistryContext, iso } from './context'
import { markMatched } from './sessions'

export async function matchForSession(ctx: RegistryContext, caller: Extract<Caller, { kind: 'join_token' }>, b: MatchRequest, locale: Locale) {
  // The funnel's second stage: a driver who consented and filled in the form asks for a match.
  await markMatched(ctx, caller.sessionId)
  // The platform is the join token's, never the body's: a driver's app cannot choose its tier.
  const r = matchUnion(ctx.directory(), matchRequestInput(b, { id: caller.platformId, uscc: caller.platformUscc }), { config: ctx.config.matching, asOf: iso(ctx.now()).slice(0, 10) })
  return toOrganisationMatchWire(r, locale)
}

export async function listRegions(ctx: RegistryContext, q: RegionListQuery) {
  return { object: 'list' as const, data: pickerChoices(q.parent, ctx.directory().provinces, q.q), has_more: false, next_cursor: null }
}
