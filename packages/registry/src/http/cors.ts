/**
 * CORS for the API (issue #14): a browser page may call /v1 from an origin a platform registered
 * (`platform create --allowed-origin`). A preflight from any other origin is refused (403, the error
 * shape) and no answer ever carries Access-Control-Allow-Origin for it. Preflights carry no
 * credential, so the registered origins of every enabled platform count; each call is still
 * authenticated and scoped as usual.
 */
import type { MiddlewareHandler } from 'hono'
import type { RegistryContext } from '../domain/context'
import { registeredOrigins } from '../domain/platform-web'
import { errorResponse } from './respond'

const METHODS = 'GET, POST'
const ALLOWED_HEADERS = 'authorization, content-type, idempotency-key, accept-language'
const EXPOSED_HEADERS = 'request-id, retry-after, ruhui-version'

export function cors(ctx: RegistryContext): MiddlewareHandler {
  const origins = registeredOrigins(ctx.db)
  return async (c, next) => {
    const origin = c.req.header('origin')
    if (!origin || !c.req.path.startsWith('/v1/')) return next()
    const allowed = (await origins()).has(origin)
    const preflight = c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined
    if (preflight) {
      if (!allowed) return errorResponse(c as never, 'forbidden', { message: '该网页来源未在登记系统登记，不能从浏览器调用接口', en: 'This web origin is not registered with the registry' })
      return c.body(null, 204, {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': METHODS,
        'access-control-allow-headers': ALLOWED_HEADERS,
        'access-control-max-age': '600',
        vary: 'Origin',
      })
    }
    await next()
    c.res.headers.append('vary', 'Origin')
    if (allowed) {
      c.res.headers.set('access-control-allow-origin', origin)
      c.res.headers.set('access-control-expose-headers', EXPOSED_HEADERS)
    }
  }
}
