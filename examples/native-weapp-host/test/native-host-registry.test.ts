// @vitest-environment jsdom
// The native host example with @ruhui/weapp packed into miniprogram_npm (`npm run build`), in
// miniprogram-simulate with WeChat's official template compiler, against real parts over real
// HTTP: a registry process (packages/registry/test/registry-process.ts, seeded with the sample
// directory) and the example platform backend (examples/platform-backend) holding its secret
// key. Issue #18: the full-screen region picker an Anhui driver uses (each of the 16 cities by
// tapping its row and by typing two characters; initials), every screen starting at the top with its
// primary action in the sticky footer, no code ever shown; a driver the platform verified joins in 6
// taps and 0 typed characters, one it did not in 10 taps plus the name, ID number and mobile. Issue
// #13: the sensitive-information consent, the provision to the union (naming it) and the charter
// declaration each its own step and tap, the optional consents off.
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { calcIdCardCheckDigit } from '@ruhui/core'
import { childRegions } from '@ruhui/core/regions'
import { type RegistryInstance, startRegistry } from '../../../packages/registry/test/registry-process'
// @ts-expect-error — plain JS example
import { createPlatformBackend } from '../../platform-backend/server.mjs'
import { submitFromUnion, toIdentity } from './join-steps'
import { pickerClosed, pickerReady, pickerRows, provincesShown, tapProvince, tapRow } from './region-kit'
import { installShims, loadSimulate, mount, setPageQuery, type SimNode, until } from './simulate-kit'
import { wxOverHttp } from './wx-over-http'

const require = createRequire(import.meta.url)
const root = join(import.meta.dirname, '../miniprogram')
const page = join(root, 'pages/join/index')
const simulate = loadSimulate()
const ANHUI_CITIES = childRegions('34').filter((r) => r.level === 'prefecture')

let registry: RegistryInstance
let platform: { server: ReturnType<typeof createServer> }
let standIn: ReturnType<typeof wxOverHttp>

beforeAll(async () => {
  if (!existsSync(join(root, 'miniprogram_npm/@ruhui/weapp/index.js'))) throw new Error('miniprogram_npm/@ruhui/weapp is missing: run `npm run build` (it builds @ruhui/weapp and packs it into the native host)')
  if (!existsSync(join(import.meta.dirname, '../../../packages/registry/dist/index.mjs'))) throw new Error('packages/registry/dist is missing: run `npm run build` (the registry process runs from it)')
  registry = await startRegistry({ dialect: 'sqlite' })
  const { secret_key } = registry.cli(['platform', 'create', '--name', '原生宿主示例平台', '--id', 'P-NATIVE'])
  platform = createPlatformBackend({ registryUrl: registry.baseUrl, secretKey: secret_key, webhookSecret: 'whsec_native_host' })
  await new Promise<void>((resolve) => platform.server.listen(0, '127.0.0.1', resolve))
  // The app's config.js names 127.0.0.1:8787 and :8788; here they lead to the processes this file started.
  standIn = wxOverHttp({ 'http://127.0.0.1:8787': registry.baseUrl, 'http://127.0.0.1:8788': `http://127.0.0.1:${(platform.server.address() as AddressInfo).port}` })
  ;(globalThis as Record<string, unknown>).wx = standIn.wx
  installShims()
  require(join(root, 'app.js'))
}, 60_000)

afterAll(async () => {
  await new Promise((resolve) => platform?.server.close(resolve))
  await registry?.stop()
  registry?.cleanup()
})

