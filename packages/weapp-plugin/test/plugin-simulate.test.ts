// @vitest-environment jsdom
// The plugin build (dist/plugin, from `npm run build`) in miniprogram-simulate with WeChat's
// official template compiler: the public component and the plugin page render and run a join
// against the sandbox, host capabilities come through requirePlugin('ruhui').configure(), and
// the phone-number button (forbidden in plugins) is nowhere in the plugin.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createRegistryClient } from '@ruhui/core/client'
import { createRegistrySandbox, createSandboxTransport, TEST_SECRET_KEY, testIdentities } from '@ruhui/testing'
import { installShims, loadSimulate, mount, setPageQuery, type SimNode, until } from '../../../examples/native-weapp-host/test/simulate-kit'
import { submitFromUnion, toIdentity } from '../../../examples/native-weapp-host/test/join-steps'
import { pickPlace } from '../../../examples/native-weapp-host/test/region-kit'
import { wxStandIn } from '../../../examples/driver-app/test/wx-stand-in'

const require = createRequire(import.meta.url)
const plugin = join(import.meta.dirname, '../dist/plugin')
const registryUrl = 'http://127.0.0.1:8787'
const sandbox = createRegistrySandbox({ baseUrl: registryUrl })
const standIn = wxStandIn(sandbox, 'http://127.0.0.1:8788')
const backend = createRegistryClient({ baseUrl: registryUrl, secretKey: TEST_SECRET_KEY, transport: createSandboxTransport(sandbox), maxRetries: 0 })
const simulate = loadSimulate()
const heard: string[] = []
/** What the host's configure({ prefill }) answers, per session (as its backend sent it with the session). */
const prefills = new Map<string, unknown>()
const phoneAsked: number[] = []

const tap = (node: SimNode, sel: string) => {
  const target = node.querySelector(sel)
  if (!target) throw new Error(`${sel} is not shown; it shows: ${node.dom.textContent?.replace(/\s+/g, ' ').slice(0, 300)}`)
  target.dispatchEvent('tap')
}
/** Tap the employment choice for `form` (its place in the list is core's EMPLOYMENT_FORMS order). */
const pickEmployment = (node: SimNode, form: string) => {
  const forms = (node.instance.data.view as { employment: { forms: Array<{ value: string }> } }).employment.forms
  node.querySelectorAll('.ruhui-employment')[forms.findIndex((f) => f.value === form)]!.dispatchEvent('tap')
}
const type = (node: SimNode, field: string, value: string) => node.querySelector(`.ruhui-input--${field}`)!.dispatchEvent('input', { detail: { value } })
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]))

beforeAll(() => {
  if (!existsSync(join(plugin, 'plugin.json'))) throw new Error(`${plugin} is missing: run \`npm run build\` (it builds the WeChat plugin)`)
  ;(globalThis as Record<string, unknown>).wx = standIn.wx
  installShims()
  // What the host mini-program does with requirePlugin('ruhui').
  const main = require(join(plugin, 'index.js')) as { configure(o: Record<string, unknown>): void }
  expect(() => main.configure({ getPhone: 'not a function' })).toThrow(/getPhone must be a function/)
  main.configure({
    getPhone: async () => {
      phoneAsked.push(Date.now())
      return { mobile: '13912345678', verifiedAt: '2026-11-28T10:00:00.000Z' }
    },
    prefill: (sessionId: string) => prefills.get(sessionId) ?? null,
    onEvent: (e: { name: string }) => heard.push(e.name),
    onSuccess: (r: { status: string }) => heard.push(`success:${r.status}`),
  })
})

