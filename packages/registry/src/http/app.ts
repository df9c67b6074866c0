/**
 * The registry's HTTP API (Hono): the routes of @ruhui/core/contract, the reviewer API, the
 * OpenAPI document and health. Every client mistake gets the error shape with a 4xx; only the
 * registry's own faults are 5xx.
 */
import { createRequire } from 'node:module'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'
import { API_VERSION, ROUTES, type Route, type RouteName, checkRequestBody, toChinaTime } from '@ruhui/core/contract'
import { matchUnion, toOrganisationMatchWire } from '@ruhui/core/matching'
import { pickerChoices } from '@ruhui/core/townships'
import { createSession, markMatched, refreshSession, retrieveSession } from '../domain/sessions'
import { listApplications, retrieveApplication, submitApplication, volunteerApplication, withdrawApplication } from '../domain/applications'
import { requestTransfer, retrieveTransfer } from '../domain/transfers'
import { listServices } from '../domain/services'
import { type Caller, Refusal, type RegistryContext, iso } from '../domain/context'
import { authenticate } from './auth'
import { random } from '../crypto/hashing'
import { RateLimiter } from './rate-limit'
import { errorResponse } from './respond'
import { fingerprintOf, idempotencyHook, remember, replay } from './idempotency'
import { jobHook } from '../db/write-queue'
import { mountReviewApi } from './review-api'

type Vars = { Variables: { requestId: string; caller: Caller } }
type Args = { id: string; body: never; query: never; locale: 'zh-CN' | 'en' }
/** What every handler answers: a status and a body, or a refusal that must still be remembered. */
type Reply = { status: number; body: unknown }
type Handler = (ctx: RegistryContext, caller: never, args: Args) => Promise<Reply | Refusal>

/** For handlers whose success status is the route's own. */
const plain =
  (name: RouteName, fn: (ctx: RegistryContext, caller: never, args: Args) => Promise<unknown>): Handler =>
  async (ctx, caller, args) => ({ status: ROUTES[name].status, body: await fn(ctx, caller, args) })

const HANDLERS: Record<RouteName, Handler> = {
  health: plain('health', async (ctx) => ({ status: 'ok', api_version: API_VERSION, time: toChinaTime(ctx.now()) })),
  createJoinSession: (ctx, caller, a) => createSession(ctx, caller, a.body),
  retrieveJoinSession: plain('retrieveJoinSession', (ctx, caller, a) => retrieveSession(ctx, caller, a.id)),
  refreshJoinSession: plain('refreshJoinSession', (ctx, caller, a) => refreshSession(ctx, caller, a.id)),
  submitApplication: (ctx, caller, a) => submitApplication(ctx, caller, a.body, a.locale),
  retrieveApplication: plain('retrieveApplication', (ctx, caller, a) => retrieveApplication(ctx, caller, a.id)),
  listApplications: plain('listApplications', (ctx, caller, a) => listApplications(ctx, caller, a.query)),
  withdrawApplication: plain('withdrawApplication', (ctx, caller, a) => withdrawApplication(ctx, caller, a.id)),
  requestTransfer: (ctx, caller, a) => requestTransfer(ctx, caller, a.body),
  retrieveTransfer: plain('retrieveTransfer', (ctx, caller, a) => retrieveTransfer(ctx, caller, a.id)),
  matchOrganisations: plain('matchOrganisations', async (ctx, caller: Caller, a) => {
    // The funnel's second stage: a driver who consented and filled in the form asks for a match.
    if (caller.kind === 'join_token') await markMatched(ctx, caller.sessionId)
    const b = a.body as unknown as { employment_form: string; base_region: { county: string; township?: string }; employer_uscc?: string; home_park_id?: string; age?: number; document_kind?: string }
    const r = matchUnion(ctx.directory(), {
      employmentForm: b.employment_form as 'other',
      baseRegion: b.base_region,
      ...(b.employer_uscc ? { employerUscc: b.employer_uscc } : {}),
      ...(b.home_park_id ? { homeParkId: b.home_park_id } : {}),
      ...(b.age !== undefined ? { age: b.age } : {}),
      ...(b.document_kind ? { documentKind: b.document_kind as 'resident' } : {}),
    }, { config: ctx.config.matching, asOf: iso(ctx.now()).slice(0, 10) })
    return toOrganisationMatchWire(r, a.locale)
  }),
  searchOrganisations: plain('searchOrganisations', async (ctx, _caller, a) => {
    const q = a.query as unknown as { q?: string; region_prefix?: string; limit?: string }
    const limit = Number(q.limit ?? 20)
    const found = ctx.directory().orgs.filter((o) => (q.q === undefined || o.name.includes(q.q)) && (q.region_prefix === undefined || o.regionCode.startsWith(q.region_prefix)))
    return { object: 'list', data: found.slice(0, limit).map((o) => ({ id: o.id, object: 'organisation', name: o.name, type: o.type, level: o.level, region_code: o.regionCode, accepts_online: o.acceptsOnline })), has_more: found.length > limit, next_cursor: null }
  }),
  listMemberServices: plain('listMemberServices', async (ctx, _caller, a) => listServices(ctx, a.query)),
  volunteerApplication: plain('volunteerApplication', (ctx, caller, a) => volunteerApplication(ctx, caller, a.id, a.body)),
  listRegions: plain('listRegions', async (ctx, _caller, a) => {
    const q = a.query as unknown as { parent?: string }
    return { object: 'list', data: pickerChoices(q.parent, ctx.directory().provinces), has_more: false, next_cursor: null }
  }),
}

