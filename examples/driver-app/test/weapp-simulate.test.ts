// @vitest-environment jsdom
// The built weapp output of the example (dist/weapp, from `npm run build`) loaded in
// miniprogram-simulate with WeChat's official template compiler (TOOLCHAIN.md §4): the
// "加入工会" button is tapped, and the flow page in the subpackage reaches the consent step, its
// choices carrying roles and labels for screen readers, then the identity step, where WeChat's
// phone-number button fills the mobile through the platform's backend.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createRegistrySandbox, testIdentities } from '@ruhui/testing'
import { dist, mount, simulate, until, useWeappApp } from './weapp-harness'
import { wxStandIn } from './wx-stand-in'

const sandbox = createRegistrySandbox({ baseUrl: 'http://127.0.0.1:8787' })
const standIn = wxStandIn(sandbox, 'http://127.0.0.1:8788')
useWeappApp(standIn)

describe('the example driver app, weapp build, in miniprogram-simulate (official compiler)', () => {
  it('"我的" shows the 加入工会 button, and a tap opens the flow page in the join subpackage', async () => {
    const me = mount('pages/me/index')
    await until(me, '加入工会')
    const button = me.querySelector('.ruhui-join-button')
    expect(button).not.toBeNull()
    button!.dispatchEvent('tap')
    await simulate.sleep(50)
    expect(standIn.navigations).toEqual(['/join/pages/flow/index'])
  })

  it('the flow page gets a join session from the platform and a driver goes through every step: consent, identity, the picker, the union, the union’s consent, the charter', async () => {
    const flow = mount('join/pages/flow/index')
    const tap = (sel: string, text?: string) => {
      const node = flow.querySelectorAll(sel).find((n) => text === undefined || n.dom.textContent?.includes(text))
      if (!node) throw new Error(`no ${sel}${text ? ` with ${text}` : ''}; the page shows: ${flow.dom.textContent?.slice(0, 300)}`)
      node.dispatchEvent('tap')
    }
    await until(flow, '开始入会')
    expect(standIn.requests.some((r) => r.startsWith('POST http://127.0.0.1:8788/api/drivers/'))).toBe(true)
    expect(standIn.requests.some((r) => r.startsWith('GET http://127.0.0.1:8787/v1/member-services'))).toBe(true)
    await until(flow, '入会后可以享受') // the catalogue arrived from the registry
    tap('.ruhui-btn--primary')
    // The sensitive-information consent alone, before the ID number.
    await until(flow, '填写身份证件号码之前')
    expect(flow.dom.textContent).toContain('敏感个人信息处理同意')
    expect(flow.dom.textContent).not.toContain('向工会提供个人信息同意')
    // The draft went to the mini-program's storage (private there, so the flow may keep it).
    expect([...standIn.storage.keys()].some((k) => k.startsWith('ruhui.flow.'))).toBe(true)
    tap('.ruhui-btn--primary')

    // Identity: WeChat's getPhoneNumber button hands its code to the host capability; the
    // platform's backend exchanges it and the mobile is filled, marked verified.
    await until(flow, '使用微信绑定的手机号')
    flow.querySelector('.ruhui-btn--small')!.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code: 'wx-phone-code-1' } })
    await until(flow, '手机号已验证')
    expect(standIn.phoneCodes).toEqual(['wx-phone-code-1'])
    const inputs = flow.querySelectorAll('.ruhui-input')
    inputs[0]!.dispatchEvent('input', { detail: { value: testIdentities.standard.name } })
    inputs[1]!.dispatchEvent('input', { detail: { value: testIdentities.standard.id_number } })
    tap('.ruhui-choice', '个体司机（平台接单）')
    // The home place: the province's button opens the full-screen list, with the count; the county closes it.
    await until(flow, '江苏省 ›')
    tap('.ruhui-province', '江苏省')
    await until(flow, '共 13 个')
    tap('.ruhui-picker__item', '南京市')
    await until(flow, '江宁区')
    tap('.ruhui-picker__item', '江宁区')
    await until(flow, '江苏省 南京市 江宁区')
    expect(flow.querySelectorAll('.ruhui-picker')).toHaveLength(0)
    tap('.ruhui-btn--primary', '下一步')

    // The union, then its consent naming it — with the optional consents as labelled switches, off —
    // then the charter, whose button submits.
    await until(flow, '选择工会')
    expect(flow.dom.textContent).toContain('推荐：')
    tap('.ruhui-btn--primary', '确认')
    await until(flow, '向工会提供个人信息同意')
    // Screen readers: Taro sends the node's props under short aliases; the node's template (official
    // wcc) binds them to aria-role and aria-label — the host's Taro plugin, @ruhui/taro/taro-plugin,
    // adds both to the templates and the runtime.
    type Node = { nn: string; cl?: string; cn?: Node[] } & Record<string, unknown>
    const find = (n: Node): Node | undefined => (n.cl?.includes('ruhui-switch') ? n : n.cn?.map(find).find(Boolean))
    const root = (flow as unknown as { instance: { data: { root: Node } } }).instance.data.root
    const optional = find(root) as Node
    const template = new RegExp(`<template name="tmpl_0_${optional.nn}">\\s*<[a-z-]+ ([^>]*)>`).exec(readFileSync(join(dist, 'base.wxml'), 'utf8'))?.[1] ?? ''
    const bound = (attr: string) => optional[new RegExp(`${attr}="\\{\\{i\\.(p\\d+)\\}\\}"`).exec(template)?.[1] ?? 'missing']
    expect(bound('aria-role')).toBe('switch')
    expect(bound('aria-label')).toBe('允许平台知道我已入会（可选）：未同意')
    tap('.ruhui-btn--primary', '同意')
    await until(flow, '承认《中国工会章程》')
    tap('.ruhui-btn--primary', '同意并提交')
    await until(flow, '申请已提交')
    expect(sandbox.state.applications.size).toBe(1)
  })

  it('the main package stays far under 2 MB, and the flow is only in the subpackage', () => {
    const size = (dir: string): number => readdirSync(dir).reduce((n, f) => n + (statSync(join(dir, f)).isDirectory() ? size(join(dir, f)) : statSync(join(dir, f)).size), 0)
    const total = size(dist)
    const sub = size(join(dist, 'join'))
    expect(total - sub).toBeLessThan(1024 * 1024)
    const mainJs = ['app.js', 'common.js', 'vendors.js', 'taro.js'].filter((f) => existsSync(join(dist, f))).map((f) => readFileSync(join(dist, f), 'utf8'))
    expect(mainJs.some((s) => s.includes('ruhui-join-button'))).toBe(true)
    expect(mainJs.some((s) => s.includes('ruhui-step--consent'))).toBe(false)
    expect(readFileSync(join(dist, 'join/pages/flow/index.js'), 'utf8')).toContain('ruhui-step--consent')
  })
})
