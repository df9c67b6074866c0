/**
 * One call to the registry: check the credential may make it, validate the body, send
 * through the transport, retry what is safe with the same Idempotency-Key, map errors,
 * and validate the response against the contract.
 */
import type * as z from 'zod/mini'
import { SdkError, ValidationError } from '../errors'
import { API_VERSION, API_VERSION_HEADER } from '../contract/common'
import type { Route } from '../contract/routes'
import type { RouteResponse } from '../contract/route-types'
import { type HttpTransport, type TransportResponse, isTransportError } from '../http/transport'
import { backoffDelay, isRetryableStatus, parseRetryAfter } from '../http/retry'
import type { Platform } from '../platform'
import { fromZodIssue } from '../zod-issues'
import { RegistryConnectionError, RegistryResponseError } from './errors'
import { fallbackUserMessage, mapError, timeoutMessage } from './map-error'

export type CredentialKind = 'secret_key' | 'join_token'

export interface ClientContext {
  baseUrl: string
  credential: { kind: CredentialKind; value: string }
  transport: HttpTransport
  timeoutMs: number
  maxRetries: number
  platform: Platform
  locale: 'zh-CN' | 'en'
  /** Called before each retry (for logs and tests). */
  onRetry?: (info: { route: string; attempt: number; delayMs: number; reason: string }) => void
  /** A join-token client's way to a fresh token (the host's backend refreshes the session). */
  refresh?: () => Promise<string>
  onTokenRefreshed?: () => void
  /** The refresh under way, shared by every call that found the token expired at once. */
  refreshing?: Promise<void> | undefined
}

export interface RequestOptions {
  /** Reuse a key to make a POST idempotent across your own retries; generated otherwise. */
  idempotencyKey?: string
  timeoutMs?: number
  maxRetries?: number
}

interface CallArgs {
  id?: string
  body?: unknown
  query?: Record<string, string | undefined>
  options?: RequestOptions
}

function mayCall(auth: Route['auth'], kind: CredentialKind): boolean {
  return auth === 'none' || auth === 'either' || auth === kind
}

