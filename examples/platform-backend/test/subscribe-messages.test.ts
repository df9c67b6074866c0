// The example platform backend turns the registry's signed events into WeChat subscription
// messages: a real registry process (SQLite) delivers its webhooks to the backend over HTTP; the
// backend sends subscribeMessage.send to a stand-in of WeChat's API. One message per decision
// (approved, needs_info, rejected, transfer completed and refused, leave confirmed, expelled) to the
// driver who subscribed; none for a driver who did not, nor a transfer or a membership's end for a
// driver who did not let the platform know of the membership; an expired access token is fetched again; no ID
// number and no name in any message.
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { signWebhook } from '@ruhui/core/node'
import { testCharter, testConsents } from '@ruhui/testing'
import { type Person, type Staff, person, staffClient, staffJson } from '../../../packages/registry/test/membership-fixtures'
import { type RegistryInstance, startRegistry } from '../../../packages/registry/test/registry-process'
import { queryRows } from '../../../packages/registry/test/row-counts'
// @ts-expect-error — plain JS example
import { createPlatformBackend } from '../server.mjs'
import { startWechatStandIn } from './wechat-stand-in'

const APP_ID = 'wx_test_app'
const APP_SECRET = 'wx_test_secret'
const TEMPLATES = { review_result: 'TPL_REVIEW_RESULT', membership_change: 'TPL_MEMBERSHIP_CHANGE' }
let wechat: Awaited<ReturnType<typeof startWechatStandIn>>
let r: RegistryInstance
let backend: { server: import('node:http').Server }
let base = ''
let nanjing: Staff
let hefei: Staff
let webhookSecret = ''

