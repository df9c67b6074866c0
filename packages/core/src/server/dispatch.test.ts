// The dispatcher alone, with no network: credential kinds per route, body and query checks, idempotency,
// every error code's reply, the caller's language, and handler types taken from the route.
import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import type * as z from 'zod/mini'
import type { application, applicationSubmit } from '../contract/applications'
import { ERROR_CODES, type ErrorCode } from '../contract/errors'
import type { joinSession, joinSessionCreate } from '../contract/join-sessions'
import type { applicationListQuery } from '../contract/applications'
import { ROUTES, type RouteName } from '../contract/routes'
import { type IdempotencyStore, type IncomingCall, type StoredReply, createApiServer, findRoute } from './dispatch'
import { errorReply, localeFromHeader } from './error-reply'
import { type Handler, type Handlers, type Reply, reply } from './handlers'
import { Refusal } from './refusal'

type TestCaller =
  | { kind: 'secret_key'; id: string; platformId: string }
  | { kind: 'join_token'; id: string; platformId: string; sessionId: string; locale?: 'zh-CN' | 'en' }
  | { kind: 'reviewer'; id: string }
  | { kind: 'none'; id: 'anonymous' }

const CALLERS: Record<string, TestCaller> = {
  'Bearer sk_1': { kind: 'secret_key', id: 'platform:P1', platformId: 'P1' },
  'Bearer jt_1': { kind: 'join_token', id: 'session:S1', platformId: 'P1', sessionId: 'S1' },
  'Bearer jt_en': { kind: 'join_token', id: 'session:S2', platformId: 'P1', sessionId: 'S2', locale: 'en' },
  'Bearer rk_1': { kind: 'reviewer', id: 'reviewer:R1' },
}

function memoryStore(): IdempotencyStore & { rows: Map<string, StoredReply & { fingerprint: string }> } {
  const rows = new Map<string, StoredReply & { fingerprint: string }>()
  return {
    rows,
    find: async (scope, fingerprint) => {
      const r = rows.get(scope)
      return r ? (r.fingerprint === fingerprint ? r : 'conflict') : undefined
    },
    save: async (scope, fingerprint, r) => void (rows.has(scope) || rows.set(scope, { ...r, fingerprint })),
  }
}

function server(overrides: Partial<Handlers<TestCaller>> = {}, store = memoryStore()) {
  const calls: Array<{ name: RouteName; input: unknown }> = []
  const names = Object.keys(ROUTES) as RouteName[]
  // A recording handler per route; a test replaces the ones it needs.
  const handlers = Object.fromEntries(names.map((n) => [n, overrides[n] ?? ((input: unknown) => (calls.push({ name: n, input }), { ok: n }))])) as unknown as Handlers<TestCaller>
  const unexpected = vi.fn()
  let seq = 0
  const api = createApiServer<TestCaller>({
    handlers,
    authenticate: async (h) => {
      if (!h) return { kind: 'none', id: 'anonymous' }
      const c = CALLERS[h]
      if (!c) throw new Refusal(h.startsWith('Bearer jt_') ? 'invalid_token' : 'invalid_api_key')
      return c
    },
    idempotency: store,
    requestId: () => `req_${++seq}`,
    onUnexpected: unexpected,
  })
  const send = async (method: string, path: string, o: { auth?: string; body?: string; headers?: Record<string, string>; query?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...(o.auth ? { authorization: o.auth } : {}), ...o.headers }
    const call: IncomingCall = { method, path, query: o.query ?? {}, header: (n) => headers[n.toLowerCase()], text: async () => o.body ?? '' }
    const r = await api.dispatch(call)
    return r && { ...r, json: JSON.parse(r.body) as { error?: { code: string; message: string; param?: string; type: string } } }
  }
  return { send, calls, unexpected, store }
}

