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
import { API_VERSION } from '@ruhui/core/contract'
import { type Caller, Refusal, type RegistryContext } from '../domain/context'
import { authenticate } from './auth'
import { random } from '../crypto/hashing'
import { RateLimiter } from './rate-limit'
import { errorResponse } from './respond'
import { mountPublicApi } from './public-api'
import { mountCardVerify } from './card-verify'
import { mountUploadsReviewApi } from './uploads-review-api'
import { mountReviewApi } from './review-api'
import { bodyLimits } from './body-limits'
import { securityHeaders } from './security-headers'
import { mountOperations } from './operations'
import { cors } from './cors'
import { mountHostedPage } from './hosted-page'
import { mountMatchingConfigApi } from './matching-config-api'
import { mountAssignableOrgsApi } from './assignable-orgs-api'

type Vars = { Variables: { requestId: string; caller: Caller } }
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

  // Headers per path (console, API) and bodies refused past their size before they are held (issue #19).
  app.use('*', securityHeaders({ appAtRoot: Boolean(ctx.config.appDir) }))
  app.use('*', bodyLimits(ctx))
  app.use('*', cors(ctx)) // registered web origins only (issue #14)
  mountOperations(app, ctx) // /metrics (and the request counts it reports), /health/ready (issue #17)

  app.onError((err, c) => {
    if (err instanceof Refusal) return errorResponse(c, err.code, err.extra)
    ctx.log.error({ request_id: c.get('requestId'), err: { name: err.name, message: err.message, stack: err.stack } }, 'unexpected error')
    return errorResponse(c, 'internal_error')
  })
  app.notFound((c) => errorResponse(c, 'not_found', { message: `没有这个接口：${c.req.method} ${new URL(c.req.url).pathname}`, en: `No such endpoint: ${c.req.method} ${new URL(c.req.url).pathname}` }))

  // Authentication and rate limits for every /v1 call.
  app.use('/v1/*', async (c, next) => {
    const caller = await authenticate(ctx, c.req.header('authorization'))
    c.set('caller', caller)
    if (caller.kind !== 'none') {
      const wait = await limiter.take(caller.id, PER_SECOND(ctx, caller))
      if (wait !== undefined) return errorResponse(c, 'rate_limited', { headers: { 'retry-after': String(wait) } })
    }
    await next()
  })

  app.get('/health', (c) => c.json({ status: 'ok', service: 'ruhui-registry', api_version: API_VERSION, storage: ctx.dialect }))
  app.get('/openapi.json', (c) => c.body(openapi, 200, { 'content-type': 'application/json; charset=utf-8' }))
  app.get('/v1/card-public-key', (c) => c.json({ object: 'card_public_key', algorithm: 'Ed25519', public_key_pem: ctx.keys.cardPublicKeyPem }))

  mountCardVerify(app, ctx, limiter) // /v1/cards/verify limited per address, before the route; the /verify page (issue #16)
  mountPublicApi(app, ctx)
  mountUploadsReviewApi(app, ctx) // a driver's photo for the application's reviewers (issue #16)

  mountReviewApi(app, ctx, limiter)
  mountHostedPage(app, ctx) // /join, the hosted join page (issue #14)
  mountMatchingConfigApi(app, ctx) // admins: the matching configuration in force (issue #12)
  mountAssignableOrgsApi(app, ctx) // the assignment picker's search (issue #12)
  // The review console (static files built by `npm run build`), at /console.
  const consoleDir = join(dirname(require.resolve('@ruhui/registry/package.json')), 'dist/console')
  app.get('/console', (c) => c.redirect('/console/'))
  app.get('/console/*', serveStatic({ root: consoleDir, rewriteRequestPath: (p) => p.replace(/^\/console/, '') }))
  app.get('/console/*', (c) => (existsSync(join(consoleDir, 'index.html')) ? c.html(readFileSync(join(consoleDir, 'index.html'), 'utf8')) : errorResponse(c, 'not_found', { message: '审核后台尚未构建：请先运行 npm run build' })))
  // Last: a GET that no API route took may be a file of the driver app (demo only, see config.appDir).
  if (ctx.config.appDir) app.get('*', serveStatic({ root: ctx.config.appDir }))
  return app
}
