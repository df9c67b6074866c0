import type { MatchRequest, OrganisationMatch } from '@ruhui/core/contract'
import { matchUnion } from '@ruhui/core/matching'
import { matchRequestInput, toOrganisationMatchWire } from '@ruhui/core/server'
import { type Ctx, callerPlatform } from '../http-kit'

export function matchOrganisations(ctx: Ctx, body: MatchRequest): OrganisationMatch {
  const r = matchUnion(ctx.state.directory, matchRequestInput(body, callerPlatform(ctx)), { asOf: new Date(ctx.state.now()).toISOString().slice(0, 10), config: ctx.state.matching })
  return toOrganisationMatchWire(r, ctx.locale)
}
