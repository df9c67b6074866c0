// The example backend against the @ruhui/testing sandbox: real HTTP into the backend, the
// backend's registry calls answered by the sandbox (msw), webhooks delivered signed over HTTP.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { TEST_SECRET_KEY, createRegistrySandbox, testConsents, testCharter, testIdentities } from '@ruhui/testing'
// @ts-expect-error — plain JS example
import { createPlatformBackend } from '../server.mjs'

const WEBHOOK_SECRET = 'whsec_example_backend'
const sandbox = createRegistrySandbox()
const msw = setupServer(...sandbox.handlers)
const backend = createPlatformBackend({ registryUrl: sandbox.baseUrl, secretKey: TEST_SECRET_KEY, webhookSecret: WEBHOOK_SECRET })
let base = ''

beforeAll(async () => {
  // Requests to the sandbox are answered by msw; anything else must be our own loopback server.
  msw.listen({ onUnhandledRequest: (req, print) => (new URL(req.url).hostname === '127.0.0.1' ? undefined : print.error()) })
  await new Promise<void>((resolve) => backend.server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(backend.server.address() as AddressInfo).port}`
})
afterAll(async () => {
  msw.close()
  await new Promise((resolve) => backend.server.close(resolve))
})

const post = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, { method: 'POST', ...init })

it('mints a join session for a driver, idempotent per driver, with a refresh', async () => {
  const a = (await (await post('/api/drivers/42/join-session')).json()) as { session_id: string; join_token: string }
  expect(a.session_id).toMatch(/^jsess_/)
  expect(a.join_token).toMatch(/^jt_/)
  const b = (await (await post('/api/drivers/42/join-session')).json()) as { session_id: string }
  expect(b.session_id).toBe(a.session_id)
  const r = (await (await post(`/api/join-sessions/${a.session_id}/refresh`)).json()) as { session_id: string; join_token: string }
  expect([r.session_id, r.join_token === a.join_token]).toEqual([a.session_id, false])
})

it('receives and verifies the registry’s signed events; refuses forged ones', async () => {
  // A driver joins with the token the backend minted.
  const { join_token } = (await (await post('/api/drivers/7/join-session')).json()) as { join_token: string }
  const driver = createRegistryClient({ baseUrl: sandbox.baseUrl, joinToken: join_token, transport: createFetchTransport() })
  const app = await driver.applications.submit({
    applicant: { ...testIdentities.standard, employment_form: 'platform_self_employed' },
    base_region: { county: '320115' },
    org_id: 'org_sandbox_nanjing_freight',
    consents: testConsents(),
    charter: testCharter(),
  })
  sandbox.review(app.id, 'approve')
  const deliveries = await sandbox.deliverWebhooks(`${base}/webhooks/ruhui`, WEBHOOK_SECRET)
  expect(deliveries.map((d) => d.status)).toEqual([200, 200])
  const { data } = (await (await fetch(`${base}/api/events`)).json()) as { data: Array<{ type: string; object_id: string; status: string }> }
  expect(data.map((e) => [e.type, e.object_id])).toEqual([
    ['application.submitted', app.id],
    ['application.approved', app.id],
  ])
  expect(JSON.stringify(data)).not.toContain(testIdentities.standard.id_number)

  const body = JSON.stringify(sandbox.events[0])
  const forged = await post('/webhooks/ruhui', { body, headers: { 'ruhui-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` } })
  expect([forged.status, ((await forged.json()) as { error: { code: string } }).error.code]).toEqual([400, 'signature_mismatch'])
  const unsigned = await post('/webhooks/ruhui', { body })
  expect(((await unsigned.json()) as { error: { code: string } }).error.code).toBe('missing_signature_header')
})

it('passes the registry’s error on with its driver-facing message', async () => {
  sandbox.reset()
  msw.use(sandbox.scenarios.serverDown())
  const res = await post('/api/drivers/9/join-session')
  expect(res.status).toBe(502)
  expect(((await res.json()) as { error: { message: string } }).error.message).toBe('服务暂时不可用，请稍后再试')
  msw.resetHandlers()
})

it('lists 司机之家 near the driver, nearest first, and refuses a bad location with a structured error', async () => {
  const res = (await (await fetch(`${base}/api/driver-homes?lat=31.95&lng=118.84`)).json()) as { data: Array<{ name: string; distance_m: number }> }
  expect(res.data.length).toBeGreaterThan(0)
  expect(res.data[0]?.distance_m).toBeLessThan(1000)
  const bad = await fetch(`${base}/api/driver-homes?lat=abc&lng=118`)
  expect(bad.status).toBe(400)
  expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('parameter_invalid')
})