function isReply(v: unknown): v is Reply {
  return typeof v === 'object' && v !== null && typeof (v as Reply).status === 'number' && 'body' in v && Object.keys(v).length === 2
}

const PER_SECOND = (ctx: RegistryContext, caller: Caller) =>
  caller.kind === 'secret_key' ? ctx.config.rateLimitPerSecond.secretKey : caller.kind === 'join_token' ? ctx.config.rateLimitPerSecond.joinToken : ctx.config.rateLimitPerSecond.reviewer

const require = createRequire(import.meta.url)

export function createApp(ctx: RegistryContext) {
  const app = new Hono<Vars>()
  const limiter = new RateLimiter(ctx)
  const openapi = readFileSync(require.resolve('@ruhui/core/openapi.json'), 'utf8')

  app.use('*', async (c, next) => {
    const requestId = `req_${random(10).toString('hex')}`
    c.set('requestId', requestId)
    const started = performance.now()
    await next()
    c.header('request-id', requestId)
    ctx.log.info({ request_id: requestId, method: c.req.method, path: new URL(c.req.url).pathname, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10, caller: c.get('caller')?.kind ?? 'none' }, 'request')
  })

  app.onError((err, c) => {
    if (err instanceof Refusal) return errorResponse(c, err.code, err.extra)
    ctx.log.error({ request_id: c.get('requestId'), err: { name: err.name, message: err.message, stack: err.stack } }, 'unexpected error')
    return errorResponse(c, 'internal_error')
  })
  app.notFound((c) => errorResponse(c, 'not_found', { message: `没有这个接口：${c.req.method} ${new URL(c.req.url).pathname}` }))

  // Authentication and rate limits for every /v1 call.
  app.use('/v1/*', async (c, next) => {
    const caller = await authenticate(ctx, c.req.header('authorization'))
    c.set('caller', caller)
    if (caller.kind !== 'none') {
      const wait = await limiter.take(caller.id, PER_SECOND(ctx, caller))
      if (wait !== undefined) return errorResponse(c, 'rate_limited', {}, 429, { 'retry-after': String(wait) })
    }
    await next()
  })

  app.get('/health', (c) => c.json({ status: 'ok', service: 'ruhui-registry', api_version: API_VERSION, storage: ctx.dialect }))
  app.get('/openapi.json', (c) => c.body(openapi, 200, { 'content-type': 'application/json; charset=utf-8' }))
  app.get('/v1/card-public-key', (c) => c.json({ object: 'card_public_key', algorithm: 'Ed25519', public_key_pem: ctx.keys.cardPublicKeyPem }))

  for (const [name, route] of Object.entries(ROUTES) as Array<[RouteName, Route]>) {
    const path = route.path.replace('{id}', ':id')
    app.on(route.method, path, async (c) => {
      const caller = c.get('caller')
      if (route.auth !== 'none') {
        if (caller.kind === 'none') return errorResponse(c, route.auth === 'join_token' ? 'invalid_token' : 'invalid_api_key')
        const ok = route.auth === 'either' ? caller.kind === 'secret_key' || caller.kind === 'join_token' : caller.kind === route.auth
        if (!ok) return errorResponse(c, 'forbidden', { message: route.auth === 'secret_key' ? '此操作需要平台密钥' : route.auth === 'join_token' ? '此操作需要入会令牌' : '此操作需要平台密钥或入会令牌' })
      }
      const locale: 'zh-CN' | 'en' = c.req.header('accept-language') === 'en' ? 'en' : 'zh-CN'
      let text = ''
      let body: unknown
      if (route.method === 'POST') {
        text = await c.req.text()
        if (Buffer.byteLength(text) > ctx.config.maxBodyBytes) return errorResponse(c, 'invalid_request', { message: '请求内容太大' }, 413)
      }
      const checkedBody = checkRequestBody(route, text)
      if (!checkedBody.ok) return errorResponse(c, checkedBody.code, { ...(checkedBody.param !== undefined ? { param: checkedBody.param } : {}), ...(checkedBody.message ? { message: checkedBody.message } : {}) })
      body = checkedBody.value
      let query: unknown = c.req.query()
      if (route.query) {
        const checked = route.query.safeParse(query)
        if (!checked.success) return errorResponse(c, 'parameter_invalid', { param: checked.error.issues[0]?.path.join('.') ?? '' })
        query = checked.data
      }
      const key = route.method === 'POST' ? c.req.header('idempotency-key') : undefined
      const fingerprint = key ? fingerprintOf(route.method, c.req.path, text) : ''
      if (key) {
        const seen = await replay(ctx, `${caller.id}|${key}`, fingerprint)
        if (seen === 'conflict') return errorResponse(c, 'idempotency_conflict')
        if (seen) return c.body(seen.body, seen.status as 200, { 'content-type': 'application/json; charset=utf-8', 'idempotent-replayed': 'true' })
      }
      let reply: Reply
      // The idempotency record is written inside the request's own write job, in the same transaction.
      // A write job returns the domain value; the route's status applies unless the domain chose one.
      const hook = key ? idempotencyHook(ctx, `${caller.id}|${key}`, fingerprint, (v) => (isReply(v) ? v : { status: route.status, body: v })) : undefined
      try {
        const args = { id: c.req.param('id') ?? '', body: body as never, query: query as never, locale }
        const result = hook ? await jobHook.run(hook, () => HANDLERS[name](ctx, caller as never, args)) : await HANDLERS[name](ctx, caller as never, args)
        if (result instanceof Refusal) throw result
        reply = result
      } catch (e) {
        if (!(e instanceof Refusal)) throw e
        if (key) {
          // A twin of this request (same key and body) may have succeeded meanwhile: answer as it did.
          const twin = await replay(ctx, `${caller.id}|${key}`, fingerprint)
          if (twin && twin !== 'conflict') return c.body(twin.body, twin.status as 200, { 'content-type': 'application/json; charset=utf-8', 'idempotent-replayed': 'true' })
        }
        const res = errorResponse(c, e.code, e.extra)
        if (key) await remember(ctx, `${caller.id}|${key}`, fingerprint, res.status, await res.clone().text())
        return res
      }
      const json = JSON.stringify(reply.body)
      if (key && !hook?.done) await remember(ctx, `${caller.id}|${key}`, fingerprint, reply.status, json)
      return c.body(json, reply.status as 200, { 'content-type': 'application/json; charset=utf-8', 'ruhui-version': API_VERSION })
    })
  }

  mountReviewApi(app, ctx, limiter)
  // The review console (static files built by `npm run build`), at /console.
  const consoleDir = join(dirname(require.resolve('@ruhui/registry/package.json')), 'dist/console')
  app.get('/console', (c) => c.redirect('/console/'))
  app.get('/console/*', serveStatic({ root: consoleDir, rewriteRequestPath: (p) => p.replace(/^\/console/, '') }))
  app.get('/console/*', (c) => (existsSync(join(consoleDir, 'index.html')) ? c.html(readFileSync(join(consoleDir, 'index.html'), 'utf8')) : errorResponse(c, 'not_found', { message: '审核后台尚未构建：请先运行 npm run build' })))
  // Last: a GET that no API route took may be a file of the driver app (demo only, see config.appDir).
  if (ctx.config.appDir) app.get('*', serveStatic({ root: ctx.config.appDir }))
  return app
}
