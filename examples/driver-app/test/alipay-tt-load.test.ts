// The alipay and tt (Douyin) builds of the example (dist/alipay, dist/tt, from `npm run build`)
// loaded in Node with their platform's global (my / tt) stood in: the Taro runtime of the 4.2.0
// platform plugins starts on the 4.2.1 runtime the app shares (root overrides), the flow page in
// the join subpackage gets a join session from the platform, and its first render says 开始入会.
// There is no simulator of these platforms' templates here: this checks the scripts, not the AXML/TTML.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createRegistrySandbox } from '@ruhui/testing'
import { wxStandIn } from './wx-stand-in'

const require = createRequire(import.meta.url)
type Options = Record<string, unknown> & { data?: Record<string, unknown> }
type Fn = (...a: unknown[]) => unknown

/** Alipay's my.* where it differs from wx.*: request takes `headers` and answers `status`/`headers`; storage takes objects. */
function alipayApi(wx: ReturnType<typeof wxStandIn>['wx']) {
  return {
    ...wx,
    canIUse: () => true,
    request(o: Record<string, Fn | unknown> & { headers?: Record<string, string> }) {
      return wx.request({ ...(o as object), url: o.url as string, header: o.headers ?? {}, success: (r: { statusCode: number; header: Record<string, string>; data: unknown }) => (o.success as Fn)?.({ status: r.statusCode, headers: r.header, data: r.data }) } as never)
    },
    getStorageSync: ({ key }: { key: string }) => ({ data: wx.getStorageSync(key) || null }),
    setStorageSync: ({ key, data }: { key: string; data: unknown }) => wx.setStorageSync(key, data),
    removeStorageSync: ({ key }: { key: string }) => wx.removeStorageSync(key),
  }
}

async function load(platform: 'alipay' | 'tt') {
  const dist = join(import.meta.dirname, `../dist/${platform}`)
  if (!existsSync(join(dist, 'app.js'))) throw new Error(`${dist}/app.js is missing: run \`npm run build\` (it builds the example for ${platform})`)
  const sandbox = createRegistrySandbox({ baseUrl: 'http://127.0.0.1:8787' })
  const standIn = wxStandIn(sandbox, 'http://127.0.0.1:8788')
  const g = globalThis as Record<string, unknown>
  const apps: Options[] = []
  const pages: Options[] = []
  const live: unknown[] = []
  // Alipay's engine has a navigator (Taro's alipay runtime redefines its userAgent); Node 20 has none.
  if (platform === 'alipay' && !('navigator' in g)) Object.defineProperty(g, 'navigator', { value: { swuserAgent: 'AlipayClient' }, configurable: true, writable: true })
  g[platform === 'alipay' ? 'my' : 'tt'] = platform === 'alipay' ? alipayApi(standIn.wx) : { ...standIn.wx, canIUse: () => true }
  Object.assign(g, { App: (o: Options) => apps.push(o), Page: (o: Options) => pages.push(o), Component: (o: Options) => pages.push(o), getApp: () => apps[0], getCurrentPages: () => live })
  require(join(dist, 'app.js'))
  ;(apps[0]?.onLaunch as Fn | undefined)?.({ path: 'pages/me/index', query: {} })
  require(join(dist, 'join/pages/flow/index.js'))
  const options = pages.at(-1) as Options
  const rendered: string[] = []
  const page = Object.assign(Object.create(options), { data: { ...(options.data ?? {}) }, route: 'join/pages/flow/index', __route__: 'join/pages/flow/index', setData(d: unknown, cb?: () => void) { rendered.push(JSON.stringify(d)); cb?.() } })
  live.push(page)
  ;(options.onLoad as Fn).call(page, {})
  ;(options.onShow as Fn | undefined)?.call(page)
  ;(options.onReady as Fn | undefined)?.call(page)
  return { standIn, rendered }
}

async function until(check: () => boolean, what: string, ms = 5000) {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`${what} did not happen`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe.each(['alipay', 'tt'] as const)('the example driver app, %s build', (platform) => {
  it('starts, and the flow page in the join subpackage gets a session and renders the intro', async () => {
    const { standIn, rendered } = await load(platform)
    await until(() => rendered.some((d) => d.includes('开始入会')), 'the intro (开始入会)')
    expect(standIn.requests.some((r) => r.startsWith('POST http://127.0.0.1:8788/api/drivers/'))).toBe(true)
  })
})
