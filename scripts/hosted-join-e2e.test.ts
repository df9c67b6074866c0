// The hosted join page (/join, packages/hosted-join) in real Chromium, driven as each shell would
// drive it (issue #14): one registry process (SQLite), one browser, the one built page. The platform
// registers http://localhost:<host port> (a second local origin: the registry is on 127.0.0.1); a
// third origin, http://localhost:<other port>, is not registered. Screenshots: .artifacts/e2e-hosted/.
import { existsSync } from 'node:fs'
import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { makeTestIdNumber } from '@ruhui/testing'
import { type RegistryInstance, startRegistry } from '../packages/registry/test/registry-process'
import { runSql } from '../packages/registry/test/row-counts'
import { type Browser, openBrowser } from './browser'

const root = join(import.meta.dirname, '..')
const artifacts = join(root, '.artifacts/e2e-hosted')
const PLATFORM = 'P-HOSTED'
const PROTOCOL = 'ruhui-bridge/1'
let registry: RegistryInstance
let secretKey: string
let browser: Browser
let host: { server: Server; origin: string }
let other: { server: Server; origin: string }

type Message = { protocol: string; type: string; id?: string; session_id: string; event?: { name: string }; application_id?: string | null; status?: string; reason?: string }

/** A platform's web page: frames `?src=` and records what the frame posts from the registry's origin. */
function hostPage(registryOrigin: string): string {
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>平台网页</title>
<body style="margin:0"><iframe id="ruhui" style="width:100%;height:1400px;border:0"></iframe>
<script>
window.__got = []; window.__blocked = null
const src = new URLSearchParams(location.search).get('src')
if (src) document.getElementById('ruhui').src = src
addEventListener('message', (e) => { if (e.origin === ${JSON.stringify(registryOrigin)}) window.__got.push(e.data) })
// Can this page call the API from the browser? (CORS: only a registered origin can.)
window.__call = (url, token) => fetch(url, { headers: { authorization: 'Bearer ' + token } }).then((r) => r.status, (e) => 'blocked: ' + e.message)
</script></body></html>`
}

function listen(body: (path: string) => string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(body(req.url ?? '/'))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://localhost:${(server.address() as AddressInfo).port}` })))
}

beforeAll(async () => {
  const built = join(root, 'packages/hosted-join/dist/index.html')
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first`)
  registry = await startRegistry({ dialect: 'sqlite' })
  const page = hostPage(registry.baseUrl)
  host = await listen((path) => (path.startsWith('/return') ? '<!doctype html><meta charset="utf-8"><title>回到平台</title><p>回到平台</p>' : page))
  other = await listen(() => page)
  const keys = registry.cli(['platform', 'create', '--name', '托管页测试平台', '--id', PLATFORM, '--allowed-origin', host.origin, '--return-url', `${host.origin}/return`])
  secretKey = keys.secret_key as string
  browser = await openBrowser(artifacts)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  host?.server.close()
  other?.server.close()
  await registry?.stop()
  registry?.cleanup()
})

async function createSession(user: string, extra: Record<string, unknown> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${registry.baseUrl}/v1/join-sessions`, { method: 'POST', headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ platform_user_id: user, ...extra }) })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

/** The platform's backend refreshes the session: the fresh token need_token is answered with. */
async function refreshedToken(sessionId: string): Promise<string> {
  const res = await fetch(`${registry.baseUrl}/v1/join-sessions/${sessionId}/refresh`, { method: 'POST', headers: { authorization: `Bearer ${secretKey}` } })
  return ((await res.json()) as { join_token: string }).join_token
}

/** A page of its own (its stubs, its messages), watched for requests outside the allowed origins and CSP reports. */
async function newPage(allowedOrigins: string[]): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('console', (m) => (/Content Security Policy|Refused to/i.test(m.text()) ? problems.push(`console: ${m.text()}`) : undefined))
  page.on('request', (r) => (allowedOrigins.includes(new URL(r.url()).origin) ? undefined : problems.push(`request elsewhere: ${r.url()}`)))
  return { page, problems }
}

