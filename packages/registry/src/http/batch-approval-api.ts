/** `POST /v1/review/batch-approvals {application_ids}`: approve many at once, answered per application (issue #16). */
import type { Context, Hono } from 'hono'
import { approveMany } from '../domain/batch-approval'
import type { Caller, RegistryContext } from '../domain/context'
import { BODY, checkBody } from './review-schemas'

type Vars = { Variables: { requestId: string; caller: Caller } }
type Reviewer = Extract<Caller, { kind: 'reviewer' }>

export function mountBatchApprovalApi(app: Hono<Vars>, ctx: RegistryContext, { reviewer, readJson }: { reviewer(c: Context<Vars>): Reviewer; readJson(c: Context<Vars>): Promise<Record<string, unknown>> }) {
  app.post('/v1/review/batch-approvals', async (c) => {
    const who = reviewer(c)
    const b = checkBody(BODY.batchApprove, await readJson(c))
    return c.json(await approveMany(ctx, who, b.application_ids))
  })
}