const concrete = (path: string) => path.replace('{id}', 'x_1')
const AUTH_FOR = { secret_key: 'Bearer sk_1', join_token: 'Bearer jt_1', either: 'Bearer sk_1', none: undefined } as const
const validQuery: Partial<Record<RouteName, Record<string, string>>> = { listParks: { county: '340104' }, verifyCard: { payload: 'RUHUI1.a.b' } }
const validBody: Partial<Record<RouteName, unknown>> = {
  createJoinSession: { platform_user_id: 'u1' },
  withdrawConsent: { kind: 'share_with_partners' },
  submitApplication: { applicant: { name: '张三', id_number: 'x', mobile: 'x', employment_form: 'employee' }, base_region: { county: '320115' }, org_id: 'org_1', consents: [{ kind: 'sensitive_personal_info', text_version: '1', text_hash: 'a'.repeat(64), granted_at: 't' }, { kind: 'share_with_union', text_version: '1', text_hash: 'b'.repeat(64), granted_at: 't' }], charter: { text_version: '1', text_hash: 'c'.repeat(64), accepted_at: 't' } },
  volunteerApplication: { roles: ['volunteer'] },
  requestTransfer: { to_org_id: 'org_2', reason: 'relocation' },
  matchOrganisations: { employment_form: 'employee', base_region: { county: '320115' } },
  // Issue #16, the driver's side.
  membershipTransferOptions: { base_region: { county: '320115' } },
  requestMembershipTransfer: { base_region: { county: '320115' }, to_org_id: 'org_2', reason: 'relocation' },
  requestLeave: { reason: 'personal' },
  createUpload: { application_id: 'app_1', purpose: 'other_photo', data_base64: 'AAAA' },
}

describe('routes and credentials', () => {
  it('finds every route by method and path, with its id decoded', () => {
    for (const [name, route] of Object.entries(ROUTES)) expect(findRoute(route.method, concrete(route.path))?.name).toBe(name)
    expect(findRoute('GET', '/v1/applications/app_%E4%B8%80')?.id).toBe('app_一')
    expect(findRoute('GET', '/v1/applications/%E4%')?.id).toBe('%E4%')
    expect(findRoute('DELETE', '/v1/applications')).toBeUndefined()
  })

  it('every route admits its own credential kind and refuses the others with the right code', async () => {
    for (const [name, route] of Object.entries(ROUTES) as Array<[RouteName, (typeof ROUTES)[RouteName]]>) {
      const s = server()
      const body = JSON.stringify(validBody[name] ?? {})
      const auth = AUTH_FOR[route.auth]
      const ok = await s.send(route.method, concrete(route.path), { ...(auth ? { auth } : {}), body, query: validQuery[name] ?? {} })
      expect([name, ok?.status]).toEqual([name, route.status])
      if (route.auth === 'none') continue
      const anonymous = await s.send(route.method, concrete(route.path), { body })
      expect([name, anonymous?.json.error?.code]).toEqual([name, route.auth === 'join_token' ? 'invalid_token' : 'invalid_api_key'])
      const wrong = route.auth === 'secret_key' ? 'Bearer jt_1' : route.auth === 'join_token' ? 'Bearer sk_1' : 'Bearer rk_1'
      const refused = await s.send(route.method, concrete(route.path), { auth: wrong, body })
      // The driver's own decisions (withdrawing an application): a secret key gets permission_denied, not the generic forbidden.
      expect([name, refused?.status, refused?.json.error?.code]).toEqual([name, 403, 'driverOnly' in route && route.driverOnly && wrong === 'Bearer sk_1' ? 'permission_denied' : 'forbidden'])
      expect(s.calls.length).toBe(1) // only the admitted call reached the handler
    }
  })

  it('hands the handler the parsed body, the query, the id, the caller and the language', async () => {
    const s = server()
    await s.send('POST', '/v1/join-sessions', { auth: 'Bearer sk_1', body: JSON.stringify({ platform_user_id: 'u9', extra: 'dropped' }) })
    expect(s.calls[0]?.input).toMatchObject({ body: { platform_user_id: 'u9' }, caller: { kind: 'secret_key' }, locale: 'zh-CN', id: '' })
    expect((s.calls[0]?.input as { body: object }).body).not.toHaveProperty('extra')
    await s.send('GET', '/v1/applications', { auth: 'Bearer sk_1', query: { limit: '5' }, headers: { 'accept-language': 'en-US,en;q=0.8' } })
    expect(s.calls[1]?.input).toMatchObject({ query: { limit: '5' }, locale: 'en' })
  })
})