async function see(where: Page | Frame, text: string | RegExp, timeout = 15_000): Promise<void> {
  try {
    await where.getByText(text).first().waitFor({ timeout })
  } catch (e) {
    const body = await where.locator('body').innerText().catch(() => '')
    throw new Error(`"${String(text)}" did not appear. The page shows: ${body.slice(0, 600)} | ${(e as Error).message.split('\n')[0]}`)
  }
}

let people = 0
/** A driver goes through the whole flow; `beforeNext` runs once the identity is filled in. */
async function join_(where: Page | Frame, beforeNext?: () => Promise<void>, options: { face?: boolean; hostPhone?: boolean } = {}): Promise<void> {
  const sequence = String(301 + people++)
  await see(where, '加入工会，有组织有依靠')
  await where.getByText('开始入会', { exact: true }).click()
  await see(where, '敏感个人信息处理同意')
  await where.locator('.ruhui-btn--primary').filter({ hasText: '同意' }).click()
  await see(where, '填写身份信息')
  const field = (name: string) => where.locator(`#ruhui-field-${name} input, input#ruhui-field-${name}`).first()
  await field('name').fill('托管测试')
  await field('idNumber').fill(makeTestIdNumber({ regionCode: '320102', birthDate: '1986-04-02', sequence }))
  if (options.hostPhone) {
    // The app's own verified number (need_phone): no typing.
    await where.getByText('使用平台已验证的手机号', { exact: true }).click()
    await see(where, '手机号已验证')
  } else await field('mobile').fill(`139000${sequence.padStart(5, '0')}`)
  await where.getByText('个体司机（平台接单）', { exact: true }).click()
  // The home place in words: the province's button, then the city and the county on full-screen lists.
  const item = (name: string) => where.locator('.ruhui-picker__item').filter({ has: where.locator('.ruhui-picker__name').getByText(name, { exact: true }) })
  await where.locator('.ruhui-province').filter({ hasText: '江苏省' }).click()
  await item('南京市').click()
  await item('江宁区').click()
  await see(where, '江苏省 南京市 江宁区')
  if (options.face) {
    await where.getByText('人脸核验', { exact: true }).click()
    await see(where, '人脸核验已通过')
  }
  await beforeNext?.()
  await where.getByText('下一步', { exact: true }).click()
  await see(where, '选择工会')
  // The union's consent (naming it) and the charter, each its own step and tap.
  await where.locator('.ruhui-btn--primary').filter({ hasText: '确认' }).click()
  await see(where, '向工会提供个人信息同意')
  await where.locator('.ruhui-btn--primary').filter({ hasText: '同意' }).click()
  await see(where, '入会声明')
  await where.locator('.ruhui-btn--primary').filter({ hasText: '同意并提交' }).click()
  await see(where, '申请已提交')
}

