import type { Context } from 'hono'
import { API_VERSION, ERROR_CODES, type ErrorCode, makeErrorBody } from '@ruhui/core/contract'

export function errorResponse(c: Context, code: ErrorCode, extra: { param?: string; message?: string } = {}, status?: number, headers: Record<string, string> = {}) {
  const body = makeErrorBody(code, c.get('requestId' as never) as string, extra)
  return c.json(body, (status ?? ERROR_CODES[code].status) as 400, { 'ruhui-version': API_VERSION, ...headers })
}
