// The example's built weapp output (dist/weapp) in miniprogram-simulate with WeChat's official template
// compiler (TOOLCHAIN.md §4): the globals it leaves out, mounting a page, waiting for words. Shared by the
// weapp tests; each test file loads the app once (a page's script registers once per module cache).
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { beforeAll } from 'vitest'
import type { wxStandIn } from './wx-stand-in'

const require = createRequire(import.meta.url)
export const dist = join(import.meta.dirname, '../dist/weapp')

type Simulate = {
  load(path: string, tagName: string, options: { rootPath: string; compiler: 'official' }): string
  render(id: string): { dom: HTMLElement; attach(parent: HTMLElement): void; querySelector(sel: string): { dispatchEvent(name: string, options?: { detail?: unknown }): void } | null; querySelectorAll(sel: string): Array<{ dom: HTMLElement; dispatchEvent(name: string, options?: { detail?: unknown }): void }> }
  sleep(ms: number): Promise<void>
}
export let simulate: Simulate

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

export async function until(comp: { dom: HTMLElement }, text: string, ms = 5000) {
  const end = Date.now() + ms
  while (!comp.dom.textContent?.includes(text)) {
    if (Date.now() > end) throw new Error(`"${text}" did not appear; the page shows: ${comp.dom.textContent?.slice(0, 300)}`)
    await simulate.sleep(25)
  }
}

export function mount(page: string) {
  const id = simulate.load(join(dist, page), `page-${page.replace(/\W/g, '-')}`, { rootPath: dist, compiler: 'official' })
  const comp = simulate.render(id)
  const parent = document.createElement('div')
  document.body.appendChild(parent)
  comp.attach(parent)
  return comp
}

/** Load the built app with WeChat's stand-in, once per test file. */
export function useWeappApp(standIn: ReturnType<typeof wxStandIn>) {
  beforeAll(() => {
    if (!existsSync(join(dist, 'app.js'))) throw new Error(`${dist}/app.js is missing: run \`npm run build\` (it builds the example's weapp output) first`)
    ;(globalThis as Record<string, unknown>).wx = standIn.wx
    simulate = require('miniprogram-simulate') as Simulate
    const app = installShims()
    require(join(dist, 'app.js'))
    ;(app().onLaunch as ((o: unknown) => void) | undefined)?.({ path: 'pages/me/index', query: {} })
  })
}