it('answers the flow’s face check for its driver (the demo passes everyone)', async () => {
  const res = (await (await post('/api/drivers/42/face-check')).json()) as { passed: boolean; verified_at: string }
  expect(res.passed).toBe(true)
  expect(Date.parse(res.verified_at)).not.toBeNaN()
})

it('exchanges WeChat’s getPhoneNumber code for the driver’s verified mobile; a bad code gets a clear error', async () => {
  // A stand-in of WeChat's API over real HTTP: the access token, then the phone number for a code.
  const calls: string[] = []
  const wechatApi = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    calls.push(url.pathname)
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' })
      if (url.pathname === '/cgi-bin/token') return res.end(JSON.stringify(url.searchParams.get('secret') === 'app-secret' ? { access_token: 'AT1', expires_in: 7200 } : { errcode: 40125, errmsg: 'invalid appsecret' }))
      if (url.pathname === '/wxa/business/getuserphonenumber' && url.searchParams.get('access_token') === 'AT1') {
        const { code } = JSON.parse(Buffer.concat(chunks).toString()) as { code: string }
        if (code === 'good-code') return res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: '13912345678', purePhoneNumber: '13912345678', countryCode: '86' } }))
        return res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }))
      }
      res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }))
    })
  })
  await new Promise<void>((resolve) => wechatApi.listen(0, '127.0.0.1', resolve))
  const apiBase = `http://127.0.0.1:${(wechatApi.address() as AddressInfo).port}`
  const withWechat = createPlatformBackend({ registryUrl: sandbox.baseUrl, secretKey: TEST_SECRET_KEY, webhookSecret: WEBHOOK_SECRET, wechat: { appId: 'wx-app', appSecret: 'app-secret', apiBase } })
  await new Promise<void>((resolve) => withWechat.server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(withWechat.server.address() as AddressInfo).port}/api/drivers/42/phone-number`
  const ask = async (body: string) => {
    const res = await fetch(url, { method: 'POST', body })
    return { status: res.status, body: (await res.json()) as { mobile?: string; verified_at?: string; error?: { code: string; message: string } } }
  }
  try {
    const ok = await ask(JSON.stringify({ code: 'good-code' }))
    expect(ok.status).toBe(200)
    expect(ok.body.mobile).toBe('13912345678')
    expect(Date.parse(ok.body.verified_at as string)).toBeGreaterThan(Date.now() - 60_000)
    const used = await ask(JSON.stringify({ code: 'used-code' }))
    expect(used).toEqual({ status: 400, body: { error: { code: 'invalid_phone_code', message: '获取手机号失败，请重新点击按钮' } } })
    expect((await ask('{"code":')).status).toBe(400)
    expect((await ask(JSON.stringify({ code: '../../etc' }))).body.error?.code).toBe('invalid_phone_code')
    // One access token served every exchange.
    expect(calls.filter((c) => c === '/cgi-bin/token')).toHaveLength(1)
    // Without WeChat configured (the h5 demo) the exchange says so rather than inventing a number.
    const none = await post('/api/drivers/42/phone-number', { body: JSON.stringify({ code: 'good-code' }) })
    expect(none.status).toBe(503)
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('wechat_not_configured')
  } finally {
    await new Promise((resolve) => withWechat.server.close(resolve))
    await new Promise((resolve) => wechatApi.close(resolve))
  }
})

it('passes what it verified (prefill) with the session and to its app; a driver it has not verified gets none (issue #18)', async () => {
  const verified = await (await post('/api/drivers/prefill-1/join-session')).json()
  expect(verified.prefill).toMatchObject({ employment_form: 'platform_self_employed', base_region: { county: '340123', township: '340123101' }, verified: { method: 'platform_realname' } })
  const { checkDriverIdentity } = await import('@ruhui/core')
  const p = verified.prefill
  expect(checkDriverIdentity({ name: p.name, idNumber: p.id_number, mobile: p.mobile, employmentForm: p.employment_form, plate: p.plate }).ok).toBe(true)
  expect(sandbox.state.sessions.get(verified.session_id)).toBeDefined()
  const unverified = await (await post('/api/drivers/new-driver-1/join-session')).json()
  expect(unverified.session_id).toMatch(/^jsess_/)
  expect(unverified.prefill).toBeUndefined()
})
