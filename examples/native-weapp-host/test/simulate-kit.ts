// miniprogram-simulate with WeChat's official template compiler (TOOLCHAIN.md §4), as the driver
// app's weapp test uses it, for native mini-program output: the globals simulate leaves out
// (App, getApp, getCurrentPages, Page as a Component), WeChat's npm lookup for usingComponents
// (miniprogram_npm/<name>, from the page's folder up), and waiting for words to appear.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'

const require = createRequire(import.meta.url)

export type SimNode = {
  dom: HTMLElement
  instance: Record<string, unknown> & { data: Record<string, unknown> }
  dispatchEvent(name: string, options?: { detail?: unknown }): void
  querySelector(sel: string): SimNode | null
  querySelectorAll(sel: string): SimNode[]
}
type Simulate = {
  load(path: string, tagName: string, options: { rootPath: string; compiler: 'official'; usingComponents?: Record<string, string> }): string
  render(id: string, properties?: Record<string, unknown>): SimNode & { attach(parent: HTMLElement): void }
  sleep(ms: number): Promise<void>
}

export function loadSimulate(): Simulate {
  return require('miniprogram-simulate') as Simulate
}

let pageQuery: Record<string, string> = {}
/** The query the next mounted page's onLoad gets. */
export function setPageQuery(query: Record<string, string>) {
  pageQuery = query
}

/** Mini-program globals simulate leaves out: App, getApp, getCurrentPages, and Page as a Component. */
export function installShims() {
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
          this.onLoad?.(pageQuery)
          this.onShow?.()
          this.onReady?.()
        },
      },
    })
  }
  return () => app
}

/** WeChat's rule for `"usingComponents": { "x": "@scope/pkg" }`: miniprogram_npm/@scope/pkg/index, looked up from the page's folder to the root. */
export function npmComponents(pagePath: string, rootPath: string): Record<string, string> {
  const json = JSON.parse(readFileSync(`${pagePath}.json`, 'utf8')) as { usingComponents?: Record<string, string> }
  const out: Record<string, string> = {}
  for (const [tag, value] of Object.entries(json.usingComponents ?? {})) {
    if (value.startsWith('.') || value.startsWith('/') || value.startsWith('plugin://')) continue
    for (let dir = dirname(pagePath); ; dir = dirname(dir)) {
      const candidate = join(dir, 'miniprogram_npm', value)
      const entry = existsSync(`${candidate}.json`) ? candidate : join(candidate, 'index')
      if (existsSync(`${entry}.json`)) {
        out[tag] = relative(dirname(pagePath), entry)
        break
      }
      if (dir === rootPath || dir === dirname(dir)) throw new Error(`${value} is not in any miniprogram_npm above ${pagePath}: run \`npm run build\` (it packs the host's npm components)`)
    }
  }
  return out
}

let mounted = 0
/** Load, render and attach a page or component (official compiler), with npm components resolved as WeChat does. */
export function mount(simulate: Simulate, path: string, rootPath: string, properties?: Record<string, unknown>) {
  const id = simulate.load(path, `sim-${++mounted}`, { rootPath, compiler: 'official', usingComponents: npmComponents(path, rootPath) })
  const comp = simulate.render(id, properties)
  const parent = document.createElement('div')
  document.body.appendChild(parent)
  comp.attach(parent)
  return comp
}

/** Wait until the node's text contains `text`. */
export async function until(simulate: Simulate, node: { dom: HTMLElement }, text: string, ms = 5000) {
  const end = Date.now() + ms
  while (!node.dom.textContent?.includes(text)) {
    if (Date.now() > end) throw new Error(`"${text}" did not appear; it shows: ${node.dom.textContent?.replace(/\s+/g, ' ').slice(0, 400)}`)
    await simulate.sleep(20)
  }
}
