/**
 * `createRegistrySandbox()`: the registry API emulated in memory, statefully, for msw.
 * Sessions and tokens expire on the sandbox clock, applications move through review,
 * duplicates and existing members are refused as the registry would, and magic test
 * identities force outcomes (see fixtures.ts).
 */
import { http, HttpResponse, delay } from 'msw'
import { PUBLISHED_TEXTS, consentTextOnWire } from '@ruhui/core'
import { signWebhook } from '@ruhui/core/node'
import { API_VERSION, type InformationRequest, toChinaTime } from '@ruhui/core/contract'
import { type Handlers, type ServerReply, createApiServer, listParks, searchOrganisations, errorReply, localeFromHeader } from '@ruhui/core/server'
import { DEFAULT_MATCHING_CONFIG, type LogisticsPark, type MatchingConfig, createDirectory, type UnionOrg } from '@ruhui/core/matching'
import { pickerChoices } from '@ruhui/core/townships'
import { type Ctx, Refusal } from './http-kit'
import { createSession, refreshSession, retrieveSession } from './resources/sessions'
import { listApplications, retrieveApplication, review, submitApplication, volunteerApplication, withdrawApplication } from './resources/applications'
import { retrieveConsents, withdrawConsent } from './resources/consents'
import { advanceTransfer, requestMembershipTransfer, requestTransfer, retrieveTransfer } from './resources/transfers'
import { matchOrganisations } from './resources/organisations'
import { cancelLeave, decideLeave, membershipTransferOptions, requestLeave, retrieveMembership, updateMembershipProfile } from './resources/membership'
import { createUpload, requestInformation, respondToApplication, uploadBytes } from './resources/review-loop'
import { verifyCard } from './resources/cards'
import { listServices } from './resources/member-services'
import { SANDBOX_ORGS, SANDBOX_PARKS, SANDBOX_PLATFORM_USCC } from './sandbox-directory'
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
  /** Logistics parks (`GET /v1/parks`). @default the parks of the worked examples */
  parks?: LogisticsPark[]
  /** Matching rules (per-province tiers, pilot regions), as `defineMatchingConfig` makes them. @default DEFAULT_MATCHING_CONFIG */
  matchingConfig?: MatchingConfig
  /** Join-token lifetime. @default 30 minutes */
  tokenTtlMs?: number
  /** Distinct ID numbers one join session may submit before `too_many_id_numbers`, as the registry. @default 3 */
  maxIdNumbersPerSession?: number
  /** Start of the sandbox clock (ms). @default Date.now() */
  startTime?: number
  /** How long a `user_timeout_…` join-session request is held before it is answered. @default 20000 */
  timeoutDelayMs?: number
}

/** Who is calling the sandbox, after authentication. */
type SandboxCaller =
  | { kind: 'secret_key'; id: string; platformId: string }
  | { kind: 'join_token'; id: string; platformId: string; sessionId: string; locale: 'zh-CN' | 'en' }
  | { kind: 'none'; id: 'anonymous' }

function handlers(state: () => SandboxState, timeoutDelayMs: number): Handlers<SandboxCaller> {
  // The resources take the sandbox's Ctx: the state, who calls, and the language.
  const ctx = (i: { caller: SandboxCaller; requestId: string; locale: 'zh-CN' | 'en' }): Ctx => ({
    state: state(),
    requestId: i.requestId,
    credential: i.caller.kind,
    locale: i.locale,
    ...(i.caller.kind !== 'none' ? { platformId: i.caller.platformId } : {}),
    ...(i.caller.kind === 'join_token' ? { sessionId: i.caller.sessionId } : {}),
  })
  return {
    health: () => ({ status: 'ok', api_version: API_VERSION, time: toChinaTime(state().now()) }),
    createJoinSession: async (i) => {
      // Magic: a platform user id starting `user_timeout_` is answered only after the client has given up.
      if (i.body.platform_user_id.startsWith('user_timeout_')) await delay(timeoutDelayMs)
      return createSession(ctx(i), i.body)
    },
    retrieveJoinSession: (i) => retrieveSession(ctx(i), i.id),
    refreshJoinSession: (i) => refreshSession(ctx(i), i.id),
    submitApplication: (i) => submitApplication(ctx(i), i.body),
    retrieveApplication: (i) => retrieveApplication(ctx(i), i.id),
    listApplications: (i) => listApplications(ctx(i), i.query),
    withdrawApplication: (i) => withdrawApplication(ctx(i), i.id),
    volunteerApplication: (i) => volunteerApplication(ctx(i), i.id, i.body),
    requestTransfer: (i) => requestTransfer(ctx(i), i.body),
    retrieveTransfer: (i) => retrieveTransfer(ctx(i), i.id),
    matchOrganisations: (i) => matchOrganisations(ctx(i), i.body),
    searchOrganisations: (i) => searchOrganisations(state().directory, i.query),
    listMemberServices: (i) => listServices(i.query),
    listParks: (i) => listParks(state().directory, i.query),
    listConsentTexts: () => ({ object: 'list', data: Object.values(PUBLISHED_TEXTS).map((t) => consentTextOnWire(t, SANDBOX_PUBLISHED_AT)) }),
    retrieveConsents: (i) => retrieveConsents(ctx(i)),
    withdrawConsent: (i) => withdrawConsent(ctx(i), i.body),
    listRegions: (i) => ({ object: 'list', data: pickerChoices(i.query.parent, state().directory.provinces, i.query.q), has_more: false, next_cursor: null }),
    // Issue #16: the member centre, the review loop (driver side), uploads, card checks.
    retrieveMembership: (i) => retrieveMembership(ctx(i)),
    updateMembershipProfile: (i) => updateMembershipProfile(ctx(i), i.body),
    membershipTransferOptions: (i) => membershipTransferOptions(ctx(i), i.body),
    requestMembershipTransfer: (i) => requestMembershipTransfer(ctx(i), i.body),
    requestLeave: (i) => requestLeave(ctx(i), i.body),
    cancelLeave: (i) => cancelLeave(ctx(i)),
    respondToApplication: (i) => respondToApplication(ctx(i), i.id, i.body),
    createUpload: (i) => createUpload(ctx(i), i.body),
    verifyCard: (i) => verifyCard(ctx(i), i.query.payload),
  }
}



