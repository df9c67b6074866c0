/**
 * The reviewer's routes for memberships (issue #16): 保留会籍 (retain), restore, 开除会籍 (expel,
 * with a reason), the earlier status route, and members' requests to leave (退会) to confirm or
 * decline. Who is asking first (401/403), then the body (400), then the subtree (404).
 */
import type { Context, Hono } from 'hono'
import { type Caller, Refusal, type RegistryContext } from '../domain/context'
import { pendingLeaveRequests } from '../domain/leave-requests'
import { type MemberAction, actOnMember, decideLeave, setMemberStatus } from '../domain/member-lifecycle'
import { BODY, QUERY, checkBody, checkQuery } from './review-schemas'

type Vars = { Variables: { requestId: string; caller: Caller } }
type Reviewer = Extract<Caller, { kind: 'reviewer' }>

export function mountMembersApi(app: Hono<Vars>, ctx: RegistryContext, { reviewer, readJson }: { reviewer(c: Context<Vars>): Reviewer; readJson(c: Context<Vars>): Promise<Record<string, unknown>> }) {
  app.post('/v1/review/members/:card/status', async (c) => {
    const who = reviewer(c)
    // {"status":{}} used to reach String(): a 400 naming the field now.
    const b = checkBody(BODY.memberStatus, await readJson(c))
    return c.json(await setMemberStatus(ctx, who, c.req.param('card'), b.status, b.reason))
  })
  app.post('/v1/review/members/:card/:action', async (c) => {
    const action = c.req.param('action')
    if (!['retain', 'restore', 'expel'].includes(action)) throw new Refusal('not_found')
    const who = reviewer(c)
    const b = checkBody(BODY.memberAction, await readJson(c))
    return c.json(await actOnMember(ctx, who, c.req.param('card'), action as MemberAction, b.reason))
  })
  app.get('/v1/review/leave-requests', async (c) => {
    const who = reviewer(c)
    checkQuery(QUERY.leaveRequests, c.req.url)
    return c.json(await pendingLeaveRequests(ctx, who))
  })
  app.post('/v1/review/leave-requests/:id/:decision', async (c) => {
    const decision = c.req.param('decision')
    if (decision !== 'confirm' && decision !== 'decline') throw new Refusal('not_found')
    const who = reviewer(c)
    const b = checkBody(BODY.memberAction, await readJson(c))
    return c.json(await decideLeave(ctx, who, c.req.param('id'), decision, b.reason))
  })
}
