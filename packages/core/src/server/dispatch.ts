/**
 * One dispatcher for `ROUTES`, shared by every server of the public API (the registry on Hono,
 * the sandbox on msw): route lookup, the credential kind each route requires, body and query
 * validation with the route's own schemas, idempotency, and error replies in the caller's
 * language. A server supplies only its handlers, how it authenticates, and where it keeps
 * idempotent replies.
 */
import { API_VERSION } from '../contract/common'
import { checkRequestBody } from '../contract/request-body'
import { ROUTES, type Route, type RouteName } from '../contract/routes'
import type { Locale } from '../enums'
import { type ServerReply, errorReply, localeFromHeader } from './error-reply'
import { type CallerBase, type Handlers, toReply } from './handlers'
import { Refusal, payloadTooLarge } from './refusal'

/** A request as every server can describe it. */
export interface IncomingCall {
  method: string
  /** The decoded-free path: '/v1/applications/app_1'. */
  path: string
  /** Query parameters (the first value of each). */
  query: Record<string, string>
  header(name: string): string | null | undefined
  /** The body as text (read only for POST). */
  text(): Promise<string>
}

/** A reply kept for an Idempotency-Key: the status and the JSON text. */
export interface StoredReply {
  status: number
  body: string
}

export interface IdempotencyStore {
  find(scope: string, fingerprint: string): Promise<StoredReply | 'conflict' | undefined>
  save(scope: string, fingerprint: string, reply: StoredReply): Promise<void>
  /**
   * Run the handler so that its success is kept with it (the registry keeps it in the handler's own
   * write transaction). Without it, the dispatcher saves the reply after the handler.
   */
  run?(scope: string, fingerprint: string, shape: (value: unknown) => StoredReply, work: () => Promise<unknown>): Promise<{ value: unknown; stored: boolean }>
}

export interface ApiServerOptions<C extends CallerBase> {
  handlers: Handlers<C>
  /** The caller behind an Authorization header (`{ kind: 'none' }` without one); throws a Refusal for a bad credential. */
  authenticate(authorization: string | null | undefined): Promise<C>
  idempotency: IdempotencyStore
  requestId(): string
  /** @default 64 KiB (the registry's default) */
  maxBodyBytes?: number
  /** What a key's request is compared by. @default the method, path and body themselves */
  fingerprint?(method: string, path: string, body: string): string
  /** Anything a handler throws that is not a Refusal: logged by the server, answered `internal_error`. */
  onUnexpected?(error: unknown, requestId: string): void
}

export interface RouteHit {
  name: RouteName
  route: Route
  /** The `{id}` of the path, decoded. */
  id: string
}

const ROUTE_LIST = (Object.entries(ROUTES) as Array<[RouteName, Route]>).map(([name, route]) => ({
  name,
  route,
  pattern: new RegExp(`^${route.path.replace('{id}', '([^/]+)')}$`),
}))

/** The route a method and path name, if any. */
export function findRoute(method: string, path: string): RouteHit | undefined {
  for (const r of ROUTE_LIST) {
    if (r.route.method !== method) continue
    const m = r.pattern.exec(path)
    if (!m) continue
    let id = ''
    try {
      id = decodeURIComponent(m[1] ?? '')
    } catch {
      id = m[1] ?? '' // a malformed escape: no record has such an id, so the handler answers not_found
    }
    return { name: r.name, route: r.route, id }
  }
  return undefined
}

const WRONG_CREDENTIAL: Record<Exclude<Route['auth'], 'none'>, { message: string; en: string }> = {
  secret_key: { message: '此操作需要平台密钥', en: 'This call needs the platform’s secret key' },
  join_token: { message: '此操作需要入会令牌', en: 'This call needs a join token' },
  either: { message: '此操作需要平台密钥或入会令牌', en: 'This call needs a secret key or a join token' },
}

function admits(auth: Route['auth'], kind: string): boolean {
  return auth === 'none' || (auth === 'either' ? kind === 'secret_key' || kind === 'join_token' : kind === auth)
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'ruhui-version': API_VERSION }