describe('bad requests', () => {
  it('body: not JSON, a field missing, a field invalid, too large — each named, the handler never called', async () => {
    const s = server()
    const send = (body: string) => s.send('POST', '/v1/join-sessions', { auth: 'Bearer sk_1', body })
    expect((await send('{'))?.json.error).toMatchObject({ code: 'invalid_request', message: '请求内容不是有效的 JSON' })
    expect((await send('{}'))?.json.error).toMatchObject({ code: 'parameter_missing', param: 'platform_user_id' })
    expect((await send('{"platform_user_id":""}'))?.json.error).toMatchObject({ code: 'parameter_invalid', param: 'platform_user_id' })
    expect((await send('{"platform_user_id":"u","locale":"fr"}'))?.json.error).toMatchObject({ code: 'parameter_invalid', param: 'locale' })
    const big = await send(JSON.stringify({ platform_user_id: 'u', pad: '字'.repeat(30_000) })) // 90 KB in UTF-8, 30 K characters
    expect([big?.status, big?.json.error?.code, big?.json.error?.message]).toEqual([413, 'payload_too_large', '请求内容太大（最大 64 KB）'])
    expect(s.calls).toEqual([])
  })

  it('query checked by the route schema', async () => {
    const s = server()
    const r = await s.send('GET', '/v1/applications', { auth: 'Bearer sk_1', query: { limit: '1000' } })
    expect([r?.status, r?.json.error?.param]).toEqual([400, 'limit'])
  })

  it('an unknown or expired credential is refused before anything else', async () => {
    const s = server()
    expect((await s.send('POST', '/v1/organisations/match', { auth: 'Bearer jt_nope', body: '{' }))?.json.error?.code).toBe('invalid_token')
  })
})

describe('idempotency', () => {
  const submit = (s: ReturnType<typeof server>, key: string, body = '{"platform_user_id":"u1"}') => s.send('POST', '/v1/join-sessions', { auth: 'Bearer sk_1', body, headers: { 'idempotency-key': key } })

  it('the same key and request replays; another request with the key is a conflict', async () => {
    const s = server()
    const first = await submit(s, 'k1')
    const again = await submit(s, 'k1')
    expect([again?.status, again?.body, again?.headers['idempotent-replayed']]).toEqual([first?.status, first?.body, 'true'])
    expect(s.calls.length).toBe(1)
    expect((await submit(s, 'k1', '{"platform_user_id":"u2"}'))?.json.error?.code).toBe('idempotency_conflict')
    expect((await submit(s, ''))?.json.error).toMatchObject({ code: 'parameter_invalid', param: 'Idempotency-Key' })
  })

  it('a refusal is kept and replayed; a twin that succeeded meanwhile is answered as it was; a 5xx is not kept', async () => {
    let n = 0
    const store = memoryStore()
    const s = server({ createJoinSession: () => { n++; throw new Refusal('lock_conflict') } }, store)
    const refused = await submit(s, 'k2')
    expect([refused?.status, refused?.json.error?.code]).toEqual([409, 'lock_conflict'])
    expect((await submit(s, 'k2'))?.headers['idempotent-replayed']).toBe('true')
    expect(n).toBe(1)
    const twin = server({ createJoinSession: async () => { await store.save('platform:P1|k3', 'POST /v1/join-sessions\n{"platform_user_id":"u1"}', { status: 201, body: '{"twin":true}' }); throw new Refusal('session_completed') } }, store)
    expect((await submit(twin, 'k3'))?.body).toBe('{"twin":true}')
    const failing = server({ createJoinSession: () => { throw new Error('disk full') } })
    const broken = await submit(failing, 'k4')
    expect([broken?.status, broken?.json.error?.code]).toEqual([500, 'internal_error'])
    expect(failing.unexpected).toHaveBeenCalledOnce()
    expect(failing.store.rows.size).toBe(0)
  })

  it('a store that keeps the reply with the handler is used as such', async () => {
    const store = memoryStore()
    const run = vi.fn(async (scope: string, fp: string, shape: (v: unknown) => StoredReply, work: () => Promise<unknown>) => {
      const value = await work()
      await store.save(scope, fp, shape(value))
      return { value, stored: true }
    })
    const s = server({ createJoinSession: () => reply(200, { handed: 'back' }) as never }, { ...store, run })
    const r = await submit(s, 'k5')
    expect([r?.status, r?.body]).toEqual([200, '{"handed":"back"}'])
    expect(run).toHaveBeenCalledOnce()
    expect(store.rows.get('platform:P1|k5')).toMatchObject({ status: 200, body: '{"handed":"back"}' })
  })
})

