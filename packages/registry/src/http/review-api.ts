/**
 * The reviewer API (the console talks to these): the review queue and actions, member status,
 * transfers between unions, statistics; the rest of the console's routes in console-api.ts.
 */
import type { Context, Hono } from 'hono'
import { type Caller, Refusal, type RegistryContext } from '../domain/context'
import { type ReviewAction, type ReviewActInput, reviewAct, reviewDetail, reviewQueue } from '../domain/review'
import { actOnTransfer, retrieveTransfer } from '../domain/transfers'
import { pilotStats } from '../domain/stats'
import { checkRangeFilter } from '../domain/range-filter'
import { mountConsoleApi } from './console-api'
import { mountMembersApi } from './members-api'
import { mountBatchApprovalApi } from './batch-approval-api'
import { BODY, QUERY, checkBody, checkQuery } from './review-schemas'
import type { RateLimiter } from './rate-limit'

type Vars = { Variables: { requestId: string; caller: Caller } }

export function mountReviewApi(app: Hono<Vars>, ctx: RegistryContext, limiter: RateLimiter) {
  const reviewer = (c: Context<Vars>) => {
    const caller = c.get('caller')
    if (caller.kind !== 'reviewer') throw new Refusal(caller.kind === 'none' ? 'invalid_api_key' : 'forbidden', { message: '此操作需要审核员账号' })
    return caller
  }
  const readJson = async (c: Context<Vars>): Promise<Record<string, unknown>> => {
    const text = await c.req.text()
    if (Buffer.byteLength(text) > ctx.config.maxBodyBytes) throw new Refusal('invalid_request', { message: '请求内容太大' })
    if (text === '') return {}
    try {
      const v = JSON.parse(text) as unknown
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Refusal('invalid_request', { message: '请求内容应为 JSON 对象' })
      return v as Record<string, unknown>
    } catch (e) {
      if (e instanceof Refusal) throw e
      throw new Refusal('invalid_request', { message: '请求内容不是有效的 JSON' })
    }
  }
  app.get('/v1/review/applications', async (c) => {
    const who = reviewer(c)
    const q = checkQuery(QUERY.queue, c.req.url)
    const pick = (k: 'status' | 'limit' | 'region_prefix' | 'platform_id') => (q[k] ? { [k]: q[k] } : {})
    return c.json(await reviewQueue(ctx, who, { ...pick('status'), ...pick('limit'), ...pick('region_prefix'), ...pick('platform_id') }))
  })
  app.get('/v1/review/applications/:id', async (c) => {
    const who = reviewer(c)
    return c.json(await reviewDetail(ctx, who, c.req.param('id'), checkQuery(QUERY.detail, c.req.url).reveal === 'true'))
  })
  // Before /applications/:id/:action: approve many at once (issue #16).
  mountBatchApprovalApi(app, ctx, { reviewer, readJson })
  app.post('/v1/review/applications/:id/:action', async (c) => {
    const who = reviewer(c)
    const action = c.req.param('action')
    if (!['approve', 'reject', 'request_info', 'assign'].includes(action)) throw new Refusal('not_found')
    const b = checkBody(BODY.act, await readJson(c))
    const input: ReviewActInput = {}
    if (b.reason !== undefined) input.reason = b.reason
    if (b.org_id !== undefined) input.org_id = b.org_id
    if (b.fields !== undefined) input.fields = b.fields
    if (b.documents !== undefined) input.documents = b.documents
    return c.json(await reviewAct(ctx, who, c.req.param('id'), action as ReviewAction, input))
  })
  // 保留会籍, restore, 开除会籍, and members' requests to leave (issue #16).
  mountMembersApi(app, ctx, { reviewer, readJson })
  app.get('/v1/review/transfers/:id', async (c) => c.json(await retrieveTransfer(ctx, reviewer(c), c.req.param('id'))))
  app.post('/v1/review/transfers/:id/:action', async (c) => {
    const action = c.req.param('action')
    if (!['release', 'accept', 'reject'].includes(action)) throw new Refusal('not_found')
    const who = reviewer(c)
    checkBody(BODY.none, await readJson(c))
    return c.json(await actOnTransfer(ctx, who, c.req.param('id'), action as 'release'))
  })
  mountConsoleApi(app, ctx, { reviewer, readJson, limiter })
  app.get('/v1/stats', async (c) => {
    reviewer(c)
    const q = checkQuery(QUERY.stats, c.req.url)
    return c.json(await pilotStats(ctx, { ...checkRangeFilter(q), ...(q.threshold ? { threshold: q.threshold } : {}) }, reviewer(c)))
  })
}