/** An idempotency key: a random UUID v4. */
export function createIdempotencyKey(platform: Platform): string {
  const b = platform.randomBytes(16)
  b[6] = ((b[6] as number) & 0x0f) | 0x40
  b[8] = ((b[8] as number) & 0x3f) | 0x80
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

export async function callRoute<R extends Route>(ctx: ClientContext, route: R, args: CallArgs = {}): Promise<RouteResponse<R>> {
  if (!mayCall(route.auth, ctx.credential.kind)) {
    const need = route.auth === 'secret_key' ? 'the platform’s secret key (on your backend)' : 'a join token (in the driver’s app)'
    throw new SdkError('wrong_credential', `[@ruhui/core] ${route.name} needs ${need}; this client was created with a ${ctx.credential.kind.replace('_', ' ')}`)
  }
  if (route.body !== undefined) {
    const checked = route.body.safeParse(args.body, { reportInput: true })
    if (!checked.success) throw new ValidationError(checked.error.issues.map((i) => fromZodIssue(i, [])))
  }

  let path = route.path
  if (path.includes('{id}')) {
    if (typeof args.id !== 'string' || args.id === '') throw new SdkError('parameter_missing', `[@ruhui/core] ${route.name} needs an id`)
    path = path.replace('{id}', encodeURIComponent(args.id))
  }
  const query = Object.entries(args.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined)
  const url = `${ctx.baseUrl}${path}${query.length ? `?${query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}` : ''}`
  const headers: Record<string, string> = {
    authorization: `Bearer ${ctx.credential.value}`,
    accept: 'application/json',
    'accept-language': ctx.locale,
    [API_VERSION_HEADER.toLowerCase()]: API_VERSION,
  }
  let body: string | undefined
  if (route.method !== 'GET') {
    headers['content-type'] = 'application/json'
    headers['idempotency-key'] = args.options?.idempotencyKey ?? createIdempotencyKey(ctx.platform)
    body = JSON.stringify(args.body ?? {})
  }
  const what = `${route.method} ${route.path}`
  const timeoutMs = args.options?.timeoutMs ?? ctx.timeoutMs
  const maxRetries = args.options?.maxRetries ?? ctx.maxRetries

  let refreshed = false
  for (let attempt = 0; ; attempt++) {
    const token = ctx.credential.value
    headers.authorization = `Bearer ${token}`
    let res: TransportResponse
    try {
      res = await ctx.transport.send({ method: route.method, url, headers, ...(body === undefined ? {} : { body }), timeoutMs })
    } catch (e) {
      const code = isTransportError(e) ? e.code : 'network_error'
      if (attempt < maxRetries) {
        await pause(ctx, route, attempt, undefined, code)
        continue
      }
      throw new RegistryConnectionError({
        type: 'connection_error',
        code,
        message: `[@ruhui/core] ${what}: no response after ${attempt + 1} attempt(s) (${code})`,
        userMessage: code === 'timeout' ? timeoutMessage(ctx.locale) : fallbackUserMessage('connection_error', ctx.locale),
        cause: e,
      })
    }
    if (res.status >= 200 && res.status < 300) return parseResponse(route, what, res, ctx.locale, ctx.credential.kind)

    const retryAfterMs = parseRetryAfter(res.headers['retry-after'], ctx.platform.now())
    const error = mapError(what, res.status, res.body, res.headers, retryAfterMs, ctx.locale)
    // An expired (or already replaced) join token: get a fresh one once, then send the same request again.
    if (!refreshed && ctx.refresh && ctx.credential.kind === 'join_token' && (error.code === 'expired_token' || error.code === 'invalid_token')) {
      refreshed = true
      try {
        await refreshToken(ctx, token)
      } catch {
        throw error // the host could not refresh: the driver sees why the token was refused
      }
      attempt -= 1
      continue
    }
    if (isRetryableStatus(res.status, error.code) && attempt < maxRetries) {
      await pause(ctx, route, attempt, retryAfterMs, `${res.status} ${error.code}`)
      continue
    }
    throw error
  }
}

/** One refresh for all the calls that saw `stale` refused; a call that finds the token already replaced just uses the new one. */
async function refreshToken(ctx: ClientContext, stale: string): Promise<void> {
  if (ctx.credential.value !== stale) return
  ctx.refreshing ??= (async () => {
    try {
      const fresh = await (ctx.refresh as () => Promise<string>)()
      if (typeof fresh !== 'string' || fresh === '') throw new SdkError('invalid_options', '[@ruhui/core] auth.refresh() must resolve to a join token')
      ctx.credential = { kind: 'join_token', value: fresh }
      ctx.onTokenRefreshed?.()
    } finally {
      ctx.refreshing = undefined
    }
  })()
  await ctx.refreshing
}

async function pause(ctx: ClientContext, route: Route, attempt: number, retryAfterMs: number | undefined, reason: string): Promise<void> {
  const delayMs = retryAfterMs ?? backoffDelay(attempt, () => ctx.platform.random())
  ctx.onRetry?.({ route: route.name, attempt: attempt + 1, delayMs, reason })
  await ctx.platform.sleep(delayMs)
}

function parseResponse<R extends Route>(route: R, what: string, res: TransportResponse, locale: ClientContext['locale'], kind: CredentialKind): RouteResponse<R> {
  let json: unknown
  try {
    json = JSON.parse(res.body)
  } catch (e) {
    throw invalidResponse(what, res, 'the body is not JSON', e, locale)
  }
  // The platform's secret key receives its own view where the route has one (status, not membership).
  const schema = kind === 'secret_key' && route.platformResponse ? route.platformResponse : route.response
  const checked = (schema as z.ZodMiniType).safeParse(json)
  if (!checked.success) {
    const where = checked.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`)
      .join('; ')
    throw invalidResponse(what, res, `the body does not follow the contract (${where})`, checked.error, locale)
  }
  return checked.data as RouteResponse<R>
}

function invalidResponse(what: string, res: TransportResponse, detail: string, cause: unknown, locale: ClientContext['locale']): RegistryResponseError {
  const init = {
    type: 'invalid_response_error' as const,
    code: 'invalid_response',
    message: `[@ruhui/core] ${what} → ${res.status}: ${detail}`,
    userMessage: fallbackUserMessage('invalid_response_error', locale),
    statusCode: res.status,
    cause,
  }
  const rid = res.headers['request-id']
  return new RegistryResponseError(rid === undefined ? init : { ...init, requestId: rid })
}
