// @vitest-environment jsdom
// The native host example (plain WXML/JS) with @ruhui/weapp packed into miniprogram_npm as
// WeChat's "构建 npm" does (`npm run build`), in miniprogram-simulate with WeChat's official
// template compiler. The page's wx.request is answered by the registry sandbox and a stand-in
// of the platform's backend (test/host-stand-in.ts).
import { existsSync, readFileSync } from 'node:fs'
import { join, join as join_ } from 'node:path'
import { createRequire } from 'node:module'
import { beforeAll, describe, expect, it } from 'vitest'
import { createRegistrySandbox, testIdentities } from '@ruhui/testing'
import { installShims, loadSimulate, mount, setPageQuery, type SimNode, until } from './simulate-kit'
import { hostStandIn } from './host-stand-in'
import { submitFromUnion, toIdentity } from './join-steps'
import { pickPlace } from './region-kit'

const require = createRequire(import.meta.url)
const root = join(import.meta.dirname, '../miniprogram')
const page = join(root, 'pages/join/index')
const sandbox = createRegistrySandbox({ baseUrl: 'http://127.0.0.1:8787' })
const standIn = hostStandIn(sandbox, 'http://127.0.0.1:8788')
const simulate = loadSimulate()

type Page = SimNode & { instance: { data: Record<string, string>; log: string[] } & Record<string, unknown> }
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
/** Tap the employment choice for `form` (its place in the list is core's EMPLOYMENT_FORMS order). */
const pickEmployment = (node: SimNode, form: string) => {
  const forms = (node.instance.data.view as { employment: { forms: Array<{ value: string }> } }).employment.forms
  node.querySelectorAll('.ruhui-employment')[forms.findIndex((f) => f.value === form)]!.dispatchEvent('tap')
}
const type = (node: SimNode, field: string, value: string) => node.querySelector(`.ruhui-input--${field}`)!.dispatchEvent('input', { detail: { value } })

/** From the intro to the identity step, filled in (mobile left to the phone button when `phone` is true). */
async function fillIdentity(join: SimNode, who: { name: string; id_number: string; mobile: string }, phone: boolean) {
  await toIdentity(simulate, join)
  type(join, 'name', who.name)
  type(join, 'idNumber', who.id_number)
  if (!phone) type(join, 'mobile', who.mobile)
  pickEmployment(join, 'platform_self_employed')
  await pickPlace(simulate, join, ['江苏省', '南京市', '江宁区'])
}

beforeAll(() => {
  if (!existsSync(join(root, 'miniprogram_npm/@ruhui/weapp/index.js'))) throw new Error('miniprogram_npm/@ruhui/weapp is missing: run `npm run build` (it builds @ruhui/weapp and packs it into the native host)')
  ;(globalThis as Record<string, unknown>).wx = standIn.wx
  installShims()
  require(join(root, 'app.js'))
})

describe('a plain WXML mini-program with @ruhui/weapp from npm, in miniprogram-simulate (official compiler)', { timeout: 20_000 }, () => {
  it('renders the component and a whole join against the sandbox ends in success, the events in order; phonecode → providePhone fills the verified mobile', async () => {
    const { page, join } = open('native-1')
    await until(simulate, join, '加入工会，有组织有依靠')
    expect(standIn.requests[0]).toBe('POST http://127.0.0.1:8788/api/drivers/native-1/join-session')
    expect(page.instance.data.sessionId).toMatch(/^jsess_/)
    await fillIdentity(join, testIdentities.approved, true)

    // WeChat's phone button gives a code; the page's backend exchanges it and calls providePhone.
    const button = join.querySelector('.ruhui-phone')!
    expect(readFileSync(join_(root, 'miniprogram_npm/@ruhui/weapp/phone.wxml'), 'utf8')).toMatch(/open-type="getPhoneNumber" bindgetphonenumber="onPhoneNumber"/)
    button.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code: 'wx-phone-code-native' } })
    await until(simulate, join, '手机号已验证')
    expect(standIn.phoneCodes).toEqual(['wx-phone-code-native'])
    expect(join.querySelector('.ruhui-phone')).toBeFalsy()
    // The field now holds the number the platform's backend vouched for.
    const fields = (join.instance.data.view as { topFields: Array<{ name: string; value: string }> }).topFields
    expect(fields.find((f) => f.name === 'mobile')?.value).toBe('13912345678')

    tap(join, '.ruhui-confirm')
    await until(simulate, join, '选择工会')
    expect(join.dom.textContent).toContain('（沙箱）')
    await submitFromUnion(simulate, join)
    await until(simulate, join, '入会成功')
    expect(join.querySelector('.ruhui-card__number')?.dom.textContent).toMatch(/\S/)
    await until(simulate, page, '已提交入会申请（approved）')
    expect(page.instance.log).toEqual(['OPEN', 'CONSENT_GRANTED', 'PHONE_VERIFIED', 'IDENTITY_VALID', 'CONSENT_GRANTED', 'CHARTER_ACCEPTED', 'SUBMITTED', 'success:approved'])
  })

  it('needface → provideFace; needtoken → provideToken: an expired token mid-flow is refreshed through the host and the same step carries on', async () => {
    const { page, join } = open('native-2')
    await fillIdentity(join, testIdentities.standard, false)
    // needface → provideFace: the platform's face check, through the page.
    tap(join, '.ruhui-face')
    await until(simulate, join, '人脸核验已通过')
    expect(standIn.requests).toContain('POST http://127.0.0.1:8788/api/drivers/native-2/face-check')
    const first = page.instance.data.joinToken!
    sandbox.expireToken(first)
    tap(join, '.ruhui-confirm')
    await until(simulate, join, '选择工会')
    expect(standIn.requests).toContain(`POST http://127.0.0.1:8788/api/join-sessions/${page.instance.data.sessionId}/refresh`)
    expect(page.instance.log).toEqual(['OPEN', 'CONSENT_GRANTED', 'FACE_VERIFIED', 'IDENTITY_VALID', 'TOKEN_REFRESHED'])
    await submitFromUnion(simulate, join)
    await until(simulate, join, '申请已提交')
    expect(page.instance.log.at(-1)).toBe('success:under_review')
  })

  it('a host that cannot refresh (provideToken(null)) leaves the driver with a clear message, not a hang', async () => {
    const { page, join } = open('native-3')
    await fillIdentity(join, testIdentities.standard, false)
    sandbox.expireToken(page.instance.data.joinToken!)
    // The session is over on the platform's side: its refresh is refused, and the page answers null.
    sandbox.state.sessions.get(page.instance.data.sessionId!)!.session.status = 'completed'
    tap(join, '.ruhui-confirm')
    await until(simulate, join, '入会链接已过期，请重新进入') // the registry's words for the expired token, as core passes them on
    expect(standIn.requests.at(-1)).toBe(`POST http://127.0.0.1:8788/api/join-sessions/${page.instance.data.sessionId}/refresh`)
    expect(page.instance.log.slice(-2)).toEqual(['IDENTITY_VALID', 'ERROR'])
    expect(join.dom.textContent).toContain('填写身份信息') // still on the step, the driver's input kept
  })
})
