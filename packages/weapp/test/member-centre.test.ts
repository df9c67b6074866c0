// @vitest-environment jsdom
// The native 我的会籍 component (src/member-centre, built as WeChat's npm gets it) in
// miniprogram-simulate with WeChat's official template compiler, against a real registry process
// over real HTTP: a member approved in Nanjing opens the centre with a new session, sees the card
// and its QR code drawn as views (read back with jsQR), the registry checks it valid; the member
// asks to move to Hefei and the centre shows the move under way.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import jsQR from 'jsqr'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { maskPersonName } from '@ruhui/core'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { type RegistryInstance, startRegistry } from '../../registry/test/registry-process'
import { nanjingMember, person, staffClient } from '../../registry/test/membership-fixtures'
import { wxHttp } from './wx-http'

const require = createRequire(import.meta.url)
type SimNode = { dom: HTMLElement; instance: { data: Record<string, unknown> }; dispatchEvent(name: string, o?: { detail?: unknown }): void; querySelector(s: string): SimNode | null; querySelectorAll(s: string): SimNode[] }
const simulate = require('miniprogram-simulate') as {
  load(path: string, tag: string, o: { rootPath: string; compiler: 'official' }): string
  render(id: string, props?: Record<string, unknown>): SimNode & { attach(p: HTMLElement): void }
  sleep(ms: number): Promise<void>
}

let registry: RegistryInstance
let dist: string
let platformKey: string
let nanjing: ReturnType<typeof staffClient>
const stand = wxHttp()

async function until(node: SimNode, text: string, ms = 8000) {
  const end = Date.now() + ms
  while (!node.dom.textContent?.includes(text)) {
    if (Date.now() > end) throw new Error(`"${text}" did not appear; it shows: ${node.dom.textContent?.replace(/\s+/g, ' ').slice(0, 500)}`)
    await simulate.sleep(25)
  }
}
const tap = (node: SimNode, sel: string) => {
  const t = node.querySelector(sel)
  if (!t) throw new Error(`${sel} is not shown; it shows: ${node.dom.textContent?.replace(/\s+/g, ' ').slice(0, 400)}`)
  t.dispatchEvent('tap')
}

/** Paint the component's QR boxes (inline left/top/width/height in %) and read them with jsQR. */
function readQr(node: SimNode): string | undefined {
  const boxes = (node.instance.data.qr as string[]) ?? []
  const px = 600
  const data = new Uint8ClampedArray(px * px * 4).fill(255)
  for (const style of boxes) {
    const v = Object.fromEntries(style.split(';').map((p) => p.split(':')).map(([k, n]) => [k, (Number.parseFloat(n as string) / 100) * px]))
    const [x0, y0, x1, y1] = [v.left!, v.top!, v.left! + v.width!, v.top! + v.height!].map(Math.round) as [number, number, number, number]
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data.fill(0, (y * px + x) * 4, (y * px + x) * 4 + 3)
  }
  return jsQR(data, px, px)?.data
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'ruhui-weapp-member-'))
  // Built in a child process (esbuild refuses jsdom's TextEncoder), from the current sources.
  const scripts = join(import.meta.dirname, '../scripts')
  const code = `import { buildComponent } from '${scripts}/build-component.mjs'; await buildComponent({ outDir: ${JSON.stringify(dist)} })`
  const built = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' })
  if (built.status !== 0) throw new Error(`building the components failed: ${built.stderr}`)
  registry = await startRegistry({ dialect: 'sqlite' })
  platformKey = registry.cli(['platform', 'create', '--name', '会籍小程序平台', '--id', 'P-WXMEM']).secret_key as string
  nanjing = staffClient(registry.baseUrl, registry.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京审核员']).key as string)
  ;(globalThis as Record<string, unknown>).wx = stand.wx
}, 120_000)

afterAll(async () => {
  await registry?.stop()
  registry?.cleanup()
  if (dist) rmSync(dist, { recursive: true, force: true })
})

