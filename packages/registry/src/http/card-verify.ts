/**
 * Card checks without a credential (issue #16): GET /v1/cards/verify is limited per client address
 * (config.rateLimitPerSecond.cardVerify a second, a burst of twice that), whoever calls, so the
 * route cannot be used to try card numbers at speed; and the /verify page a 司机之家 opens on a phone.
 */
import type { Hono } from 'hono'
import type { Caller, RegistryContext } from '../domain/context'
import { clientAddress } from './client-address'
import type { RateLimiter } from './rate-limit'
import { errorResponse } from './respond'
import { VERIFY_PAGE_HTML, VERIFY_PAGE_POLICY, VERIFY_PAGE_SCRIPT, VERIFY_PAGE_STYLE } from './verify-page'

type Vars = { Variables: { requestId: string; caller: Caller } }

export function mountCardVerify(app: Hono<Vars>, ctx: RegistryContext, limiter: RateLimiter) {
  app.use('/v1/cards/verify', async (c, next) => {
    const wait = await limiter.take(`card-verify:${clientAddress(c)}`, ctx.config.rateLimitPerSecond.cardVerify ?? 5)
    if (wait !== undefined) return errorResponse(c, 'rate_limited', { headers: { 'retry-after': String(wait) } })
    await next()
  })
  app.get('/verify', (c) => c.body(VERIFY_PAGE_HTML, 200, { ...VERIFY_PAGE_POLICY, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }))
  app.get('/verify/app.js', (c) => c.body(VERIFY_PAGE_SCRIPT, 200, { ...VERIFY_PAGE_POLICY, 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }))
  app.get('/verify/app.css', (c) => c.body(VERIFY_PAGE_STYLE, 200, { ...VERIFY_PAGE_POLICY, 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }))
}