export function createApiServer<C extends CallerBase>(options: ApiServerOptions<C>) {
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024
  const fingerprintOf = options.fingerprint ?? ((method: string, path: string, body: string) => `${method} ${path}\n${body}`)
  const store = options.idempotency

  async function serve(hit: RouteHit, call: IncomingCall, given?: { caller?: C; requestId?: string }): Promise<ServerReply> {
    const { name, route } = hit
    const requestId = given?.requestId ?? options.requestId()
    let locale: Locale = localeFromHeader(call.header('accept-language'))
    const refuse = (e: Refusal) => errorReply(e.code, requestId, locale, e.extra)
    try {
      const caller = given?.caller ?? (await options.authenticate(call.header('authorization')))
      if (caller.locale) locale = caller.locale
      if (!admits(route.auth, caller.kind)) {
        if (caller.kind === 'none') throw new Refusal(route.auth === 'join_token' ? 'invalid_token' : 'invalid_api_key')
        if (route.driverOnly && caller.kind === 'secret_key') throw new Refusal('permission_denied', { message: '只有司机本人可以撤回入会申请（入会自愿）', en: 'Only the driver may withdraw an application' })
        throw new Refusal('forbidden', WRONG_CREDENTIAL[route.auth as Exclude<Route['auth'], 'none'>])
      }
      const text = route.method === 'POST' ? await call.text() : ''
      const limit = route.maxBodyBytes ?? maxBodyBytes // uploads have their own (issue #16)
      if (utf8Length(text) > limit) throw payloadTooLarge(limit)
      const body = checkRequestBody(route, text)
      if (!body.ok) throw new Refusal(body.code, { ...(body.param !== undefined ? { param: body.param } : {}), ...(body.message ? { message: body.message, en: body.en } : {}) })
      let query: unknown = call.query
      if (route.query) {
        const checked = route.query.safeParse(call.query)
        if (!checked.success) throw new Refusal('parameter_invalid', { param: checked.error.issues[0]?.path.join('.') ?? '' })
        query = checked.data
      }

      const key = route.method === 'POST' ? (call.header('idempotency-key') ?? undefined) : undefined
      if (key !== undefined && (key === '' || key.length > 255)) throw new Refusal('parameter_invalid', { param: 'Idempotency-Key', message: '幂等键应为 1–255 个字符', en: 'Idempotency-Key must be 1–255 characters' })
      const scope = `${caller.id}|${key}`
      const fingerprint = key === undefined ? '' : fingerprintOf(route.method, call.path, text)
      if (key !== undefined) {
        const seen = await store.find(scope, fingerprint)
        if (seen === 'conflict') throw new Refusal('idempotency_conflict')
        if (seen) return replayed(seen, requestId)
      }

      const input = { caller, id: hit.id, body: body.value, query, locale, requestId }
      const handler = options.handlers[name] as (input: unknown) => unknown
      const shape = (value: unknown): StoredReply => {
        const r = toReply(route, value)
        return { status: r.status, body: JSON.stringify(r.body) }
      }
      let outcome: StoredReply
      try {
        if (key !== undefined && store.run) {
          const ran = await store.run(scope, fingerprint, shape, async () => handler(input))
          outcome = shape(ran.value)
          if (!ran.stored) await store.save(scope, fingerprint, outcome)
        } else {
          outcome = shape(await handler(input))
          if (key !== undefined) await store.save(scope, fingerprint, outcome)
        }
      } catch (e) {
        if (!(e instanceof Refusal) || key === undefined) throw e
        // A twin of this request (same key and body) may have succeeded meanwhile: answer as it did.
        const twin = await store.find(scope, fingerprint)
        if (twin && twin !== 'conflict') return replayed(twin, requestId)
        const refused = refuse(e)
        if (refused.status < 500) await store.save(scope, fingerprint, { status: refused.status, body: refused.body })
        return refused
      }
      return { status: outcome.status, headers: { ...JSON_HEADERS, 'request-id': requestId }, body: outcome.body }
    } catch (e) {
      if (e instanceof Refusal) return refuse(e)
      options.onUnexpected?.(e, requestId)
      return errorReply('internal_error', requestId, locale)
    }
  }

  return {
    /** Serve a request that `findRoute` matched. */
    serve,
    /** Find the route and serve it; undefined when no route of the API has that method and path. */
    async dispatch(call: IncomingCall, given?: { caller?: C; requestId?: string }): Promise<ServerReply | undefined> {
      const hit = findRoute(call.method, call.path)
      return hit ? serve(hit, call, given) : undefined
    },
  }
}

export type ApiServer = ReturnType<typeof createApiServer>

function replayed(seen: StoredReply, requestId: string): ServerReply {
  return { status: seen.status, headers: { ...JSON_HEADERS, 'request-id': requestId, 'idempotent-replayed': 'true' }, body: seen.body }
}

/** Bytes of a string in UTF-8, without an encoder (core runs where TextEncoder may be missing). */
function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3
  }
  return n
}