describe('@ruhui/weapp/member-centre in miniprogram-simulate against a registry process', { timeout: 60_000 }, () => {
  it('shows a member the card with a QR code the registry checks valid, and asks to move to Hefei', async () => {
    const who = person(401, '吴小程')
    await nanjingMember(registry.baseUrl, platformKey, nanjing, who, 'wx-member-1')
    // Later, a new session for the same platform user: the centre reads the membership with it.
    const platform = createRegistryClient({ baseUrl: registry.baseUrl, secretKey: platformKey, transport: createFetchTransport() })
    const s = await platform.joinSessions.create({ platform_user_id: 'wx-member-1' })
    const id = simulate.load(join(dist, 'member-centre/index'), 'ruhui-member', { rootPath: dist, compiler: 'official' })
    const comp = simulate.render(id, { registryUrl: registry.baseUrl, sessionId: s.id, joinToken: s.join_token })
    comp.attach(document.createElement('div'))

    await until(comp, '工会会员电子会员卡')
    await until(comp, '南京')
    const view = comp.instance.data.view as { member: { card: string; union: string; name: string } }
    expect(view.member.card).toMatch(/^RH\d{16}$/)
    expect(comp.dom.textContent).toContain(view.member.card)
    expect(view.member.name).toBe(maskPersonName(who.name))
    // The code drawn as views holds the card's signed payload.
    expect(comp.querySelectorAll('.ruhui-qr__run').length).toBeGreaterThan(100)
    const read = readQr(comp)
    expect(read).toMatch(/^RUHUI1\.[\w-]+\.[\w-]+$/)
    const payload = read as string
    const check = (await (await fetch(`${registry.baseUrl}/v1/cards/verify?payload=${encodeURIComponent(payload)}`)).json()) as { result: string; card_number: string }
    expect(check).toMatchObject({ result: 'valid', card_number: view.member.card })
    expect(stand.requests).toContain('GET /v1/me/membership')
    // Kept on the phone (the mini-program's own storage) for a visit without signal.
    expect(String(stand.wx.getStorageSync('ruhui.member.card'))).toContain(view.member.card)

    // Move: a county that is not one is refused on the phone, in words; then Hefei's union is found and chosen.
    tap(comp, '.ruhui-member__move')
    await until(comp, '转移会籍')
    comp.querySelector('.ruhui-member__move-county')!.dispatchEvent('input', { detail: { value: '3401' } })
    tap(comp, '.ruhui-member__find')
    await until(comp, '请填写 6 位区县代码')
    // The new base in words, as a driver knows it: 蜀山 finds 安徽省 合肥市 蜀山区.
    comp.querySelector('.ruhui-member__place-search')!.dispatchEvent('input', { detail: { value: '蜀山' } })
    await until(comp, '安徽省 合肥市 蜀山区')
    comp.querySelectorAll('.ruhui-member__place')[0]!.dispatchEvent('tap')
    await simulate.sleep(20)
    expect((comp.instance.data.view as { move: { county: string } }).move.county).toBe('340104')
    tap(comp, '.ruhui-member__find')
    await until(comp, '工会联合会（示例）')
    // Two unions take members in 蜀山区: the driver must choose one.
    tap(comp, '.ruhui-member__move-submit')
    await until(comp, '请选择接收您的工会')
    const options = (comp.instance.data.view as { move: { options: Array<{ id: string; name: string }> } }).move.options
    expect(options.length).toBeGreaterThan(0)
    comp.querySelectorAll('.ruhui-union')[0]!.dispatchEvent('tap')
    tap(comp, '.ruhui-member__move-submit')
    await until(comp, '已提交转移申请')
    await until(comp, '会籍转移办理中')
    expect(comp.dom.textContent).toContain(options[0]!.name)
    expect(stand.requests.filter((r) => r === 'POST /v1/me/membership/transfer')).toHaveLength(1)
  })

  it('the join component opens 我的会籍 in its place for a member’s session, and the join flow for a driver who never applied', async () => {
    const platform = createRegistryClient({ baseUrl: registry.baseUrl, secretKey: platformKey, transport: createFetchTransport() })
    const id = simulate.load(join(dist, 'index'), 'ruhui-join', { rootPath: dist, compiler: 'official' })
    // wx-member-1 became a member in the test above.
    const member = await platform.joinSessions.create({ platform_user_id: 'wx-member-1' })
    const a = simulate.render(id, { registryUrl: registry.baseUrl, sessionId: member.id, joinToken: member.join_token })
    a.attach(document.createElement('div'))
    await until(a, '工会会员电子会员卡')
    expect(a.dom.textContent).not.toContain('开始入会')
    expect(a.instance.data.memberCentre).toBe(true)
    const stranger = await platform.joinSessions.create({ platform_user_id: 'wx-never-applied' })
    const b = simulate.render(id, { registryUrl: registry.baseUrl, sessionId: stranger.id, joinToken: stranger.join_token })
    b.attach(document.createElement('div'))
    await until(b, '开始入会')
    expect(b.instance.data.memberCentre).toBe(false)
    expect(b.dom.textContent).not.toContain('工会会员电子会员卡')
  })

  it('after submitting, the join component offers 接收审核结果通知 with the host’s templates; the driver’s tap asks WeChat once', async () => {
    const who = person(402, '冯订阅')
    const platform = createRegistryClient({ baseUrl: registry.baseUrl, secretKey: platformKey, transport: createFetchTransport() })
    const s = await platform.joinSessions.create({ platform_user_id: 'wx-subscriber' })
    const id = simulate.load(join(dist, 'index'), 'ruhui-join-sub', { rootPath: dist, compiler: 'official' })
    const prefill = { name: who.name, id_number: who.id_number, mobile: who.mobile, employment_form: 'platform_self_employed', base_region: { county: '320115' } }
    const c = simulate.render(id, { registryUrl: registry.baseUrl, sessionId: s.id, joinToken: s.join_token, prefill, subscribeTemplates: ['tmpl-decision-1'] })
    c.attach(document.createElement('div'))
    await until(c, '开始入会')
    tap(c, '.ruhui-start')
    await until(c, '敏感个人信息处理同意')
    tap(c, '.ruhui-accept')
    await until(c, '填写身份信息')
    expect(c.querySelector('.ruhui-subscribe')).toBeFalsy() // nothing to subscribe to before submitting
    tap(c, '.ruhui-confirm')
    await until(c, '选择工会')
    tap(c, '.ruhui-confirm-union')
    await until(c, '向工会提供个人信息同意')
    tap(c, '.ruhui-share')
    await until(c, '入会声明')
    tap(c, '.ruhui-submit')
    await until(c, '申请已提交')
    await until(c, '接收审核结果通知')
    tap(c, '.ruhui-subscribe')
    await until(c, '审核结果会通知您')
    expect(stand.state.subscribeAsks).toEqual([['tmpl-decision-1']])
    expect(c.querySelector('.ruhui-subscribe')).toBeFalsy()
  })
})
