/**
 * `createRegistrySandbox()`: the registry API emulated in memory, statefully, for msw.
 * Sessions and tokens expire on the sandbox clock, applications move through review,
 * duplicates and existing members are refused as the registry would, and magic test
 * identities force outcomes (see fixtures.ts).
 */
import { http, HttpResponse, delay } from 'msw'
import { signWebhook } from '@ruhui/core/node'
import { API_VERSION, ROUTES, type Route, type RouteName, checkRequestBody, toChinaTime } from '@ruhui/core/contract'
import { createDirectory, type UnionOrg } from '@ruhui/core/matching'
import { pickerChoices } from '@ruhui/core/townships'
import { type Ctx, Refusal, fail, json } from './http-kit'
import { createSession, refreshSession, retrieveSession } from './resources/sessions'
import { findApplication, listApplications, review, submitApplication, volunteerApplication, withdrawApplication } from './resources/applications'
import { advanceTransfer, findTransfer, requestTransfer } from './resources/transfers'
import { matchOrganisations, searchOrganisations } from './resources/organisations'
import { listServices } from './resources/member-services'
import { SANDBOX_ORGS, SANDBOX_PLATFORM_USCC } from './sandbox-directory'
import type { SandboxPlatform, SandboxState } from './state'

export const SANDBOX_BASE_URL = 'https://registry.sandbox.ruhui.test'
export const TEST_SECRET_KEY = 'sk_test_sandbox_platform'
export const TEST_PLATFORM_ID = 'P-SANDBOX'

export interface SandboxOptions {
  /** @default SANDBOX_BASE_URL */
  baseUrl?: string
  /** @default one platform, TEST_SECRET_KEY → 'P-SANDBOX' */
  platforms?: SandboxPlatform[]
  /** Organisations to match against. @default the worked examples of DOMAIN.md §7.6 */
  organisations?: UnionOrg[]
  /** Join-token lifetime. @default 30 minutes */
  tokenTtlMs?: number
  /** Start of the sandbox clock (ms). @default Date.now() */
  startTime?: number
  /** How long a `user_timeout_…` join-session request is held before it is answered. @default 20000 */
  timeoutDelayMs?: number
}

type Handler = (ctx: Ctx, args: { id: string; body: never; query: never }) => unknown

const HANDLERS: Record<RouteName, Handler> = {
  health: (ctx) => ({ status: 'ok', api_version: API_VERSION, time: toChinaTime(ctx.state.now()) }),
  createJoinSession: (ctx, a) => createSession(ctx, a.body),
  retrieveJoinSession: (ctx, a) => retrieveSession(ctx, a.id),
  refreshJoinSession: (ctx, a) => refreshSession(ctx, a.id),
  submitApplication: (ctx, a) => submitApplication(ctx, a.body),
  retrieveApplication: (ctx, a) => findApplication(ctx, a.id).application,
  listApplications: (ctx, a) => listApplications(ctx, a.query),
  withdrawApplication: (ctx, a) => withdrawApplication(ctx, a.id),
  volunteerApplication: (ctx, a) => volunteerApplication(ctx, a.id, a.body),
  requestTransfer: (ctx, a) => requestTransfer(ctx, a.body),
  retrieveTransfer: (ctx, a) => findTransfer(ctx, a.id),
  matchOrganisations: (ctx, a) => matchOrganisations(ctx, a.body),
  searchOrganisations: (ctx, a) => searchOrganisations(ctx, a.query),
  listMemberServices: (_ctx, a) => listServices(a.query),
  listRegions: (ctx, a) => ({ object: 'list', data: pickerChoices((a.query as { parent?: string }).parent, ctx.state.directory.provinces), has_more: false, next_cursor: null }),
}

const ROUTE_LIST = (Object.entries(ROUTES) as Array<[RouteName, Route]>).map(([name, route]) => ({
  name,
  route,
  pattern: new RegExp(`^${route.path.replace('{id}', '([^/]+)')}$`),
}))

