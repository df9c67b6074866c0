// The registry client against the @ruhui/testing sandbox: every resource, every error family,
// retries and idempotency, credential separation, response validation.
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { ValidationError, isSdkError } from '@ruhui/core'
import {
  RegistryApiError,
  RegistryAuthenticationError,
  RegistryConnectionError,
  RegistryIdempotencyError,
  RegistryInvalidRequestError,
  RegistryPermissionError,
  RegistryRateLimitError,
  RegistryResponseError,
  type JoinTokenClient,
  createFetchTransport,
  createRegistryClient,
  isRegistryError,
} from '@ruhui/core/client'
import type { ApplicationSubmit } from '@ruhui/core/contract'
import { SANDBOX_EXISTING_MEMBER_ORG, TEST_SECRET_KEY, type TestIdentity, testCharter, testConsents, testIdentities } from '@ruhui/testing'
import { useSandbox } from './client-helpers'

const { sandbox, server, backend, driver, sleeps } = useSandbox()

function submission(who: TestIdentity, extra: Partial<ApplicationSubmit> = {}): ApplicationSubmit {
  return {
    applicant: { ...who, employment_form: 'platform_self_employed' },
    base_region: { county: '320115' },
    org_id: 'org_sandbox_nanjing_freight',
    consents: testConsents(),
    charter: testCharter(),
    ...extra,
  }
}

async function openSession(user = 'driver_1'): Promise<{ token: string; sessionId: string; client: JoinTokenClient }> {
  const s = await backend().joinSessions.create({ platform_user_id: user })
  return { token: s.join_token as string, sessionId: s.id, client: driver(s.join_token as string) }
}

