// Sizes of what ships to drivers and to union staff, read from the builds `npm run build` made:
// the weapp main package (limit 2 MB) and the join subpackage, the other mini-program targets
// (alipay, tt, the native @ruhui/weapp component, the WeChat plugin), the h5 build, the console.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { goal } from './harness.mjs'

const root = new URL('..', import.meta.url).pathname
const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]))
const sum = (list) => list.reduce((n, f) => n + statSync(f).size, 0)
const gz = (list) => list.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0)
const kb = (b) => `${(b / 1024).toFixed(1)} KB`

export function benchAppSizes() {
  console.log('\n== What ships: builds of the example driver app and the console ==')
  const weapp = join(root, 'examples/driver-app/dist/weapp')
  if (!existsSync(weapp)) return console.log('  (not built: run npm run build)')
  const all = files(weapp)
  const sub = all.filter((f) => f.startsWith(join(weapp, 'join') + '/'))
  const main = all.filter((f) => !sub.includes(f))
  const mainBytes = sum(main)
  console.log(`  weapp main package: ${kb(mainBytes)} (${main.length} files; ${((mainBytes / (2 * 1024 * 1024)) * 100).toFixed(1)}% of the 2 MB limit)`)
  console.log(`  weapp join subpackage (the flow): ${kb(sum(sub))} (${sub.length} files)`)
  goal('weapp main package far under the 2 MB limit (< 25 %)', mainBytes < 0.25 * 2 * 1024 * 1024, kb(mainBytes))
  benchMiniProgramTargets(mainBytes, sum(sub))
  const h5 = files(join(root, 'examples/driver-app/dist/h5')).filter((f) => /\.(js|css|html)$/.test(f))
  console.log(`  h5 build: ${kb(sum(h5))} raw, ${kb(gz(h5))} gzip (${h5.length} files)`)
  benchHostedPage()
  const consoleDir = join(root, 'packages/registry/dist/console')
  if (existsSync(consoleDir)) {
    const c = files(consoleDir)
    // What the sign-in page loads: index.html and the scripts and preloads it names; the other
    // pages and ECharts come on first use.
    const html = readFileSync(join(consoleDir, 'index.html'), 'utf8')
    const first = [join(consoleDir, 'index.html'), ...[...html.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+)"/g)].map((m) => join(consoleDir, m[1]))]
    console.log(`  review console: first load ${kb(sum(first))} raw, ${kb(gz(first))} gzip; all pages with ECharts ${kb(sum(c))} raw, ${kb(gz(c))} gzip (React, antd, ECharts)`)
  }
}

/** Every mini-program target side by side, each as a ratio of the Taro weapp build's figures. */
function benchMiniProgramTargets(weappMain, weappSub) {
  const row = (label, dir, ref, refLabel) => {
    if (!existsSync(dir)) return console.log(`  ${label}: (not built: run npm run build)`)
    const list = files(dir)
    const js = list.filter((f) => f.endsWith('.js'))
    const bytes = sum(list)
    console.log(`  ${label}: ${kb(bytes)} (${list.length} files; JS ${kb(sum(js))} raw, ${kb(gz(js))} gzip) — ${(bytes / ref).toFixed(2)}× ${refLabel}`)
    return bytes
  }
  const split = (label, dir) => {
    if (!existsSync(dir)) return console.log(`  ${label}: (not built: run npm run build)`)
    const all = files(dir)
    const sub = all.filter((f) => f.startsWith(join(dir, 'join') + '/'))
    const mainBytes = sum(all) - sum(sub)
    console.log(`  ${label}: main package ${kb(mainBytes)} (${(mainBytes / weappMain).toFixed(2)}× weapp), join subpackage ${kb(sum(sub))} (${(sum(sub) / weappSub).toFixed(2)}× weapp)`)
  }
  split('alipay (Taro 4, plugin-platform-alipay 4.2.0)', join(root, 'examples/driver-app/dist/alipay'))
  split('tt / Douyin (Taro 4, plugin-platform-tt 4.2.0)', join(root, 'examples/driver-app/dist/tt'))
  const native = row('@ruhui/weapp folder (native component, miniprogram_dist)', join(root, 'packages/weapp/miniprogram_dist'), weappSub, 'the weapp join subpackage')
  row('@ruhui/weapp-plugin (dist/plugin)', join(root, 'packages/weapp-plugin/dist/plugin'), weappSub, 'the weapp join subpackage')
  if (native) goal('@ruhui/weapp folder smaller than the Taro join subpackage', native < weappSub, `${kb(native)} vs ${kb(weappSub)}`)
}

/**
 * The registry's hosted join page (/join, packages/hosted-join): what a WebView loads before the
 * driver sees the flow — index.html and every script and stylesheet of the build (the one page is
 * shown at once, so its chunk counts too). Budget (set after measuring ~159 KB, with a little headroom): 170 KB gzip, about 4 s at a weak 3G's 40 KB/s;
 * the driver app's whole h5 build is 195 KB.
 */
const HOSTED_BUDGET = 170 * 1024
function benchHostedPage() {
  const dir = join(root, 'packages/hosted-join/dist')
  if (!existsSync(join(dir, 'index.html'))) return console.log('  hosted join page: (not built: run npm run build)')
  // 我的会籍 is a chunk of its own (webpackChunkName "member-centre"), loaded only when the session opens it.
  const all = files(dir).filter((f) => /\.(js|css|html)$/.test(f))
  const memberOnly = all.filter((f) => /[\\/]member-centre\.[0-9a-f]+\.(js|css)$/.test(f))
  const first = all.filter((f) => !memberOnly.includes(f))
  const zipped = gz(first)
  console.log(`  hosted join page /join: first load ${kb(sum(first))} raw, ${kb(zipped)} gzip (${first.length} files; at 40 KB/s weak 3G ≈ ${(zipped / 40 / 1024).toFixed(1)} s)`)
  console.log(`  hosted join page /join: 我的会籍 chunk, loaded only for a member: ${memberOnly.length ? kb(gz(memberOnly)) + ' gzip' : '(none found: the member centre is in the first load)'}`)
  goal('hosted join page first load (JS + CSS + HTML, gzip) within 170 KB', zipped <= HOSTED_BUDGET, kb(zipped))
}
