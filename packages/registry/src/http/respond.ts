/** An error reply from Hono code outside the dispatcher (middleware, the reviewer API): the same shape, status and language rule. */
import type { Context } from 'hono'
import type { ErrorCode } from '@ruhui/core/contract'
import { type RefusalExtra, errorReply, localeFromHeader } from '@ruhui/core/server'

export function errorResponse(c: Context, code: ErrorCode, extra: RefusalExtra = {}) {
  const r = errorReply(code, c.get('requestId' as never) as string, localeFromHeader(c.req.header('accept-language')), extra)
  return c.body(r.body, r.status as 400, r.headers)
}
