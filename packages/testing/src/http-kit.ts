/** Small helpers for the sandbox's responses: JSON, the error shape, ids, times. */
import { API_VERSION, type ErrorCode, makeErrorBody, toChinaTime } from '@ruhui/core/contract'
import type { SandboxState } from './state'

export interface Ctx {
  state: SandboxState
  requestId: string
  /** Set by the auth step. */
  platformId?: string
  sessionId?: string
  credential: 'secret_key' | 'join_token' | 'none'
  locale: 'zh-CN' | 'en'
}

export function json(ctx: Ctx, status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'request-id': ctx.requestId, 'ruhui-version': API_VERSION, ...headers },
  })
}

/** An error response with the API's one shape. */
export function fail(ctx: Ctx, code: ErrorCode, extra: { param?: string; message?: string; status?: number } = {}): Response {
  const body = makeErrorBody(code, ctx.requestId, extra)
  const status = extra.status ?? statusOf(code)
  return json(ctx, status, body)
}

function statusOf(code: ErrorCode): number {
  return (
    {
      invalid_request: 400, parameter_missing: 400, parameter_invalid: 400, invalid_api_key: 401, invalid_token: 401, expired_token: 401, forbidden: 403,
      not_found: 404, already_member: 409, transfer_required: 409, application_exists: 409, session_completed: 409, ineligible: 422, not_in_pilot: 422,
      org_not_offered: 422, idempotency_conflict: 409, lock_conflict: 409, rate_limited: 429, internal_error: 500, service_unavailable: 503,
    } as Record<ErrorCode, number>
  )[code]
}

export function nextId(state: SandboxState, prefix: string): string {
  state.seq += 1
  return `${prefix}_sandbox${String(state.seq).padStart(8, '0')}`
}

export function nowIso(state: SandboxState): string {
  return toChinaTime(state.now())
}

/** A domain error thrown inside a handler and turned into a response by the router. */
export class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly extra: { param?: string; message?: string } = {},
  ) {
    super(code)
  }
}