export function createRegistrySandbox(options: SandboxOptions = {}) {
  const baseUrl = (options.baseUrl ?? SANDBOX_BASE_URL).replace(/\/+$/, '')
  let offset = 0
  const start = options.startTime ?? Date.now()
  const realStart = Date.now()
  const fresh = (): SandboxState => ({
    platforms: options.platforms ?? [{ id: TEST_PLATFORM_ID, secretKey: TEST_SECRET_KEY, uscc: SANDBOX_PLATFORM_USCC }],
    sessions: new Map(),
    tokens: new Map(),
    applications: new Map(),
    members: new Map(),
    transfers: new Map(),
    idempotency: new Map(),
    events: [],
    directory: createDirectory(options.organisations ?? SANDBOX_ORGS),
    now: () => start + (Date.now() - realStart) + offset,
    tokenTtlMs: options.tokenTtlMs ?? 30 * 60_000,
    seq: 0,
  })
  let state = fresh()
  let requestSeq = 0
  let delivered = 0

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const ctx: Ctx = { state, requestId: `req_sandbox${String(++requestSeq).padStart(8, '0')}`, credential: 'none', locale: request.headers.get('accept-language') === 'en' ? 'en' : 'zh-CN' }
    const path = url.pathname
    const hit = ROUTE_LIST.find((r) => r.route.method === request.method && r.pattern.test(path))
    if (!hit) return fail(ctx, 'not_found', { message: `没有这个接口：${request.method} ${path}` })
    const { name, route } = hit
    const id = decodeURIComponent(hit.pattern.exec(path)?.[1] ?? '')

    const denied = authenticate(ctx, route, request.headers.get('authorization'))
    if (denied) return denied

    const text = request.method === 'GET' ? '' : await request.text()
    const checkedBody = checkRequestBody(route, text)
    if (!checkedBody.ok) return fail(ctx, checkedBody.code, { ...(checkedBody.param !== undefined ? { param: checkedBody.param } : {}), ...(checkedBody.message ? { message: checkedBody.message } : {}) })
    const body = checkedBody.value
    // Magic: a platform user id starting `user_timeout_` is answered only after the client has given up.
    if (name === 'createJoinSession' && String((body as { platform_user_id?: unknown }).platform_user_id).startsWith('user_timeout_')) {
      await delay(options.timeoutDelayMs ?? 20_000)
    }
    let query: unknown = Object.fromEntries(url.searchParams)
    if (route.query) {
      const checked = route.query.safeParse(query)
      if (!checked.success) return fail(ctx, 'parameter_invalid', { param: checked.error.issues[0]?.path.join('.') ?? '' })
      query = checked.data
    }

    // Idempotency: the same key with the same request replays the first answer; with another, 409.
    const key = request.method === 'POST' ? request.headers.get('idempotency-key') : null
    const scope = `${request.headers.get('authorization')}|${key}`
    const fingerprint = `${request.method} ${path} ${text}`
    if (key) {
      const seen = state.idempotency.get(scope)
      if (seen && seen.fingerprint !== fingerprint) return fail(ctx, 'idempotency_conflict')
      if (seen) return new Response(seen.body, { status: seen.status, headers: { 'content-type': 'application/json', 'request-id': ctx.requestId, 'idempotent-replayed': 'true' } })
    }

    let response: Response
    try {
      const result = HANDLERS[name](ctx, { id, body: body as never, query: query as never }) as { status?: number; body?: unknown } | object
      const created = name === 'createJoinSession' ? (result as { status: number; body: unknown }) : { status: route.status, body: result }
      response = json(ctx, created.status, created.body)
    } catch (e) {
      if (!(e instanceof Refusal)) throw e
      response = fail(ctx, e.code, e.extra)
    }
    if (key && response.status < 500) state.idempotency.set(scope, { fingerprint, status: response.status, body: await response.clone().text() })
    return response
  }

  function authenticate(ctx: Ctx, route: Route, header: string | null): Response | undefined {
    if (route.auth === 'none') return undefined
    const value = header?.startsWith('Bearer ') ? header.slice(7) : ''
    if (value.startsWith('sk_')) {
      const platform = state.platforms.find((p) => p.secretKey === value)
      if (!platform) return fail(ctx, 'invalid_api_key')
      ctx.credential = 'secret_key'
      ctx.platformId = platform.id
    } else if (value.startsWith('jt_')) {
      const sessionId = state.tokens.get(value)
      const session = sessionId ? state.sessions.get(sessionId) : undefined
      if (!session) return fail(ctx, 'invalid_token')
      if (state.now() > session.tokenExpiresAt) return fail(ctx, 'expired_token')
      ctx.credential = 'join_token'
      ctx.sessionId = session.session.id
      ctx.platformId = session.session.platform_id
    } else {
      return fail(ctx, route.auth === 'join_token' ? 'invalid_token' : 'invalid_api_key')
    }
    if (route.auth !== 'either' && route.auth !== ctx.credential) return fail(ctx, 'forbidden', { message: route.auth === 'secret_key' ? '此操作需要平台密钥' : '此操作需要入会令牌' })
    return undefined
  }

  const all = (resolver: (request: Request) => Promise<Response | undefined> | Response | undefined) => http.all(`${baseUrl}/v1/*`, ({ request }) => resolver(request))
  const counted = (times: number, respond: (request: Request) => Promise<Response | undefined> | Response | undefined) => {
    let left = times
    return all((request) => {
      if (left <= 0) return undefined // fall through to the sandbox
      left -= 1
      return respond(request)
    })
  }
  const adminCtx = (): Ctx => ({ state, requestId: 'req_sandbox_admin', credential: 'none', locale: 'zh-CN' })

  return {
    baseUrl,
    /** msw handlers: `setupServer(...sandbox.handlers)`. */
    handlers: [all((request) => handle(request))],
    /** Serve one request (what the handlers call). */
    handle,
    /** Everything the sandbox holds; read it in assertions. */
    get state(): SandboxState {
      return state
    },
    /** Events in the order they happened (what webhooks would deliver). */
    get events() {
      return state.events
    },
    /** Forget everything. */
    reset() {
      state = fresh()
      offset = 0
      delivered = 0
    },
    /**
     * POST every event not yet delivered to `url`, signed with `secret` like the registry does
     * (Ruhui-Signature header). Returns each delivery's HTTP status. Real HTTP: point it at your server.
     */
    async deliverWebhooks(url: string, secret: string | string[]): Promise<Array<{ eventId: string; status: number }>> {
      const out: Array<{ eventId: string; status: number }> = []
      while (delivered < state.events.length) {
        const event = state.events[delivered] as (typeof state.events)[number]
        const body = JSON.stringify(event)
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'ruhui-signature': signWebhook(body, secret) }, body })
        out.push({ eventId: event.id, status: res.status })
        delivered += 1
      }
      return out
    },
    /** Move the sandbox clock forward (token expiry). */
    advanceTime(ms: number) {
      offset += ms
    },
    /** Expire one join token now. */
    expireToken(token: string) {
      const id = state.tokens.get(token)
      const s = id ? state.sessions.get(id) : undefined
      if (s) s.tokenExpiresAt = state.now() - 1
    },
    /** Move an application through review: approve, reject, or ask for more information. */
    review: (applicationId: string, action: 'approve' | 'reject' | 'needs_info') => review(adminCtx(), applicationId, action),
    /** Release (source union), accept (target union) or reject a transfer. */
    advanceTransfer: (transferId: string, action: 'release' | 'accept' | 'reject') => advanceTransfer(adminCtx(), transferId, action),
    /** Failure scenarios, each an msw handler for `server.use(...)`. */
    scenarios: {
      /** The next `times` requests get 429 with Retry-After. */
      rateLimited: ({ times = 1, retryAfterSeconds = 1 } = {}) =>
        counted(times, () => HttpResponse.json({ error: { type: 'rate_limit_error', code: 'rate_limited', message: '操作太频繁，请稍后再试', request_id: 'req_sandbox_rl' } }, { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } })),
      /** The next `times` requests get 503 (all of them by default). */
      serverDown: ({ times = Number.POSITIVE_INFINITY, status = 503 } = {}) =>
        counted(times, () => HttpResponse.json({ error: { type: 'api_error', code: 'service_unavailable', message: '服务暂时不可用，请稍后再试', request_id: 'req_sandbox_down' } }, { status })),
      /** The next `times` requests fail at the network level, before the sandbox sees them. */
      networkError: ({ times = 1 } = {}) => counted(times, () => HttpResponse.error()),
      /** The sandbox commits the next `times` requests, then the response is lost (a flaky network). */
      dropResponseAfterCommit: ({ times = 1 } = {}) =>
        counted(times, async (request) => {
          await handle(request)
          return HttpResponse.error()
        }),
      /** Every request waits `ms` before the sandbox answers. */
      slow: (ms: number, { times = Number.POSITIVE_INFINITY } = {}) =>
        counted(times, async () => {
          await delay(ms)
          return undefined
        }),
      /** The next `times` responses break the contract (a 200 that is not JSON). */
      malformedResponse: ({ times = 1 } = {}) => counted(times, () => new HttpResponse('<html>502 Bad Gateway</html>', { status: 200 })),
    },
  }
}

export type RegistrySandbox = ReturnType<typeof createRegistrySandbox>