async function until<T>(read: () => Promise<T | undefined> | T | undefined, ok: (v: T | undefined) => boolean, what: string, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout
  for (;;) {
    const v = await read()
    if (ok(v)) return v as T
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v).slice(0, 800)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** ready first, the flow's events in order, success with the application id last; the registry holds the application. */
async function expectWholeJoin(messages: Message[], sessionId: string, expected = ['OPEN', 'CONSENT_GRANTED', 'IDENTITY_VALID', 'CONSENT_GRANTED', 'CHARTER_ACCEPTED', 'SUBMITTED']): Promise<void> {
  const success = await until(() => messages.find((m) => m.type === 'success'), Boolean, 'success')
  expect(messages.every((m) => m.protocol === PROTOCOL && m.session_id === sessionId)).toBe(true)
  expect(messages[0]!.type).toBe('ready')
  const names = messages.filter((m) => m.type === 'event').map((m) => m.event!.name)
  expect(names.filter((n) => expected.includes(n)), `events: ${names.join(' ')}`).toEqual(expected)
  expect(messages.findIndex((m) => m.type === 'success')).toBeGreaterThan(messages.findIndex((m) => m.type === 'event' && m.event!.name === 'SUBMITTED'))
  expect(success.application_id).toMatch(/^app_/)
  const res = await fetch(`${registry.baseUrl}/v1/applications/${success.application_id}`, { headers: { authorization: `Bearer ${secretKey}` } })
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({ id: success.application_id, session_id: sessionId, platform_id: PLATFORM, status: success.status })
}

it('iOS: top level with webkit.messageHandlers.ruhui — ready, need_phone and need_face answered by the app, the events in order, success with the application the registry holds; no third-party request', async () => {
  const session = await createSession('ios-driver')
  expect(session.status).toBe(201)
  const hosted = session.body.hosted_url as string
  expect(hosted).toBe(`${registry.baseUrl}/join?p=${PLATFORM}#session=${session.body.id}&token=${session.body.join_token}`)
  const { page, problems } = await newPage([registry.baseUrl])
  const messages: Message[] = []
  await page.exposeFunction('__hostOut', (text: string) => {
    const m = JSON.parse(text) as Message
    messages.push(m)
    // The app runs its own face check and answers (WKWebView: evaluateJavaScript("window.ruhui.receive(…)")).
    if (m.type === 'need_face') void page.evaluate((answer) => (window as unknown as { ruhui: { receive(a: unknown): boolean } }).ruhui.receive(answer), { protocol: PROTOCOL, type: 'answer', id: m.id, result: { passed: true, verified_at: '2026-12-01T12:00:00+08:00' } })
    // …and hands over the number it verified (need_phone).
    if (m.type === 'need_phone') void page.evaluate((answer) => (window as unknown as { ruhui: { receive(a: unknown): boolean } }).ruhui.receive(answer), { protocol: PROTOCOL, type: 'answer', id: m.id, result: { mobile: '13900000777', verified_at: '2026-12-01T12:00:00+08:00' } })
  })
  await page.addInitScript(() => {
    ;(window as unknown as { webkit: unknown }).webkit = { messageHandlers: { ruhui: { postMessage: (m: string) => (window as unknown as { __hostOut(m: string): void }).__hostOut(m) } } }
  })
  await page.goto(hosted)
  await join_(page, undefined, { face: true, hostPhone: true })
  await page.screenshot({ path: join(artifacts, '01-ios-submitted.png'), fullPage: true })
  await expectWholeJoin(messages, session.body.id as string, ['OPEN', 'CONSENT_GRANTED', 'PHONE_VERIFIED', 'FACE_VERIFIED', 'IDENTITY_VALID', 'CONSENT_GRANTED', 'CHARTER_ACCEPTED', 'SUBMITTED'])
  expect(messages.filter((m) => m.type === 'need_face')).toHaveLength(1)
  expect(messages.filter((m) => m.type === 'need_phone')).toHaveLength(1)
  expect(page.url()).not.toContain('token=') // the fragment left the address bar
  expect(problems, problems.join('\n')).toEqual([])
  await page.close()
}, 90_000)

it('React Native: top level with ReactNativeWebView; the token expires mid-flow, need_token is answered with a fresh one from the platform, the join completes without re-entry', async () => {
  const session = await createSession('rn-driver')
  const sessionId = session.body.id as string
  const { page, problems } = await newPage([registry.baseUrl])
  const messages: Message[] = []
  await page.exposeFunction('__hostOut', (text: string) => {
    const m = JSON.parse(text) as Message
    messages.push(m)
    // The app asks its backend to refresh the session and hands the page the new token.
    if (m.type === 'need_token') void refreshedToken(sessionId).then((token) => page.evaluate((answer) => (window as unknown as { ruhui: { receive(a: unknown): boolean } }).ruhui.receive(JSON.stringify(answer)), { protocol: PROTOCOL, type: 'answer', id: m.id, result: { token } }))
  })
  await page.addInitScript(() => {
    ;(window as unknown as { ReactNativeWebView: unknown }).ReactNativeWebView = { postMessage: (m: string) => (window as unknown as { __hostOut(m: string): void }).__hostOut(m) }
  })
  await page.goto(session.body.hosted_url as string)
  await join_(page, () => runSql(registry, `update sessions set token_expires_at = '2020-01-01T00:00:00.000Z' where id = '${sessionId}'`))
  await expectWholeJoin(messages, sessionId)
  // The refresh happened between the consent and the submission (whichever call met the expired token first).
  const names = messages.filter((m) => m.type === 'event').map((m) => m.event!.name)
  expect(names.indexOf('TOKEN_REFRESHED'), names.join(' ')).toBeGreaterThan(names.indexOf('CONSENT_GRANTED'))
  expect(names.indexOf('TOKEN_REFRESHED'), names.join(' ')).toBeLessThan(names.indexOf('SUBMITTED'))
  expect(messages.filter((m) => m.type === 'need_token'), JSON.stringify(messages)).toHaveLength(1)
  expect(problems, problems.join('\n')).toEqual([])
  await page.close()
}, 90_000)

it('web: framed by a page on a registered origin (postMessage to that origin only); that origin gets CORS answers', async () => {
  const session = await createSession('web-driver')
  const hosted = session.body.hosted_url as string
  const head = await fetch(hosted.split('#')[0]!)
  expect(head.headers.get('content-security-policy')).toContain(`frame-ancestors ${host.origin};`.replace(';', ''))
  expect(head.headers.get('x-frame-options')).toBeNull()
  const { page, problems } = await newPage([registry.baseUrl, host.origin])
  await page.goto(`${host.origin}/host?src=${encodeURIComponent(hosted)}`)
  const frame = await until(() => page.frames().find((f) => f.url().startsWith(`${registry.baseUrl}/join`)), Boolean, 'the framed page')
  await join_(frame)
  await page.screenshot({ path: join(artifacts, '02-web-framed-submitted.png'), fullPage: true })
  const read = () => page.evaluate(() => (window as unknown as { __got: Message[] }).__got)
  await until(read, (got) => Boolean(got?.some((m) => m.type === 'success')), 'success from the frame')
  await expectWholeJoin(await read(), session.body.id as string)
  // The registered origin may call the API from the browser (the join token is the driver's).
  expect(await page.evaluate(([u, t]) => (window as unknown as { __call(u: string, t: string): Promise<unknown> }).__call(u!, t!), [`${registry.baseUrl}/v1/join-sessions/${session.body.id}`, session.body.join_token as string])).toBe(200)
  expect(problems, problems.join('\n')).toEqual([])
  await page.close()
}, 90_000)

it('no channel: the page redirects to the registered return_url with ruhui_status, session_id and reason; an unregistered return_url is refused', async () => {
  const refused = await createSession('web-redirect', { return_url: `${other.origin}/return` })
  expect(refused.status).toBe(400)
  expect(refused.body.error).toMatchObject({ code: 'return_url_not_allowed', param: 'return_url', message: '返回地址不在平台登记的返回地址之内' })
  const session = await createSession('web-redirect', { return_url: `${host.origin}/return` })
  expect(session.body.return_url).toBe(`${host.origin}/return`)
  const { page } = await newPage([registry.baseUrl, host.origin])
  await page.goto(session.body.hosted_url as string)
  await see(page, '加入工会，有组织有依靠')
  await page.getByText('开始入会', { exact: true }).click()
  await see(page, '敏感个人信息处理同意')
  await page.getByText('不同意', { exact: true }).click()
  await page.waitForURL((u) => u.origin === host.origin, { timeout: 15_000 })
  const back = new URL(page.url())
  expect(back.pathname).toBe('/return')
  expect(Object.fromEntries(back.searchParams)).toEqual({ ruhui_status: 'exit', session_id: session.body.id, reason: 'consent_denied' })
  await page.close()
}, 60_000)

it('an unregistered origin: cannot frame the page (CSP frame-ancestors) and gets no CORS answer', async () => {
  const session = await createSession('web-stranger')
  const { page, problems } = await newPage([registry.baseUrl, other.origin])
  await page.goto(`${other.origin}/host?src=${encodeURIComponent(session.body.hosted_url as string)}`)
  await until(() => problems.some((p) => /frame-ancestors/.test(p)), Boolean, 'the frame refused by CSP')
  const framed = page.frames().find((f) => f.url().startsWith(`${registry.baseUrl}/join`))
  expect(framed ? await framed.getByText('开始入会').count() : 0).toBe(0) // nothing of the flow rendered in it
  // The browser refuses the API to this origin: the preflight gets no Access-Control-Allow-Origin.
  const status = await page.evaluate(([u, t]) => (window as unknown as { __call(u: string, t: string): Promise<unknown> }).__call(u!, t!), [`${registry.baseUrl}/v1/join-sessions/${session.body.id}`, session.body.join_token as string])
  expect(String(status)).toMatch(/^blocked/)
  const preflight = await fetch(`${registry.baseUrl}/v1/join-sessions/${session.body.id}`, { method: 'OPTIONS', headers: { origin: other.origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } })
  expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  expect(preflight.status).toBe(403)
  expect(await preflight.json()).toMatchObject({ error: { code: 'forbidden' } })
  const allowed = await fetch(`${registry.baseUrl}/v1/join-sessions/${session.body.id}`, { method: 'OPTIONS', headers: { origin: host.origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } })
  expect(allowed.status).toBe(204)
  expect(allowed.headers.get('access-control-allow-origin')).toBe(host.origin)
  // A page without ?p= (or of another platform) may be framed by nobody.
  expect((await fetch(`${registry.baseUrl}/join`)).headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  await page.close()
}, 60_000)

it('a session created in English opens the page in English; a link without its fragment says so in both languages', async () => {
  const session = await createSession('en-driver', { locale: 'en' })
  const { page, problems } = await newPage([registry.baseUrl])
  await page.goto(session.body.hosted_url as string)
  await see(page, 'Join the trade union')
  await page.goto(`${registry.baseUrl}/join?p=${PLATFORM}`)
  await see(page, '入会链接不完整，请回到平台重新进入')
  await see(page, 'This join link is incomplete')
  expect(problems, problems.join('\n')).toEqual([])
  await page.close()
}, 30_000)

it('a session the platform prefilled: the page reads the prefill back with the driver’s token and shows it read-only; the driver joins typing nothing; the platform’s read carries no prefill', async () => {
  const prefill = {
    name: '托管预填',
    id_number: makeTestIdNumber({ regionCode: '320102', birthDate: '1987-05-06', sequence: '377' }),
    mobile: '13900012377',
    employment_form: 'platform_self_employed',
    base_region: { county: '320115' },
    verified: { method: 'platform_realname', verified_at: '2026-12-01T09:00:00.000+08:00' },
  }
  const session = await createSession('prefilled-driver', { prefill })
  expect(session.status).toBe(201)
  const read = (key: string) => fetch(`${registry.baseUrl}/v1/join-sessions/${session.body.id}`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.json() as Promise<Record<string, unknown>>)
  expect((await read(session.body.join_token as string)).prefill).toEqual(prefill)
  expect(await read(secretKey)).not.toHaveProperty('prefill')
  const { page, problems } = await newPage([registry.baseUrl, host.origin])
  await page.goto(`${host.origin}/host?src=${encodeURIComponent(session.body.hosted_url as string)}`)
  const frame = await until(() => page.frames().find((f) => f.url().startsWith(`${registry.baseUrl}/join`)), Boolean, 'the framed page')
  await see(frame, '加入工会，有组织有依靠')
  await frame.getByText('开始入会', { exact: true }).click()
  await see(frame, '敏感个人信息处理同意')
  await frame.locator('.ruhui-btn--primary').filter({ hasText: '同意' }).click()
  await see(frame, '填写身份信息')
  await see(frame, '江苏省 南京市 江宁区')
  await see(frame, '平台已核验实名')
  expect(await frame.locator('.ruhui-prefilled').count()).toBeGreaterThanOrEqual(4)
  for (const name of ['name', 'idNumber', 'mobile']) expect(await frame.locator(`#ruhui-field-${name}`).count(), `${name} is read-only`).toBe(0)
  await page.screenshot({ path: join(artifacts, '07-prefilled-identity.png'), fullPage: true })
  await frame.getByText('下一步', { exact: true }).click()
  await see(frame, '选择工会')
  await frame.locator('.ruhui-btn--primary').filter({ hasText: '确认' }).click()
  await see(frame, '向工会提供个人信息同意')
  await frame.locator('.ruhui-btn--primary').filter({ hasText: '同意' }).click()
  await see(frame, '入会声明')
  await frame.locator('.ruhui-btn--primary').filter({ hasText: '同意并提交' }).click()
  await see(frame, '申请已提交')
  const got = () => page.evaluate(() => (window as unknown as { __got: Message[] }).__got)
  await until(got, (m) => Boolean(m?.some((x) => x.type === 'success')), 'success from the frame')
  await expectWholeJoin(await got(), session.body.id as string)
  expect(problems, problems.join('\n')).toEqual([])
  await page.close()
}, 90_000)