describe('resources', () => {
  it('health', async () => {
    expect((await backend().health()).status).toBe('ok')
  })

  it('join sessions: create (idempotent per platform user), retrieve, refresh', async () => {
    const api = backend()
    const a = await api.joinSessions.create({ platform_user_id: 'u1', locale: 'zh-CN' })
    expect(a).toMatchObject({ object: 'join_session', status: 'open', platform_user_id: 'u1', application_id: null })
    expect(a.id).toMatch(/^jsess_/)
    expect(a.join_token).toMatch(/^jt_/)
    expect(a.expires_at).toMatch(/\+08:00$/)
    const again = await api.joinSessions.create({ platform_user_id: 'u1' })
    expect([again.id, again.join_token]).toEqual([a.id, a.join_token])
    expect((await api.joinSessions.retrieve(a.id)).join_token).toBeUndefined()
    const refreshed = await api.joinSessions.refresh(a.id)
    expect(refreshed.id).toBe(a.id)
    expect(refreshed.join_token).not.toBe(a.join_token)
    await expect(driver(a.join_token as string).joinSessions.retrieve(a.id)).rejects.toMatchObject({ code: 'invalid_token' })
    expect((await driver(refreshed.join_token as string).joinSessions.retrieve(a.id)).status).toBe('open')
  })

  it('organisations: match for the session, search', async () => {
    const { client } = await openSession()
    const m = await client.organisations.match({ employment_form: 'platform_self_employed', base_region: { county: '320115' } })
    expect(m.status).toBe('matched')
    // DOMAIN.md §7.6 example A: the Nanjing federation relies on the session's platform (its credit code is the
    // platform's, registered with it; the driver's app sends none) — tier 2, not the industry tier.
    expect(m.candidates[0]).toMatchObject({ org_id: 'org_sandbox_nanjing_freight', tier: 'head_enterprise_federation', rank: 1 })
    expect(m.candidates[0]?.reasons[0]?.message).toBe('您在南京市江宁区通过平台接单，南京市道路货运行业工会联合会（沙箱）依托该平台企业成立，覆盖南京市')
    const found = await backend().organisations.search({ q: '合肥' })
    expect(found.data.map((o) => o.id)).toEqual(['org_sandbox_hefei_freight', 'org_sandbox_hefei_park'])
  })

  it('applications: submit, retrieve (driver and platform), list, withdraw', async () => {
    const { client, sessionId } = await openSession()
    const app = await client.applications.submit(submission(testIdentities.standard))
    expect(app).toMatchObject({ object: 'application', session_id: sessionId, status: 'under_review', org_id: 'org_sandbox_nanjing_freight', tier: 'head_enterprise_federation' })
    expect(JSON.stringify(app)).not.toContain(testIdentities.standard.id_number) // status only, no personal data back
    expect((await client.applications.retrieve(app.id)).id).toBe(app.id)
    const api = backend()
    expect((await api.applications.retrieve(app.id)).status).toBe('under_review')
    const list = await api.applications.list({ limit: 10 })
    expect(list.data.map((a) => a.id)).toEqual([app.id])
    expect((await client.applications.withdraw(app.id)).status).toBe('withdrawn')
    expect(sandbox.events.map((e) => e.type)).toEqual(['application.submitted', 'application.withdrawn'])
  })

  it('magic identities force outcomes; review moves them on', async () => {
    const a = await (await openSession('a')).client.applications.submit(submission(testIdentities.approved, { base_region: { county: '340104' }, org_id: 'org_sandbox_hefei_freight' }))
    expect(a.status).toBe('approved')
    expect(a.member_card?.number).toMatch(/^SANDBOX/)
    const r = await (await openSession('r')).client.applications.submit(submission(testIdentities.rejected))
    expect(r.status).toBe('rejected')
    const n = await (await openSession('n')).client.applications.submit(submission(testIdentities.needsInfo, { base_region: { county: '341302', township: '341302001' }, org_id: 'org_sandbox_street' }))
    expect(n.status).toBe('needs_info')
    const s = await (await openSession('s')).client.applications.submit(submission(testIdentities.standard))
    sandbox.review(s.id, 'approve')
    expect((await backend().applications.retrieve(s.id)).status).toBe('approved')
  })

  it('transfers: an existing member is told to transfer, and can', async () => {
    const { client } = await openSession()
    const err = await client.applications.submit(submission(testIdentities.alreadyMember)).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryInvalidRequestError)
    expect(err).toMatchObject({ code: 'transfer_required', statusCode: 409, userMessage: '您已是其他工会的会员，可以申请转接会员组织关系' })
    const t = await client.transfers.request({ to_org_id: 'org_sandbox_nanjing_freight', reason: 'relocation' })
    expect(t).toMatchObject({ object: 'transfer', status: 'requested', from_org_id: SANDBOX_EXISTING_MEMBER_ORG, to_org_id: 'org_sandbox_nanjing_freight' })
    sandbox.advanceTransfer(t.id, 'release')
    sandbox.advanceTransfer(t.id, 'accept')
    expect((await client.transfers.retrieve(t.id)).status).toBe('completed')
    // The platform learns nothing of a transfer unless the driver let it know of the membership (issue #13): a 404 like no transfer.
    await expect(backend().transfers.retrieve(t.id)).rejects.toMatchObject({ code: 'not_found', statusCode: 404 })
  })

  it('member services by region', async () => {
    const list = await backend().memberServices.list({ region: '320115', membership: 'non_member' })
    expect(list.data.map((s) => s.kind)).toEqual(['care_fund', 'accident_mutual_aid', 'driver_home'])
    expect(list.data.find((s) => s.kind === 'driver_home')?.members_only).toBe(false)
  })
})