type Page = SimNode & { instance: { data: Record<string, string>; log: string[] } }
function open(driver: string) {
  setPageQuery({ driver })
  const p = mount(simulate, page, root) as unknown as Page
  const join = p.querySelector('#ruhui')
  if (!join) throw new Error('the page did not render <ruhui-join>')
  return { page: p, join }
}
const tap = (node: SimNode, sel: string) => {
  const target = node.querySelector(sel)
  if (!target) throw new Error(`${sel} is not shown; the component shows: ${node.dom.textContent?.replace(/\s+/g, ' ').slice(0, 300)}`)
  target.dispatchEvent('tap')
}
/** A DOM element of the component by its WXSS classes (simulate prefixes them with the component's tag). */
const inDom = (join: SimNode, sel: string) => join.dom.querySelector(sel.replace(/\.([\w-]+)/g, '.ruhui-join--$1'))
const text = (node: SimNode) => node.dom.textContent?.replace(/\s+/g, ' ') ?? ''
/** A region code (6 or 9 digits on their own; a mobile's 11 are not one) anywhere in what the driver reads. */
const CODE = /(?<!\d)(?:\d{6}|\d{9})(?!\d)/

/** Type into the picker's type-ahead as a driver does (the input event WeChat sends with each change). */
const input = (join: SimNode, value: string) => join.querySelector('.ruhui-picker__search')!.dispatchEvent('input', { detail: { value } })
/**
 * A new search: the box cleared first, then the words typed. The list on screen stays usable while a
 * search runs (the last answer stays until the new one comes), so clearing is how the test knows which
 * answer it is looking at.
 */
const search = (join: SimNode, value: string) => {
  input(join, '')
  input(join, value)
}
type Picker = { open: boolean; loading: boolean; searching: boolean; query: string }
const pickerOf = (join: SimNode) => (join.instance.data.view as { county: { picker: Picker } }).county.picker
/** Wait until the type-ahead answered `query`. */
async function results(join: SimNode, query: string, ms = 5000) {
  const end = Date.now() + ms
  for (;;) {
    const p = pickerOf(join)
    if (p.open && p.searching && p.query === query && !p.loading) return pickerRows(join)
    if (Date.now() > end) throw new Error(`no answer to "${query}"; it shows: ${text(join).slice(0, 300)}`)
    await simulate.sleep(10)
  }
}
const where = (join: SimNode) => text(join.querySelector('.ruhui-picker__where')!).trim()
const count = (join: SimNode) => text(join.querySelector('.ruhui-picker__count')!).trim()