/** When the sandbox's texts were published (the texts themselves are @ruhui/core's PUBLISHED_TEXTS). */
const SANDBOX_PUBLISHED_AT = '2026-12-01T00:00:00.000+08:00'

const toResponse = (r: ServerReply) => new Response(r.body, { status: r.status, headers: r.headers })

export function createRegistrySandbox(options: SandboxOptions = {}) {
  const baseUrl = (options.baseUrl ?? SANDBOX_BASE_URL).replace(/\/+$/, '')
  let offset = 0
  const start = options.startTime ?? Date.now()
  const realStart = Date.now()
  const fresh = (): SandboxState => ({
    baseUrl,
    platforms: options.platforms ?? [{ id: TEST_PLATFORM_ID, secretKey: TEST_SECRET_KEY, uscc: SANDBOX_PLATFORM_USCC }],
    sessions: new Map(),
    tokens: new Map(),
    applications: new Map(),
    members: new Map(),
    transfers: new Map(),
    idempotency: new Map(),
    events: [],
    directory: createDirectory({ format: 'ruhui-directory', version: 1, organisations: options.organisations ?? SANDBOX_ORGS, parks: options.parks ?? SANDBOX_PARKS }),
    matching: options.matchingConfig ?? DEFAULT_MATCHING_CONFIG,
    now: () => start + (Date.now() - realStart) + offset,
    tokenTtlMs: options.tokenTtlMs ?? 30 * 60_000,
    maxIdNumbersPerSession: options.maxIdNumbersPerSession ?? 3,
    links: new Map(),
    cards: new Map(),
    informationRequests: new Map(),
    uploads: new Map(),
    transferPersons: new Map(),
    transferHomes: new Map(),
    seq: 0,
  })
  let state = fresh()
  let requestSeq = 0
  let delivered = 0

  const api = createApiServer<SandboxCaller>({
    handlers: handlers(() => state, options.timeoutDelayMs ?? 20_000),
    authenticate: async (header) => authenticate(header),
    requestId: () => `req_sandbox${String(++requestSeq).padStart(8, '0')}`,
    idempotency: {
      async find(scope, fingerprint) {
        const seen = state.idempotency.get(scope)
        return seen ? (seen.fingerprint === fingerprint ? seen : 'conflict') : undefined
      },
      async save(scope, fingerprint, reply) {
        if (!state.idempotency.has(scope)) state.idempotency.set(scope, { ...reply, fingerprint })
      },
    },
  })

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const call = { method: request.method, path: url.pathname, query: Object.fromEntries(url.searchParams), header: (n: string) => request.headers.get(n), text: () => request.text() }
    const reply = await api.dispatch(call)
    if (reply) return toResponse(reply)
    const path = url.pathname
    return toResponse(errorReply('not_found', `req_sandbox${String(++requestSeq).padStart(8, '0')}`, localeFromHeader(request.headers.get('accept-language')), { message: `没有这个接口：${request.method} ${path}`, en: `No such endpoint: ${request.method} ${path}` }))
  }

  async function authenticate(header: string | null | undefined): Promise<SandboxCaller> {
    const value = header?.startsWith('Bearer ') ? header.slice(7) : ''
    if (value === '') return { kind: 'none', id: 'anonymous' }
    if (value.startsWith('sk_')) {
      const platform = state.platforms.find((p) => p.secretKey === value)
      if (!platform) throw new Refusal('invalid_api_key')
      if (platform.disabled) throw new Refusal('api_key_expired', { message: '该平台已停用，密钥不再有效' })
      return { kind: 'secret_key', id: `platform:${platform.id}`, platformId: platform.id }
    }
    if (value.startsWith('jt_')) {
      const sessionId = state.tokens.get(value)
      const session = sessionId ? state.sessions.get(sessionId) : undefined
      if (!session) throw new Refusal('invalid_token')
      if (state.platforms.find((p) => p.id === session.session.platform_id)?.disabled) throw new Refusal('invalid_token', { message: '该平台的网上入会已停用，请联系平台客服' })
      if (state.now() > session.tokenExpiresAt) throw new Refusal('expired_token')
      return { kind: 'join_token', id: `session:${session.session.id}`, platformId: session.session.platform_id, sessionId: session.session.id, locale: session.session.locale }
    }
    throw new Refusal('invalid_api_key')
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
    /**
     * The reviewer asks the driver for information (issue #16): fields to give again and/or photos, with a message;
     * the application goes to needs_info and the driver answers with `uploads.create` and `applications.respond`.
     */
    requestInformation: (applicationId: string, ask: { fields?: InformationRequest['fields']; documents?: InformationRequest['documents']; message: string }) => requestInformation(state, applicationId, ask),
    /** A photo the driver uploaded, as the reviewer would see it. */
    upload: (uploadId: string) => uploadBytes(state, uploadId),
    /** The union confirms or declines a member's request to leave (退会); confirming revokes the card. */
    decideLeave: (leaveRequestId: string, decision: 'confirm' | 'decline', reason?: string) => decideLeave(state, leaveRequestId, decision, reason),
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