describe('error families', () => {
  it('invalid_request_error: a bad field names its param and says what is wrong in Chinese', async () => {
    const { client } = await openSession()
    const bad = submission({ ...testIdentities.standard, id_number: '320102198503151231' })
    const err = await client.applications.submit(bad).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryInvalidRequestError)
    expect(err).toMatchObject({ type: 'invalid_request_error', code: 'parameter_invalid', param: 'applicant.id_number', statusCode: 400 })
    expect((err as RegistryInvalidRequestError).userMessage).toBe('身份证件号码校验位不正确，请逐位核对')
    expect((err as RegistryInvalidRequestError).requestId).toMatch(/^req_/)
  })

  it('invalid_request_error: ineligible, org not offered, duplicate application, not found', async () => {
    const one = await openSession('1')
    await expect(one.client.applications.submit(submission(testIdentities.underage))).rejects.toMatchObject({ code: 'ineligible', statusCode: 422 })
    await expect(one.client.applications.submit(submission(testIdentities.standard, { org_id: 'org_sandbox_street' }))).rejects.toMatchObject({ code: 'org_not_offered', param: 'org_id' })
    await one.client.applications.submit(submission(testIdentities.standard))
    await expect((await openSession('2')).client.applications.submit(submission(testIdentities.standard))).rejects.toMatchObject({ code: 'application_exists' })
    await expect(backend().applications.retrieve('app_nope')).rejects.toMatchObject({ code: 'not_found', statusCode: 404 })
  })

  it('authentication_error: a wrong secret key, an expired join token', async () => {
    const wrong = createRegistryClient({ baseUrl: sandbox.baseUrl, secretKey: 'sk_test_wrong', transport: createFetchTransport() })
    await expect(wrong.joinSessions.create({ platform_user_id: 'x' })).rejects.toBeInstanceOf(RegistryAuthenticationError)
    const { client, token } = await openSession()
    sandbox.expireToken(token)
    const err = await client.organisations.match({ employment_form: 'other', base_region: { county: '320115' } }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryAuthenticationError)
    expect(err).toMatchObject({ code: 'expired_token', userMessage: '入会链接已过期，请重新进入' })
  })

  it('permission_error, from the wire', async () => {
    server.use(http.get(`${sandbox.baseUrl}/v1/health`, () => HttpResponse.json({ error: { type: 'permission_error', code: 'forbidden', message: '没有权限进行此操作', request_id: 'req_x' } }, { status: 403 })))
    await expect(backend().health()).rejects.toBeInstanceOf(RegistryPermissionError)
  })

  it('a join token only reaches its own session', async () => {
    const mine = await openSession('mine')
    const other = await openSession('other')
    const app = await other.client.applications.submit(submission(testIdentities.standard))
    await expect(mine.client.applications.retrieve(app.id)).rejects.toMatchObject({ code: 'not_found' })
    await expect(mine.client.joinSessions.retrieve(other.sessionId)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('idempotency_error: the same key with another body', async () => {
    const { client } = await openSession()
    await client.applications.submit(submission(testIdentities.standard), { idempotencyKey: 'my-key-1' })
    const err = await client.applications.submit(submission(testIdentities.approved), { idempotencyKey: 'my-key-1' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryIdempotencyError)
    expect(err).toMatchObject({ type: 'idempotency_error', code: 'idempotency_conflict', statusCode: 409 })
  })

  it('rate_limit_error, with the Retry-After it came with', async () => {
    server.use(sandbox.scenarios.rateLimited({ times: 5, retryAfterSeconds: 3 }))
    const err = await backend({ maxRetries: 0 }).health().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryRateLimitError)
    expect((err as RegistryRateLimitError).retryAfterMs).toBe(3000)
  })

  it('api_error after the retries run out', async () => {
    server.use(sandbox.scenarios.serverDown())
    const err = await backend({ maxRetries: 2 }).health().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryApiError)
    expect(err).toMatchObject({ code: 'service_unavailable', statusCode: 503 })
  })

  it('connection_error when no response ever comes', async () => {
    server.use(sandbox.scenarios.networkError({ times: 10 }))
    const err = await backend({ maxRetries: 1 }).health().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryConnectionError)
    expect(err).toMatchObject({ type: 'connection_error', code: 'network_error', userMessage: '网络连接失败，请检查网络后重试' })
  })

  it('invalid_response_error: a 200 that breaks the contract is a clear error, not a crash later', async () => {
    server.use(sandbox.scenarios.malformedResponse())
    const err = await backend({ maxRetries: 0 }).health().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryResponseError)
    expect((err as Error).message).toMatch(/GET \/v1\/health → 200: the body is not JSON/)
    server.use(http.get(`${sandbox.baseUrl}/v1/health`, () => HttpResponse.json({ status: 'fine' })))
    await expect(backend().health()).rejects.toThrow(/does not follow the contract \(status: invalid_value/)
  })

  it('a body that breaks the contract is refused locally, before sending', async () => {
    const { client } = await openSession()
    const err = await client.applications.submit({ ...submission(testIdentities.standard), charter: { ...testCharter(), text_hash: 'not-a-hash' } }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ValidationError)
    expect((err as ValidationError).issues[0]?.path).toEqual(['charter', 'text_hash'])
  })

  it('errors carry neither the secret key nor the join token', async () => {
    const { client, token } = await openSession()
    sandbox.expireToken(token)
    const e1 = await client.health().then(() => client.organisations.search()).catch((e: unknown) => e)
    const wrong = createRegistryClient({ baseUrl: sandbox.baseUrl, secretKey: 'sk_test_leaky_secret', transport: createFetchTransport() })
    const e2 = await wrong.joinSessions.create({ platform_user_id: 'x' }).catch((e: unknown) => e)
    for (const [e, secret] of [[e1, token], [e2, 'sk_test_leaky_secret']] as const) {
      expect(isRegistryError(e)).toBe(true)
      const all = JSON.stringify(e) + String((e as Error).message) + String((e as Error).stack) + JSON.stringify(Object.entries(e as object))
      expect(all).not.toContain(secret)
    }
  })
})