describe('the WeChat plugin build, in miniprogram-simulate (official compiler)', { timeout: 20_000 }, () => {
  it('has no phone-number button anywhere (WeChat forbids it in plugins), and plugin.json names the component, the page and the main file', () => {
    const wxml = files(plugin).filter((f) => f.endsWith('.wxml'))
    expect(wxml.length).toBeGreaterThan(2)
    for (const f of wxml) expect(readFileSync(f, 'utf8')).not.toMatch(/getPhoneNumber|getphonenumber/)
    expect(JSON.parse(readFileSync(join(plugin, 'plugin.json'), 'utf8'))).toEqual({ publicComponents: { join: 'components/join/index' }, pages: { join: 'pages/join/index' }, main: 'index.js' })
  })

  it('the plugin page plugin://ruhui/join?… runs a whole join; the phone comes from configure({ getPhone }) and the result reaches onSuccess', async () => {
    const s = await backend.joinSessions.create({ platform_user_id: 'driver_plugin_1' })
    setPageQuery({ registryUrl: encodeURIComponent(registryUrl), sessionId: s.id, joinToken: s.join_token! })
    const page = mount(simulate, join(plugin, 'pages/join/index'), plugin)
    const flow = page.querySelector('#ruhui')!
    await until(simulate, flow, '开始入会')
    tap(flow, '.ruhui-start')
    await until(simulate, flow, '敏感个人信息处理同意')
    tap(flow, '.ruhui-accept')
    await until(simulate, flow, '填写身份信息')
    type(flow, 'name', testIdentities.approved.name)
    type(flow, 'idNumber', testIdentities.approved.id_number)
    // In the plugin the button only asks the host (no open-type): the host ran WeChat's button itself.
    const phone = flow.querySelector('.ruhui-phone')!
    expect(phone.dom.textContent).toBe('使用平台已验证的手机号')
    phone.dispatchEvent('tap')
    await until(simulate, flow, '手机号已验证')
    expect(phoneAsked).toHaveLength(1)
    pickEmployment(flow, 'platform_self_employed')
    await pickPlace(simulate, flow, ['江苏省', '南京市', '江宁区'])
    tap(flow, '.ruhui-confirm')
    await submitFromUnion(simulate, flow)
    await until(simulate, flow, '入会成功')
    expect(heard).toEqual(['OPEN', 'CONSENT_GRANTED', 'PHONE_VERIFIED', 'IDENTITY_VALID', 'CONSENT_GRANTED', 'CHARTER_ACCEPTED', 'SUBMITTED', 'success:approved'])
  })

  it("the plugin page shows what the host's configure({ prefill }) gives for its session read-only, with 修改; the driver types nothing", async () => {
    const who = testIdentities.standard
    const prefill = { name: who.name, id_number: who.id_number, mobile: who.mobile, employment_form: 'platform_self_employed', base_region: { county: '320115' }, verified: { method: 'platform_realname', verified_at: '2026-11-28T10:00:00.000+08:00' } }
    const s = await backend.joinSessions.create({ platform_user_id: 'driver_plugin_prefilled' })
    prefills.set(s.id, prefill)
    heard.length = 0
    setPageQuery({ registryUrl: encodeURIComponent(registryUrl), sessionId: s.id, joinToken: s.join_token! })
    const flow = mount(simulate, join(plugin, 'pages/join/index'), plugin).querySelector('#ruhui')!
    await toIdentity(simulate, flow)
    await until(simulate, flow, '江苏省 南京市 江宁区')
    for (const f of ['name', 'idNumber', 'mobile', 'employmentForm', 'county']) expect(flow.querySelector(`.ruhui-edit--${f}`), f).toBeTruthy()
    for (const f of ['name', 'idNumber', 'mobile']) expect(flow.querySelector(`.ruhui-input--${f}`), f).toBeFalsy()
    expect(flow.dom.textContent).not.toContain(who.id_number) // masked
    // 修改 opens the field for typing, with the platform's value in it.
    tap(flow, '.ruhui-edit--name')
    await until(simulate, flow, '平台已核验实名')
    const name = flow.querySelector('.ruhui-input--name')
    expect(name).toBeTruthy()
    expect((flow.instance.data.view as { topFields: Array<{ name: string; value: string }> }).topFields[0]!.value).toBe(who.name)
    tap(flow, '.ruhui-confirm')
    await submitFromUnion(simulate, flow)
    await until(simulate, flow, '申请已提交')
    expect(heard).toEqual(['OPEN', 'CONSENT_GRANTED', 'IDENTITY_VALID', 'CONSENT_GRANTED', 'CHARTER_ACCEPTED', 'SUBMITTED', 'success:under_review'])
  })

  it('the public component renders on its own with the properties a host page binds', async () => {
    const s = await backend.joinSessions.create({ platform_user_id: 'driver_plugin_2' })
    const comp = mount(simulate, join(plugin, 'components/join/index'), plugin, { registryUrl, sessionId: s.id, joinToken: s.join_token, locale: 'en', theme: 'plain' })
    await until(simulate, comp, 'Join the trade union')
    expect(comp.querySelector('.ruhui-join--plain')).toBeTruthy()
    expect(comp.querySelector('.ruhui-start')?.dom.textContent).toBe('Start')
    // The steps speak English too: the sensitive-information consent, its text in English.
    tap(comp, '.ruhui-start')
    await until(simulate, comp, 'Before you type your ID number')
    expect(comp.dom.textContent).toContain('sensitive personal information')
    expect(comp.querySelector('.ruhui-accept')?.dom.textContent).toBe('Agree')
  })
})
