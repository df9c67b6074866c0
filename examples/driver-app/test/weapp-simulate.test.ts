// @vitest-environment jsdom
// The built weapp output of the example (dist/weapp, from `npm run build`) loaded in
// miniprogram-simulate with WeChat's official template compiler (TOOLCHAIN.md §4): the
// "加入工会" button is tapped, and the flow page in the subpackage reaches the consent step, its
// choices carrying roles and labels for screen readers, then the identity step, where WeChat's
// phone-number button fills the mobile through the platform's backend.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createRegistrySandbox } from '@ruhui/testing'
import { wxStandIn } from './wx-stand-in'

const require = createRequire(import.meta.url)
const dist = join(import.meta.dirname, '../dist/weapp')
const sandbox = createRegistrySandbox({ baseUrl: 'http://127.0.0.1:8787' })
const standIn = wxStandIn(sandbox, 'http://127.0.0.1:8788')

type Simulate = {
  load(path: string, tagName: string, options: { rootPath: string; compiler: 'official' }): string
  render(id: string): { dom: HTMLElement; attach(parent: HTMLElement): void; querySelector(sel: string): { dispatchEvent(name: string, options?: { detail?: unknown }): void } | null; querySelectorAll(sel: string): Array<{ dom: HTMLElement; dispatchEvent(name: string, options?: { detail?: unknown }): void }> }
  sleep(ms: number): Promise<void>
}
let simulate: Simulate

/** Mini-program globals simulate leaves out: App, getApp, getCurrentPages, and Page as a Component. */
function installShims() {
  const g = globalThis as Record<string, unknown>
  let app: Record<string, unknown> = {}
  const pages: unknown[] = []
  g.App = (options: Record<string, unknown>) => void (app = options)
  g.getApp = () => app
  g.getCurrentPages = () => pages
  g.Page = (options: Record<string, unknown>) => {
    const methods = Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v === 'function'))
    ;(g.Component as (o: unknown) => void)({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, (...a: unknown[]) => void>) {
          pages.push(this)
          this.onLoad?.({})
          this.onShow?.()
          this.onReady?.()
        },
      },
    })
  }
  return () => app
}

async function until(comp: { dom: HTMLElement }, text: string, ms = 5000) {
  const end = Date.now() + ms
  while (!comp.dom.textContent?.includes(text)) {
    if (Date.now() > end) throw new Error(`"${text}" did not appear; the page shows: ${comp.dom.textContent?.slice(0, 300)}`)
    await simulate.sleep(25)
  }
}

function mount(page: string) {
  const id = simulate.load(join(dist, page), `page-${page.replace(/\W/g, '-')}`, { rootPath: dist, compiler: 'official' })
  const comp = simulate.render(id)
  const parent = document.createElement('div')
  document.body.appendChild(parent)
  comp.attach(parent)
  return comp
}

beforeAll(() => {
  if (!existsSync(join(dist, 'app.js'))) throw new Error(`${dist}/app.js is missing: run \`npm run build\` (it builds the example's weapp output) first`)
  ;(globalThis as Record<string, unknown>).wx = standIn.wx
  simulate = require('miniprogram-simulate') as Simulate
  const app = installShims()
  require(join(dist, 'app.js'))
  ;(app().onLaunch as ((o: unknown) => void) | undefined)?.({ path: 'pages/me/index', query: {} })
})

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

  it('the flow page gets a join session from the platform, shows the intro, and a tap reaches consent with 同意并继续', async () => {
    const flow = mount('join/pages/flow/index')
    await until(flow, '开始入会')
    expect(standIn.requests.some((r) => r.startsWith('POST http://127.0.0.1:8788/api/drivers/'))).toBe(true)
    expect(standIn.requests.some((r) => r.startsWith('GET http://127.0.0.1:8787/v1/member-services'))).toBe(true)
    await until(flow, '入会后可以享受') // the catalogue arrived from the registry
    flow.querySelector('.ruhui-btn--primary')!.dispatchEvent('tap')
    await until(flow, '同意并继续')
    expect(flow.dom.textContent).toContain('敏感个人信息处理同意')
    // Screen readers: the optional consent is a labelled checkbox. Taro sends the node's props under
    // short aliases; the node's template (official wcc) binds them to aria-role and aria-label —
    // the host's Taro plugin, @ruhui/taro/taro-plugin, adds both to the templates and the runtime.
    type Node = { nn: string; cl?: string; cn?: Node[] } & Record<string, unknown>
    const find = (n: Node): Node | undefined => (n.cl?.includes('ruhui-consent--optional') ? n : n.cn?.map(find).find(Boolean))
    const root = (flow as unknown as { instance: { data: { root: Node } } }).instance.data.root
    const optional = find(root) as Node
    const template = new RegExp(`<template name="tmpl_0_${optional.nn}">\\s*<[a-z-]+ ([^>]*)>`).exec(readFileSync(join(dist, 'base.wxml'), 'utf8'))?.[1] ?? ''
    const bound = (attr: string) => optional[new RegExp(`${attr}="\\{\\{i\\.(p\\d+)\\}\\}"`).exec(template)?.[1] ?? 'missing']
    expect(bound('aria-role')).toBe('checkbox')
    expect(bound('aria-label')).toBe('与交通运输部门、行业协会共享（可选）')
    // The draft went to the mini-program's storage (private there, so the flow may keep it).
    expect([...standIn.storage.keys()].some((k) => k.startsWith('ruhui.flow.'))).toBe(true)

    // Identity: WeChat's getPhoneNumber button hands its code to the host capability; the
    // platform's backend exchanges it and the mobile is filled, marked verified.
    flow.querySelector('.ruhui-btn--primary')!.dispatchEvent('tap')
    await until(flow, '使用微信绑定的手机号')
    flow.querySelector('.ruhui-btn--small')!.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code: 'wx-phone-code-1' } })
    await until(flow, '手机号已验证')
    expect(standIn.phoneCodes).toEqual(['wx-phone-code-1'])
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
