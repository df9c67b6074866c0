/**
 * The reviewer API (the console talks to these): the review queue and actions, member status,
 * transfers between unions, statistics; the rest of the console's routes in console-api.ts.
 */
import type { Context, Hono } from 'hono'
import { type Caller, Refusal, type RegistryContext } from '../domain/context'
import { type ReviewAction, reviewAct, reviewDetail, reviewQueue, setMemberStatus } from '../domain/review'
import { actOnTransfer, retrieveTransfer } from '../domain/transfers'
import { pilotStats } from '../domain/stats'
import { checkRangeFilter } from '../domain/range-filter'
import { mountConsoleApi } from './console-api'
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
  const optString = (v: unknown, param: string) => {
    if (v !== undefined && (typeof v !== 'string' || v.length > 500)) throw new Refusal('parameter_invalid', { param })
    return v as string | undefined
  }
  app.get('/v1/review/applications', async (c) => {
    const q = c.req.query()
    const pick = (k: 'status' | 'limit' | 'region_prefix' | 'platform_id') => (q[k] ? { [k]: q[k] } : {})
    return c.json(await reviewQueue(ctx, reviewer(c), { ...pick('status'), ...pick('limit'), ...pick('region_prefix'), ...pick('platform_id') }))
  })
  app.get('/v1/review/applications/:id', async (c) => c.json(await reviewDetail(ctx, reviewer(c), c.req.param('id'), c.req.query('reveal') === 'true')))
  app.post('/v1/review/applications/:id/:action', async (c) => {
    const who = reviewer(c)
    const action = c.req.param('action')
    if (!['approve', 'reject', 'request_info', 'assign'].includes(action)) throw new Refusal('not_found')
    const b = await readJson(c)
    const input: { reason?: string; org_id?: string } = {}
    const reason = optString(b.reason, 'reason')
    const orgId = optString(b.org_id, 'org_id')
    if (reason !== undefined) input.reason = reason
    if (orgId !== undefined) input.org_id = orgId
    return c.json(await reviewAct(ctx, who, c.req.param('id'), action as ReviewAction, input))
  })
  app.post('/v1/review/members/:card/status', async (c) => {
    const who = reviewer(c)
    const b = await readJson(c)
    return c.json(await setMemberStatus(ctx, who, c.req.param('card'), String(b.status ?? ''), optString(b.reason, 'reason')))
  })
  app.get('/v1/review/transfers/:id', async (c) => c.json(await retrieveTransfer(ctx, reviewer(c), c.req.param('id'))))
  app.post('/v1/review/transfers/:id/:action', async (c) => {
    const action = c.req.param('action')
    if (!['release', 'accept', 'reject'].includes(action)) throw new Refusal('not_found')
    return c.json(await actOnTransfer(ctx, reviewer(c), c.req.param('id'), action as 'release'))
  })
  mountConsoleApi(app, ctx, { reviewer, readJson, limiter })
  app.get('/v1/stats', async (c) => {
    reviewer(c)
    const q = c.req.query()
    if (q.threshold !== undefined && !/^[1-9]\d{0,4}$/.test(q.threshold)) throw new Refusal('parameter_invalid', { param: 'threshold' })
    return c.json(await pilotStats(ctx, { ...checkRangeFilter(q), ...(q.threshold ? { threshold: q.threshold } : {}) }, reviewer(c)))
  })
}
