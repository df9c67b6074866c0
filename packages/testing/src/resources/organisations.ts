import type { MatchRequest, OrganisationMatch } from '@ruhui/core/contract'
import { matchUnion } from '@ruhui/core/matching'
import { toOrganisationMatchWire } from '@ruhui/core/server'
import type { Ctx } from '../http-kit'

export function matchOrganisations(ctx: Ctx, body: MatchRequest): OrganisationMatch {
  const r = matchUnion(
    ctx.state.directory,
    {
      employmentForm: body.employment_form,
      baseRegion: body.base_region,
      ...(body.employer_uscc ? { employerUscc: body.employer_uscc } : {}),
      ...(body.home_park_id ? { homeParkId: body.home_park_id } : {}),
      ...(body.age !== undefined ? { age: body.age } : {}),
      ...(body.document_kind ? { documentKind: body.document_kind } : {}),
    },
    { asOf: new Date(ctx.state.now()).toISOString().slice(0, 10) },
  )
  return toOrganisationMatchWire(r, ctx.locale)
}