describe('retries and idempotency', () => {
  it('a response dropped after the registry committed still ends with exactly one application', async () => {
    const { client } = await openSession()
    server.use(sandbox.scenarios.dropResponseAfterCommit({ times: 2 }))
    const app = await client.applications.submit(submission(testIdentities.standard))
    expect(app.status).toBe('under_review')
    expect(sandbox.state.applications.size).toBe(1)
    expect([...sandbox.state.applications.keys()]).toEqual([app.id])
    expect(sleeps.length).toBeGreaterThanOrEqual(2)
  })

  it('429 honours Retry-After, then succeeds', async () => {
    sleeps.length = 0
    server.use(sandbox.scenarios.rateLimited({ times: 2, retryAfterSeconds: 2 }))
    expect((await backend().health()).status).toBe('ok')
    expect(sleeps).toEqual([2000, 2000])
  })

  it('5xx and connection errors back off exponentially with jitter', async () => {
    sleeps.length = 0
    server.use(sandbox.scenarios.serverDown({ times: 3 }))
    const retries: number[] = []
    expect((await backend({ maxRetries: 3, onRetry: (i) => retries.push(i.attempt) }).health()).status).toBe('ok')
    expect(retries).toEqual([1, 2, 3])
    expect(sleeps).toEqual([250, 500, 1000]) // random() = 0.5 of 500·2^n
  })

  it('a GET is retried; 4xx other than 409 lock and 429 is not', async () => {
    let calls = 0
    server.use(http.get(`${sandbox.baseUrl}/v1/health`, () => ((calls += 1), HttpResponse.json({ error: { type: 'invalid_request_error', code: 'invalid_request', message: 'x', request_id: 'req_1' } }, { status: 400 }))))
    await expect(backend({ maxRetries: 3 }).health()).rejects.toBeInstanceOf(RegistryInvalidRequestError)
    expect(calls).toBe(1)
  })

  it('every POST carries an Idempotency-Key, reused across retries', async () => {
    const keys: string[] = []
    let n = 0
    server.use(
      http.post(`${sandbox.baseUrl}/v1/join-sessions`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key') ?? '')
        n += 1
        return n < 3 ? HttpResponse.error() : undefined
      }),
    )
    await backend().joinSessions.create({ platform_user_id: 'k' })
    expect(keys).toHaveLength(3)
    expect(new Set(keys).size).toBe(1)
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})

describe('credentials', () => {
  it('a join-token client cannot call secret-key methods (type error, and a runtime error if forced)', async () => {
    const { client } = await openSession()
    // @ts-expect-error — list is a secret-key method
    const list: () => Promise<unknown> = client.applications.list
    await expect(list()).rejects.toMatchObject({ code: 'wrong_credential' })
    const forced = client as unknown as { joinSessions: { create(x: unknown): Promise<unknown> } }
    await expect(forced.joinSessions.create({ platform_user_id: 'x' })).rejects.toThrow(/needs the platform’s secret key/)
  })

  it('a secret-key client cannot submit applications', async () => {
    const api = backend()
    // @ts-expect-error — submit is a join-token method
    const submit = api.applications.submit
    expect(typeof submit).toBe('function')
    await expect(submit(submission(testIdentities.standard))).rejects.toMatchObject({ code: 'wrong_credential' })
  })

  it('exactly one credential, an absolute baseUrl, a transport', () => {
    expect(() => createRegistryClient({ baseUrl: 'https://x', secretKey: 'sk', joinToken: 'jt' } as never)).toThrow(/exactly one/)
    expect(() => createRegistryClient({ baseUrl: 'api/v1', secretKey: TEST_SECRET_KEY, transport: createFetchTransport() })).toThrow(/baseUrl must be absolute/)
    expect(() => createRegistryClient({ baseUrl: 'https://x', secretKey: TEST_SECRET_KEY } as never)).toThrow(/transport is required/)
  })

  it('setJoinToken swaps a refreshed token in', async () => {
    const { client, token, sessionId } = await openSession()
    sandbox.expireToken(token)
    const fresh = await backend().joinSessions.refresh(sessionId)
    client.setJoinToken(fresh.join_token as string)
    expect((await client.joinSessions.retrieve(sessionId)).status).toBe('open')
  })
})

describe('token refresh in the client (auth: { token, refresh })', () => {
  const withAuth = (token: string, refresh: () => Promise<string>, extra: Record<string, unknown> = {}) =>
    createRegistryClient({ baseUrl: sandbox.baseUrl, auth: { token, refresh }, transport: createFetchTransport(), ...extra })

  it('an expired token is refreshed once and the same request sent again, with the same Idempotency-Key', async () => {
    const { token, sessionId } = await openSession()
    sandbox.expireToken(token)
    const refresh = vi.fn(async () => (await backend().joinSessions.refresh(sessionId)).join_token as string)
    const onTokenRefreshed = vi.fn()
    const keys: string[] = []
    server.events.on('request:start', ({ request }) => void (new URL(request.url).pathname === '/v1/applications' && keys.push(request.headers.get('idempotency-key') ?? '')))
    const client = withAuth(token, refresh, { onTokenRefreshed })
    const app = await client.applications.submit(submission(testIdentities.standard))
    server.events.removeAllListeners()
    expect(app.status).toBe('under_review')
    expect(refresh).toHaveBeenCalledOnce()
    expect(onTokenRefreshed).toHaveBeenCalledOnce()
    expect(keys.length).toBe(2)
    expect(keys[0]).toBe(keys[1])
  })

  it('calls refused at the same moment share one refresh; a later call uses the new token', async () => {
    const { token, sessionId } = await openSession()
    sandbox.expireToken(token)
    let resolve: (t: string) => void = () => undefined
    const refresh = vi.fn(() => new Promise<string>((r) => (resolve = r)))
    const client = withAuth(token, refresh)
    const calls = Promise.all([client.joinSessions.retrieve(sessionId), client.regions.list(), client.organisations.search({ q: '南京' })])
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledOnce())
    resolve((await backend().joinSessions.refresh(sessionId)).join_token as string)
    const [s] = await calls
    expect(s.status).toBe('open')
    await client.joinSessions.retrieve(sessionId)
    expect(refresh).toHaveBeenCalledOnce()
  })

  it('when the host cannot refresh, the driver sees why the token was refused; a token refused twice is not refreshed again', async () => {
    const { token, sessionId } = await openSession()
    sandbox.expireToken(token)
    const failing = withAuth(token, async () => {
      throw new Error('backend down')
    })
    await expect(failing.joinSessions.retrieve(sessionId)).rejects.toMatchObject({ code: 'expired_token', userMessage: '入会链接已过期，请重新进入' })
    const stale = vi.fn(async () => 'jt_still_not_a_valid_token_000')
    await expect(withAuth(token, stale).joinSessions.retrieve(sessionId)).rejects.toMatchObject({ code: 'invalid_token' })
    expect(stale).toHaveBeenCalledOnce()
  })
})