describe('the native component against a registry process: the picker, the steps, the tap budgets', { timeout: 60_000 }, () => {
  it("an Anhui driver reaches every one of Anhui's 16 cities by tapping its row on a full screen; the count and the path show in words, never a code", async () => {
    const { join } = open('new-anhui-tap')
    await toIdentity(simulate, join)
    await provincesShown(simulate, join)
    const scrolled = standIn.scrolls.length
    tapProvince(join, '安徽省')
    await pickerReady(simulate, join, 1)
    // The picker is the whole screen: the form is gone while it is open, and it starts at the top.
    expect(join.querySelector('.ruhui-step--identity')).toBeFalsy()
    expect(standIn.scrolls.length).toBeGreaterThan(scrolled)
    expect(ANHUI_CITIES).toHaveLength(16)
    expect(pickerRows(join)).toEqual(ANHUI_CITIES.map((c) => c.name))
    expect(where(join)).toBe('安徽省')
    expect(count(join)).toBe('共 16 个')
    expect(text(join)).not.toMatch(CODE)
    for (const city of ANHUI_CITIES) {
      tapRow(join, city.name)
      await pickerReady(simulate, join, 2)
      // Its counties now, the path in words, how many there are.
      const counties = childRegions(city.code.slice(0, 4))
      expect(where(join), city.name).toBe(`安徽省 ${city.name}`)
      expect(count(join), city.name).toBe(`共 ${counties.length} 个`)
      expect(pickerRows(join)).toEqual(counties.map((c) => c.name))
      expect(text(join), city.name).not.toMatch(CODE)
      const before = standIn.scrolls.length
      tap(join, '.ruhui-picker__back')
      await pickerReady(simulate, join, 1)
      expect(standIn.scrolls.length, 'a new level starts at the top').toBeGreaterThan(before)
    }
    // Down to the county: the picker closes and the identity step shows the place in words; the township has its own row.
    tapRow(join, '合肥市')
    await pickerReady(simulate, join, 2)
    tapRow(join, '肥西县')
    await pickerClosed(simulate, join)
    expect(text(join.querySelector('.ruhui-region')!)).toContain('安徽省 合肥市 肥西县')
    tap(join, '.ruhui-township')
    await pickerReady(simulate, join, 1)
    expect(where(join)).toBe('肥西县')
    tapRow(join, '三河镇')
    await pickerClosed(simulate, join)
    expect(text(join.querySelector('.ruhui-region')!)).toContain('安徽省 合肥市 肥西县 三河镇')
    expect(text(join)).not.toMatch(CODE)
  })

  it('the same driver finds each city by typing two characters of its name, and a county by its pinyin initials', async () => {
    const { join } = open('new-anhui-type')
    await toIdentity(simulate, join)
    await provincesShown(simulate, join)
    tapProvince(join, '安徽省')
    await pickerReady(simulate, join, 1)
    for (const city of ANHUI_CITIES) {
      const two = [...city.name].slice(0, 2).join('')
      search(join, two)
      const found = await results(join, two)
      expect(found, two).toContain(city.name)
      expect(count(join), two).toBe(`共 ${found.length} 个`)
      expect(text(join), two).not.toMatch(CODE)
      tapRow(join, city.name)
      await pickerReady(simulate, join, 2)
      expect(where(join), two).toBe(`安徽省 ${city.name}`)
      tap(join, '.ruhui-picker__back')
      await pickerReady(simulate, join, 1)
      expect(pickerOf(join).query, 'a new level starts without the last search').toBe('')
    }
    // Initials: "hf" finds 合肥市; "fx" finds 肥西县, each result saying where it is; the county closes the picker.
    search(join, 'hf')
    expect(await results(join, 'hf')).toContain('合肥市')
    search(join, 'fx')
    expect(await results(join, 'fx')).toContain('肥西县')
    expect(text(join)).toContain('安徽省 合肥市 肥西县')
    input(join, 'zz')
    search(join, 'qqqq')
    expect(await results(join, 'qqqq')).toEqual([])
    expect(text(join)).toContain('没有找到')
    search(join, 'fx')
    await results(join, 'fx')
    tapRow(join, '肥西县')
    await pickerClosed(simulate, join)
    expect(text(join.querySelector('.ruhui-region')!)).toContain('安徽省 合肥市 肥西县')
    expect(text(join)).not.toMatch(CODE)
  })

  it('a driver the platform verified joins in 6 taps and 0 typed characters: every field read-only with 修改, each consent and the charter its own step naming the union', async () => {
    const { page, join } = open('anhui-prefilled')
    const budget = { taps: 0, typed: 0 }
    const driverTap = (node: SimNode, sel: string) => {
      budget.taps++
      tap(node, sel)
    }
    const screens: string[] = []
    /** Each step: it scrolled to the top when it came, its primary button sits in the sticky footer, and no code shows. */
    const onStep = async (title: string, primary: string) => {
      const before = standIn.scrolls.length
      await until(simulate, join, title)
      if (screens.length) expect(standIn.scrolls.length, `${title} starts at the top`).toBeGreaterThan(before)
      screens.push(title)
      expect(inDom(join, `.ruhui-footer ${primary}`), `${title}: ${primary} in the sticky footer`).toBeTruthy()
      expect(text(join), title).not.toMatch(CODE)
    }

    await until(simulate, join, '开始入会')
    // The intro: 开始入会 comes before the member services.
    const intro = join.dom.innerHTML
    if (intro.includes('ruhui-services')) expect(intro.indexOf('ruhui-start')).toBeLessThan(intro.indexOf('ruhui-services'))
    driverTap(join, '.ruhui-start')

    // 1. The sensitive-information consent, its own step, before the ID number is typed.
    await onStep('敏感个人信息处理同意', '.ruhui-accept')
    expect(text(join)).toContain('身份证件号码')
    expect(join.querySelector('.ruhui-input--idNumber')).toBeFalsy()
    driverTap(join, '.ruhui-accept')

    // 2. Identity: what the platform verified, read-only in words, one 修改 each; the ID number masked.
    await onStep('填写身份信息', '.ruhui-confirm')
    await until(simulate, join, '安徽省 合肥市 肥西县 三河镇')
    expect(text(join)).toContain('平台已核验实名')
    for (const f of ['name', 'idNumber', 'mobile', 'employmentForm', 'county', 'plate']) expect(join.querySelector(`.ruhui-edit--${f}`), f).toBeTruthy()
    for (const f of ['name', 'idNumber', 'mobile', 'plate']) expect(join.querySelector(`.ruhui-input--${f}`), f).toBeFalsy()
    expect(text(join.querySelector('.ruhui-readonly--idNumber')!)).toMatch(/^3401\*{10}\d{3}[\dX]/)
    driverTap(join, '.ruhui-confirm')

    // 3. The union: what sets each candidate apart, the first recommended and why.
    await onStep('选择工会', '.ruhui-confirm-union')
    const unions = (join.instance.data.view as { unions: Array<{ name: string; kind: string; serves: string; covers: string; recommended: string; selected: boolean }> }).unions
    expect(unions.length).toBeGreaterThan(0)
    for (const u of unions) expect([u.kind, u.serves].every(Boolean), u.name).toBe(true)
    expect(unions[0]!.recommended).not.toBe('')
    expect(text(join)).toContain(unions[0]!.kind)
    const chosen = unions.find((u) => u.selected)!
    driverTap(join, '.ruhui-confirm-union')

    // 4. The provision to the union: its own step, naming the chosen union, the purpose and the retention; the optional ones off.
    await onStep('向工会提供个人信息同意', '.ruhui-share')
    expect(text(join.querySelector('.ruhui-org')!).trim()).toBe(chosen.name)
    const share = text(join.querySelector('.ruhui-share__body')!)
    expect(share).toContain(chosen.name)
    expect(share).toContain('审核')
    expect(share).toContain('30日')
    const consents = (join.instance.data.view as { consents: Record<'partners' | 'platform', { selected: boolean }> }).consents
    for (const sw of ['partners', 'platform'] as const) {
      expect(consents[sw].selected, sw).toBe(false)
      expect(text(join.querySelector(`.ruhui-switch--${sw}`)!), sw).toContain('未同意')
    }
    driverTap(join, '.ruhui-share')

    // 5. The charter declaration, its own step, with the union and its dues in words; its tap submits.
    await onStep('入会声明', '.ruhui-submit')
    const charter = text(join.querySelector('.ruhui-charter__body')!)
    for (const words of ['承认《中国工会章程》', '履行会员义务', '按规定交纳会费', chosen.name]) expect(charter).toContain(words)
    driverTap(join, '.ruhui-submit')

    await until(simulate, join, '申请已提交')
    expect(text(join)).not.toMatch(CODE)
    expect(budget).toEqual({ taps: 6, typed: 0 })
    expect(screens).toEqual(['敏感个人信息处理同意', '填写身份信息', '选择工会', '向工会提供个人信息同意', '入会声明'])
    await until(simulate, page, '已提交入会申请')
    expect(page.instance.log.slice(0, -1)).toEqual(['OPEN', 'CONSENT_GRANTED', 'IDENTITY_VALID', 'CONSENT_GRANTED', 'CHARTER_ACCEPTED', 'SUBMITTED'])
    // The registry holds the application: the session now names it, and the driver's own token reads it back.
    const auth = { headers: { authorization: `Bearer ${page.instance.data.joinToken}` } }
    const session = (await (await fetch(`${registry.baseUrl}/v1/join-sessions/${page.instance.data.sessionId}`, auth)).json()) as { application_id: string }
    expect(session.application_id).toMatch(/^app_/)
    const app = (await (await fetch(`${registry.baseUrl}/v1/applications/${session.application_id}`, auth)).json()) as { status: string; org_name?: string }
    expect(page.instance.log.at(-1)).toBe(`success:${app.status}`)
  })

  it('a driver the platform did not verify joins in at most 10 taps plus typing the name, ID number and mobile, the place picked in words', async () => {
    const { page, join } = open('new-anhui-join')
    const budget = { taps: 0, typed: 0 }
    const driverTap = (node: SimNode, sel: string) => {
      budget.taps++
      tap(node, sel)
    }
    const driverType = (field: string, value: string) => {
      budget.typed += [...value].length
      join.querySelector(`.ruhui-input--${field}`)!.dispatchEvent('input', { detail: { value } })
    }
    // A synthetic driver: the ID number's check digit computed, born in 肥西县 in 1988.
    const body = '34012319880412103'
    const who = { name: '周师傅', idNumber: body + calcIdCardCheckDigit(body), mobile: '13955510203' }
    await toIdentity(simulate, join, driverTap)
    expect(join.querySelector('.ruhui-edit--name')).toBeFalsy()
    driverType('name', who.name)
    driverType('idNumber', who.idNumber)
    driverType('mobile', who.mobile)
    const forms = (join.instance.data.view as { employment: { forms: Array<{ value: string }> } }).employment.forms
    budget.taps++
    join.querySelectorAll('.ruhui-employment')[forms.findIndex((f) => f.value === 'platform_self_employed')]!.dispatchEvent('tap')
    await provincesShown(simulate, join)
    budget.taps++
    tapProvince(join, '安徽省')
    await pickerReady(simulate, join, 1)
    budget.taps++
    tapRow(join, '合肥市')
    await pickerReady(simulate, join, 2)
    budget.taps++
    tapRow(join, '肥西县')
    await pickerClosed(simulate, join)
    expect(text(join.querySelector('.ruhui-region')!)).toContain('安徽省 合肥市 肥西县')
    driverTap(join, '.ruhui-confirm')
    await submitFromUnion(simulate, join, driverTap)
    await until(simulate, join, '申请已提交')
    expect(text(join)).not.toMatch(CODE)
    expect(budget.taps).toBeLessThanOrEqual(10)
    expect(budget).toEqual({ taps: 10, typed: [...who.name].length + 18 + 11 })
    expect(page.instance.log.at(-1)).toMatch(/^success:/)
  })

  it('the provision consent names the union the driver chose; back to another union asks for it again naming that one; declining it ends the flow with nothing sent', async () => {
    const { page, join } = open('anhui-switch')
    await toIdentity(simulate, join)
    await until(simulate, join, '安徽省 合肥市 肥西县 三河镇')
    tap(join, '.ruhui-confirm')
    await until(simulate, join, '选择工会')
    const unions = () => (join.instance.data.view as { unions: Array<{ id: string; name: string; selected: boolean }> }).unions
    expect(unions().length, 'the sample directory offers more than one union in 肥西县').toBeGreaterThan(1)
    const [first, second] = unions()
    tap(join, '.ruhui-confirm-union')
    await until(simulate, join, '向工会提供个人信息同意')
    expect(text(join.querySelector('.ruhui-share__body')!)).toContain(first!.name)
    tap(join, '.ruhui-share')
    await until(simulate, join, '入会声明')
    tap(join, '.ruhui-back')
    await until(simulate, join, '向工会提供个人信息同意')
    tap(join, '.ruhui-back')
    await until(simulate, join, '选择工会')
    join.querySelectorAll('.ruhui-union')[1]!.dispatchEvent('tap')
    await simulate.sleep(10)
    expect(unions().find((u) => u.selected)!.id).toBe(second!.id)
    tap(join, '.ruhui-confirm-union')
    await until(simulate, join, '向工会提供个人信息同意')
    const share = text(join.querySelector('.ruhui-share__body')!)
    expect(share).toContain(second!.name)
    expect(share).not.toContain(first!.name)
    tap(join, '.ruhui-decline')
    await until(simulate, page, '已退出入会')
    expect(page.instance.log.slice(-3)).toEqual(['CONSENT_DENIED', 'EXIT', 'exit:consent_denied'])
    expect(page.instance.log).not.toContain('SUBMITTED')
    const session = (await (await fetch(`${registry.baseUrl}/v1/join-sessions/${page.instance.data.sessionId}`, { headers: { authorization: `Bearer ${page.instance.data.joinToken}` } })).json()) as { application_id: string | null }
    expect(session.application_id).toBeNull()
  })
})