beforeAll(async () => {
  wechat = await startWechatStandIn(APP_ID, APP_SECRET)
  r = await startRegistry({ dialect: 'sqlite' })
  const platform = r.cli(['platform', 'create', '--name', '平台微信', '--id', 'P-WX'])
  webhookSecret = platform.webhook_secret as string
  backend = createPlatformBackend({ registryUrl: r.baseUrl, secretKey: platform.secret_key, webhookSecret: platform.webhook_secret, wechat: { appId: APP_ID, appSecret: APP_SECRET, apiBase: wechat.apiBase, templates: TEMPLATES } })
  await new Promise<void>((resolve) => backend.server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(backend.server.address() as AddressInfo).port}`
  r.cli(['platform', 'set-webhook', '--id', 'P-WX', '--webhook-url', `${base}/webhooks/ruhui`])
  nanjing = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京'])['key'] as string)
  hefei = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3401', '--name', '合肥'])['key'] as string)
}, 60_000)

afterAll(async () => {
  await new Promise((resolve) => backend?.server.close(resolve))
  await r?.stop()
  r?.cleanup()
  await wechat?.close()
})

const post = async (path: string, body?: unknown) => {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

/** The driver opens the app: a session minted by the backend, a client with its join token. */
async function open(driverId: string) {
  const { body } = await post(`/api/drivers/${driverId}/join-session`)
  return createRegistryClient({ baseUrl: r.baseUrl, joinToken: body.join_token as string, transport: createFetchTransport() })
}

async function apply(driverId: string, who: Person, county = '320115', orgId = 'org_nf_320115', shareMembership = false) {
  const driver = await open(driverId)
  return driver.applications.submit({ applicant: { ...who, employment_form: 'platform_self_employed' }, base_region: { county }, org_id: orgId, consents: testConsents(undefined, shareMembership ? ['share_membership_with_platform'] : []), charter: testCharter() })
}

/** In the mini-program the driver accepts both templates (each acceptance allows one message). */
const subscribe = async (driverId: string, times: number) => {
  for (let i = 0; i < times; i++) expect((await post(`/api/drivers/${driverId}/wechat-subscription`, { code: `code-${driverId}`, accepted: Object.values(TEMPLATES) })).status).toBe(200)
}

it('one subscription message per decision, to the driver who subscribed; nothing that names the person', async () => {
  const people = { a: person(801, '周一鸣'), b: person(802, '吴二娃'), c: person(803, '郑三宝'), d: person(804, '冯四海'), e: person(805, '陈五福'), f: person(806, '褚六顺'), g: person(807, '卫七巧'), h: person(808, '蒋八斗') }
  for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) await subscribe(id, 2)

  const a = await apply('a', people.a)
  await staffJson(nanjing, `/v1/review/applications/${a.id}/approve`, {})
  const b = await apply('b', people.b)
  await staffJson(nanjing, `/v1/review/applications/${b.id}/request_info`, { reason: '请上传驾驶证照片', documents: ['driving_licence_photo'] })
  wechat.expireTokenOnce() // the next send meets an expired access token
  await staffJson(nanjing, `/v1/review/applications/${b.id}/reject`, { reason: '非货车司机' })
  // c and d let the platform know of the membership: only then does it hear of their transfers (a transfer tells it the driver is a member).
  for (const [id, share] of [['c', true], ['d', true], ['e', true], ['f', true], ['g', false], ['h', false]] as const) {
    const app = await apply(id, people[id], '320115', 'org_nf_320115', share)
    await staffJson(nanjing, `/v1/review/applications/${app.id}/approve`, {})
  }
  // c and d move to Hefei: a new session's submission is told to transfer; c's completes, d's is refused.
  const moves: Record<string, string> = {}
  for (const id of ['c', 'd'] as const) {
    const driver = await open(id)
    await expect(driver.applications.submit({ applicant: { ...people[id], employment_form: 'platform_self_employed' }, base_region: { county: '340104' }, org_id: 'org_nf_340104', consents: testConsents(), charter: testCharter() })).rejects.toMatchObject({ code: 'transfer_required' })
    moves[id] = (await driver.transfers.request({ to_org_id: 'org_nf_340104', reason: 'relocation' })).id
  }
  await staffJson(nanjing, `/v1/review/transfers/${moves.c}/release`, {})
  await staffJson(hefei, `/v1/review/transfers/${moves.c}/accept`, {})
  await staffJson(nanjing, `/v1/review/transfers/${moves.d}/reject`, {})
  // e is expelled; f leaves (the union confirms); g is expelled but never let the platform know of the membership.
  const cards = await staffJson<{ data: Array<{ card_number: string; name_masked: string }> }>(nanjing, '/v1/review/members?name_last=福')
  await staffJson(nanjing, `/v1/review/members/${cards.data[0]?.card_number}/expel`, { reason: '严重违反章程' })
  await (await open('f')).membership.leave({ reason: 'no_longer_driving' })
  const leave = (await staffJson<{ data: Array<{ id: string }> }>(nanjing, '/v1/review/leave-requests')).data[0]
  await staffJson(nanjing, `/v1/review/leave-requests/${leave?.id}/confirm`, {})
  const g = await staffJson<{ data: Array<{ card_number: string }> }>(nanjing, '/v1/review/members?name_last=巧')
  await staffJson(nanjing, `/v1/review/members/${g.data[0]?.card_number}/expel`, { reason: '严重违反章程' })

  const expected: Record<string, Array<[string, string]>> = {
    a: [['TPL_REVIEW_RESULT', '已通过']],
    b: [['TPL_REVIEW_RESULT', '需补充材料'], ['TPL_REVIEW_RESULT', '未通过']],
    c: [['TPL_REVIEW_RESULT', '已通过'], ['TPL_MEMBERSHIP_CHANGE', '转接完成']],
    d: [['TPL_REVIEW_RESULT', '已通过'], ['TPL_MEMBERSHIP_CHANGE', '转接未办理']],
    e: [['TPL_REVIEW_RESULT', '已通过'], ['TPL_MEMBERSHIP_CHANGE', '会籍已取消']],
    f: [['TPL_REVIEW_RESULT', '已通过'], ['TPL_MEMBERSHIP_CHANGE', '已退会']],
    g: [['TPL_REVIEW_RESULT', '已通过']],
  }
  const total = Object.values(expected).flat().length
  await expect.poll(() => wechat.sent.length, { timeout: 20_000, interval: 200 }).toBe(total)
  await new Promise((resolve) => setTimeout(resolve, 1000)) // and nothing more (a redelivery, a retry)
  expect(wechat.sent).toHaveLength(total)
  const to = (id: string) => wechat.sent.filter((m) => m.touser === `oid-${id}`).map((m) => [m.template_id, m.data.phrase2?.value])
  for (const id of Object.keys(expected)) expect(to(id), id).toEqual(expected[id])
  expect(to('h')).toEqual([]) // approved, but never subscribed
  // The registry delivers an event again (its answer was lost): still one message.
  const [approval] = await queryRows<{ payload: string }>(r, `select payload from events where type = 'application.approved' order by created_at limit 1`)
  const payload = approval?.payload as string
  const again = await fetch(`${base}/webhooks/ruhui`, { method: 'POST', body: payload, headers: { 'ruhui-signature': signWebhook(payload, webhookSecret) } })
  expect(again.status).toBe(200)
  expect(wechat.sent).toHaveLength(total)
  expect(wechat.tokensIssued()).toBe(2) // the expired token was replaced once
  for (const m of wechat.sent) {
    expect(m.page).toBe('pages/me/index')
    expect(Object.keys(m.data).sort()).toEqual(['phrase2', 'thing1', 'thing4', 'time3'])
    for (const p of Object.values(people)) {
      expect(m.raw).not.toContain(p.id_number)
      expect(m.raw).not.toContain(p.id_number.slice(-4) + '"')
      expect(m.raw).not.toContain(p.name)
      expect(m.raw).not.toContain(p.mobile)
    }
  }
}, 120_000)

it('refuses a subscription with a bad login code or a template the app does not use, with a structured error', async () => {
  expect(await post('/api/drivers/x/wechat-subscription', { code: 'nope', accepted: [TEMPLATES.review_result] })).toMatchObject({ status: 400, body: { error: { code: 'invalid_login_code' } } })
  expect(await post('/api/drivers/x/wechat-subscription', { code: 'code-x', accepted: ['TPL_OTHER'] })).toMatchObject({ status: 400, body: { error: { code: 'parameter_invalid', param: 'accepted' } } })
  expect(await post('/api/drivers/x/wechat-subscription', { code: 'code-x', accepted: [] })).toMatchObject({ status: 400 })
  expect((await fetch(`${base}/api/drivers/x/wechat-subscription`, { method: 'POST', body: '{' })).status).toBe(400)
})