describe('the client in English', () => {
  it('fallback words, connection errors and the registry’s own messages follow the locale', async () => {
    const session = await backend().joinSessions.create({ platform_user_id: 'driver_en', locale: 'en' })
    const en = driver(session.join_token as string, { locale: 'en', maxRetries: 0 })
    await expect(en.applications.retrieve('app_nothing')).rejects.toMatchObject({ code: 'not_found', userMessage: 'No such resource' })
    server.use(sandbox.scenarios.networkError())
    await expect(en.regions.list()).rejects.toMatchObject({ code: 'network_error', userMessage: 'Could not connect; check the network and try again' })
    server.use(http.get(`${sandbox.baseUrl}/v1/regions`, () => new HttpResponse('<html>502</html>', { status: 502 })))
    await expect(en.regions.list()).rejects.toMatchObject({ code: 'internal_error', userMessage: 'The registry had a problem' })
    server.use(sandbox.scenarios.malformedResponse())
    await expect(en.regions.list()).rejects.toMatchObject({ code: 'invalid_response', userMessage: 'The service answered with something unexpected; try again later' })
  })
})

describe('guards across duplicated bundles', () => {
  it('isRegistryError recognises an error from another copy of the package', async () => {
    const other = await import('../dist/client.mjs' as string)
    const foreign = new other.RegistryApiError({ type: 'api_error', code: 'internal_error', message: 'x', userMessage: 'y' })
    expect(foreign instanceof RegistryApiError).toBe(false)
    expect(isRegistryError(foreign)).toBe(true)
    expect(isRegistryError(foreign, 'api_error')).toBe(true)
    expect(isRegistryError(foreign, 'rate_limit_error')).toBe(false)
    expect(isSdkError(foreign)).toBe(true)
  })
})