describe('error replies', () => {
  it('every code: the status and type of ERROR_CODES, words in Chinese or English', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      const zh = errorReply(code, 'req_1', 'zh-CN')
      const en = errorReply(code, 'req_1', 'en')
      expect([code, zh.status, en.status]).toEqual([code, ERROR_CODES[code].status, ERROR_CODES[code].status])
      expect(JSON.parse(zh.body)).toEqual({ error: { type: ERROR_CODES[code].type, code, message: ERROR_CODES[code].zh, request_id: 'req_1' } })
      expect(JSON.parse(en.body).error.message).toBe(ERROR_CODES[code].en)
    }
  })

  it('codes the server causes keep their status and headers through the dispatcher', async () => {
    for (const code of ['lock_conflict', 'rate_limited', 'internal_error', 'service_unavailable'] as const) {
      const s = server({ health: () => { throw new Refusal(code, code === 'rate_limited' ? { headers: { 'retry-after': '2' } } : {}) } })
      const r = await s.send('GET', '/v1/health')
      expect([code, r?.status, r?.json.error?.code]).toEqual([code, ERROR_CODES[code].status, code])
      if (code === 'rate_limited') expect(r?.headers['retry-after']).toBe('2')
    }
  })

  it('in the caller’s language: the session’s locale first, then Accept-Language', async () => {
    const s = server()
    const en = await s.send('POST', '/v1/organisations/match', { auth: 'Bearer jt_en', body: '{}' })
    expect(en?.json.error?.message).toBe('A required parameter is missing')
    const header = await s.send('POST', '/v1/organisations/match', { auth: 'Bearer sk_1', body: '{}', headers: { 'accept-language': 'en' } })
    expect(header?.json.error?.message).toBe('This call needs a join token')
    const zh = await s.send('POST', '/v1/organisations/match', { auth: 'Bearer sk_1', body: '{}' })
    expect(zh?.json.error?.message).toBe('此操作需要入会令牌')
    expect([localeFromHeader('en-GB'), localeFromHeader('zh-CN,en;q=0.9'), localeFromHeader(undefined), localeFromHeader('english')]).toEqual(['en', 'zh-CN', 'zh-CN', 'zh-CN'])
  })
})

describe('types from the route', () => {
  it('a handler receives z.infer of its body and query and the caller of its credential kind, and answers z.infer of its response', () => {
    type Submit = Handler<typeof ROUTES.submitApplication, TestCaller>
    expectTypeOf<Parameters<Submit>[0]['body']>().toEqualTypeOf<z.infer<typeof applicationSubmit>>()
    expectTypeOf<Parameters<Submit>[0]['caller']>().toEqualTypeOf<Extract<TestCaller, { kind: 'join_token' }>>()
    expectTypeOf<Awaited<ReturnType<Submit>>>().toEqualTypeOf<z.infer<typeof application> | Reply<z.infer<typeof application>>>()
    type Create = Handler<typeof ROUTES.createJoinSession, TestCaller>
    expectTypeOf<Parameters<Create>[0]['body']>().toEqualTypeOf<z.infer<typeof joinSessionCreate>>()
    expectTypeOf<Parameters<Create>[0]['caller']>().toEqualTypeOf<Extract<TestCaller, { kind: 'secret_key' }>>()
    expectTypeOf<Awaited<ReturnType<Create>>>().toEqualTypeOf<z.infer<typeof joinSession> | Reply<z.infer<typeof joinSession>>>()
    type List = Handler<typeof ROUTES.listApplications, TestCaller>
    expectTypeOf<Parameters<List>[0]['query']>().toEqualTypeOf<z.infer<typeof applicationListQuery>>()
    expectTypeOf<Parameters<List>[0]['body']>().toEqualTypeOf<undefined>()
    type Retrieve = Handler<typeof ROUTES.retrieveApplication, TestCaller>
    expectTypeOf<Parameters<Retrieve>[0]['caller']>().toEqualTypeOf<Extract<TestCaller, { kind: 'secret_key' | 'join_token' }>>()
    // A handler answering the wrong shape does not compile.
    // @ts-expect-error — a join session is not an application
    const wrong: Submit = async () => ({ id: 'jsess_1', object: 'join_session' })
    void wrong
  })
})
