// Issues #18 and #13 in real Chromium at 390×844: the h5 build of the example driver app, one real
// registry process (SQLite) and the example platform backend in its own process, shared by the file.
// - Two drivers join and every tap and typed character is counted: the one the platform prefilled
//   (at most 6 taps, nothing typed, consents and the charter included) and one it did not (at most
//   10 taps plus the name, ID number and mobile).
// - At each step the title is in view and the primary button inside the first 844 px, without
//   scrolling; each consent is its own step, the union named in the one for the union; the charter step.
// - Every one of Anhui's 16 cities is picked by tapping its visible row, and by typing two characters.
// - No region code is shown to the driver, nor in the console's lists; React logs no error on submit.
// Screenshots (the first screen of every step): .artifacts/e2e-join-taps/.
import type { ChildProcess } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { childRegions } from '@ruhui/core/regions'
import { makeTestIdNumber } from '@ruhui/testing'
import { type RegistryInstance, startRegistry } from '../packages/registry/test/registry-process'
import { type Browser, openBrowser, see } from './browser'
import { startPlatformBackend } from './platform-backend-process'

const root = join(import.meta.dirname, '..')
const h5 = join(root, 'examples/driver-app/dist/h5')
const artifacts = join(root, '.artifacts/e2e-join-taps')
const SCREEN = 844
let registry: RegistryInstance
let platform: { child: ChildProcess; url: string }
let browser: Browser
/** What React and the page logged as errors (the `insertBefore … NotFoundError` of issue #18 among them). */
const consoleErrors: string[] = []
/** Taps and typed characters per driver, for the bench (bench/join-taps.json). */
const counts: Record<string, { taps: number; typed: number }> = {}

beforeAll(async () => {
  if (!existsSync(join(h5, 'index.html'))) throw new Error(`${h5}/index.html is missing: run \`npm run build\` first`)
  registry = await startRegistry({ dialect: 'sqlite' }, { RUHUI_APP_DIR: h5 })
  const keys = registry.cli(['platform', 'create', '--name', '示例货运平台', '--id', 'P-TAPS'])
  platform = await startPlatformBackend({ RUHUI_REGISTRY_URL: registry.baseUrl, RUHUI_SECRET_KEY: keys.secret_key, RUHUI_WEBHOOK_SECRET: keys.webhook_secret, CORS_ORIGINS: registry.baseUrl })
  browser = await openBrowser(artifacts)
  browser.page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(`${m.text()} ${m.location().url}`)))
  browser.page.on('response', (r) => void (r.status() === 404 && consoleErrors.push(`404: ${r.request().method()} ${new URL(r.url()).pathname}`)))
}, 120_000)

afterAll(async () => {
  if (consoleErrors.length) console.log(`console errors seen: ${JSON.stringify(consoleErrors)}`)
  await browser?.close()
  platform?.child.kill('SIGTERM')
  await registry?.stop()
  registry?.cleanup()
  // The bench prints these beside the app sizes (bench/app-sizes.mjs).
  if (Object.keys(counts).length === 2) writeFileSync(join(root, '.artifacts/join-taps.json'), `${JSON.stringify(counts, null, 2)}\n`)
})

/** One driver's way through the flow: every tap and typed character counted, a screenshot of each step's first screen. */
function driver(page: Page, name: string) {
  const c = { taps: 0, typed: 0 }
  counts[name] = c
  let n = 0
  return {
    counts: c,
    async tap(l: Locator) {
      await l.click()
      c.taps++
    },
    async type(l: Locator, text: string) {
      await l.fill(text)
      c.typed += [...text].length
    },
    /** The step's title is in view and its primary button inside the first screen, the page not scrolled; then a screenshot of that screen. */
    async step(shot: string, title: string, primary: string | null) {
      await see(browser, page, title)
      await page.waitForTimeout(150) // the scroll to the top runs after the step has rendered
      const scrolled = await page.evaluate(() => Math.max(window.scrollY, ...[...document.querySelectorAll('.taro_page, .taro_router, body')].map((e) => e.scrollTop)))
      expect(scrolled, `${shot}: the step opens at the top`).toBe(0)
      const t = await page.locator('.ruhui-title').filter({ hasText: title }).first().boundingBox()
      expect(t && t.y >= 0 && t.y + t.height <= SCREEN, `${shot}: the title "${title}" is on the first screen (${JSON.stringify(t)})`).toBe(true)
      if (primary) {
        const b = await page.locator('.ruhui-btn--primary').filter({ hasText: primary }).first().boundingBox()
        expect(b && b.y >= 0 && b.y + b.height <= SCREEN, `${shot}: "${primary}" is inside the first ${SCREEN} px (${JSON.stringify(b)})`).toBe(true)
      }
      await page.screenshot({ path: join(artifacts, `${name}-${String(++n).padStart(2, '0')}-${shot}.png`) })
    },
  }
}

const primary = (page: Page, text: string) => page.locator('.ruhui-btn--primary').filter({ hasText: text }).first()
/** Six digits that look like a region code (a county's, or a township's start). */
const CODE = /(?<!\d)(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5])\d{4}(?!\d|\*)/

/** The consents and the charter, each its own step and tap; returns the union the share consent named. */
async function agreeAndSubmit(page: Page, d: ReturnType<typeof driver>): Promise<string> {
  await d.step('union', '选择工会', '确认')
  // Each union says what sets it apart; the recommended one says why.
  const unions = page.locator('.ruhui-union')
  expect(await unions.count()).toBeGreaterThan(1)
  for (const u of await unions.all()) {
    const text = await u.innerText()
    expect(text).toContain('类型：')
    expect(text).toContain('服务对象：')
  }
  expect(await page.locator('.ruhui-union__recommended').first().innerText()).toMatch(/^推荐：/)
  const texts = await page.locator('.ruhui-union').allInnerTexts()
  expect(new Set(texts.map((t) => t.split('\n').slice(1).join('\n'))).size).toBe(texts.length) // no two read the same
  const chosen = await page.locator('.ruhui-choice--selected .ruhui-union__name').innerText()
  await d.tap(primary(page, '确认'))
  await d.step('share', '向工会提供个人信息', '同意')
  const share = await page.locator('.ruhui-step--share').innerText()
  expect(share).toContain(chosen) // the union that receives the data is named …
  expect(share).toContain('30日内删除') // … with the retention …
  expect(share).not.toContain('{org_name}')
  expect(await page.locator('.ruhui-switch').evaluateAll((els) => els.map((e) => e.getAttribute('aria-checked')))).toEqual(['false', 'false']) // optional ones off
  await d.tap(primary(page, '同意'))
  await d.step('charter', '入会声明', '同意并提交')
  const charter = await page.locator('.ruhui-step--charter').innerText()
  expect(charter).toContain('承认《中国工会章程》')
  expect(charter).toContain('按规定交纳会费')
  expect(charter).toContain(chosen)
  expect(charter).not.toMatch(/\{dues_policy\}|\{org_name\}/)
  await d.tap(primary(page, '同意并提交'))
  await see(browser, page, '申请已提交')
  return chosen
}

it('the driver the platform prefilled joins in at most 6 taps and types nothing; each step on one screen; no code shown; no React error on submit', async () => {
  const { page } = browser
  const d = driver(page, 'prefilled')
  await page.goto(`${registry.baseUrl}/?platform=${encodeURIComponent(platform.url)}&driver=pf-${Date.now().toString(36)}#/pages/me/index`, { waitUntil: 'networkidle' })
  await see(browser, page, '尚未加入工会')
  // The tab bar shows real icons (issue #18: they were empty boxes).
  const icons = await page.locator('.weui-tabbar__icon, .taro-tabbar__icon, img').evaluateAll((els) => els.filter((e) => e instanceof HTMLImageElement).map((e) => (e as HTMLImageElement).naturalWidth))
  expect(icons.length).toBeGreaterThanOrEqual(2)
  expect(icons.every((w) => w > 0)).toBe(true)
  await page.screenshot({ path: join(artifacts, 'prefilled-00-me.png') })
  await page.getByText('加入工会', { exact: true }).click() // the host app's button, before the flow
  await d.step('intro', '加入工会，有组织有依靠', '开始入会')
  await see(browser, page, '入会后可以享受') // the services come below the button
  const [start, services] = [await primary(page, '开始入会').boundingBox(), await page.locator('.ruhui-services').first().boundingBox()]
  expect(start!.y).toBeLessThan(services!.y)
  await d.tap(primary(page, '开始入会'))
  await d.step('consent', '敏感个人信息处理同意', '同意')
  expect(await page.locator('input').count()).toBe(0) // before any ID number is typed
  await d.tap(primary(page, '同意'))
  await d.step('identity', '填写身份信息', '下一步')
  await see(browser, page, '安徽省 合肥市 肥西县 三河镇') // the prefilled place, in words
  await see(browser, page, '平台已核验实名')
  expect(await page.locator('.ruhui-prefilled').count()).toBeGreaterThanOrEqual(5)
  expect(await page.getByText('修改', { exact: true }).count()).toBe(await page.locator('.ruhui-prefilled').count())
  for (const name of ['name', 'idNumber', 'mobile', 'plate']) expect(await page.locator(`#ruhui-field-${name}`).count(), `${name} is read-only`).toBe(0)
  expect(await page.locator('.ruhui-join').innerText()).not.toMatch(CODE)
  await d.tap(primary(page, '下一步'))
  await agreeAndSubmit(page, d)
  await page.waitForTimeout(500) // React logs the insertBefore error, when there is one, just after the submit
  await see(browser, page, '安徽省 合肥市 肥西县 三河镇') // the result says where, in words
  await page.screenshot({ path: join(artifacts, 'prefilled-99-result.png') })
  expect(await page.locator('.ruhui-join').innerText()).not.toMatch(CODE)
  expect(d.counts).toEqual({ taps: 6, typed: 0 })
  expect(consoleErrors.filter((e) => /insertBefore|NotFoundError/.test(e))).toEqual([])
  expect(browser.problems).toEqual([])
}, 120_000)

it('the driver with nothing prefilled joins in at most 10 taps plus the name, ID number and mobile', async () => {
  const { page } = browser
  const d = driver(page, 'not-prefilled')
  const who = { name: '周测试', id: makeTestIdNumber({ regionCode: '340104', birthDate: '1984-06-12', sequence: '357' }), mobile: '13912340000' }
  await page.goto(`${registry.baseUrl}/?platform=${encodeURIComponent(platform.url)}&driver=new-${Date.now().toString(36)}#/pages/me/index`, { waitUntil: 'networkidle' })
  await see(browser, page, '尚未加入工会')
  await page.getByText('加入工会', { exact: true }).click()
  await d.step('intro', '加入工会，有组织有依靠', '开始入会')
  await d.tap(primary(page, '开始入会'))
  await d.step('consent', '敏感个人信息处理同意', '同意')
  await d.tap(primary(page, '同意'))
  await d.step('identity', '填写身份信息', '下一步')
  const field = (name: string) => page.locator(`#ruhui-field-${name} input, input#ruhui-field-${name}`).first()
  // Placeholders fit their boxes; typed text sits in the middle of its box, not at the top.
  for (const name of ['name', 'idNumber', 'mobile']) {
    const fits = await field(name).evaluate((e: HTMLInputElement) => e.scrollWidth <= e.clientWidth + 1)
    expect(fits, `the placeholder of ${name} fits`).toBe(true)
  }
  await d.type(field('name'), who.name)
  await d.type(field('idNumber'), who.id)
  await d.type(field('mobile'), who.mobile)
  const [box, text] = await field('name').evaluate((e) => {
    const outer = (e.closest('.ruhui-input') ?? e).getBoundingClientRect()
    const inner = e.getBoundingClientRect()
    return [outer.top + outer.height / 2, inner.top + inner.height / 2]
  })
  expect(Math.abs(box! - text!)).toBeLessThanOrEqual(3)
  await d.tap(page.getByText('个体司机（平台接单）', { exact: true }))
  await d.tap(page.locator('.ruhui-province').filter({ hasText: '安徽省' }))
  await see(browser, page, '共 16 个')
  await page.screenshot({ path: join(artifacts, 'not-prefilled-04-picker-cities.png') })
  await d.tap(page.locator('.ruhui-picker__item').filter({ hasText: /^合肥市$/ }))
  await see(browser, page, '肥西县')
  await page.screenshot({ path: join(artifacts, 'not-prefilled-05-picker-counties.png') })
  await d.tap(page.locator('.ruhui-picker__item').filter({ hasText: /^肥西县$/ }))
  await see(browser, page, '安徽省 合肥市 肥西县')
  await page.locator('.ruhui-picker').waitFor({ state: 'detached' })
  await d.step('identity-filled', '填写身份信息', '下一步')
  expect(await page.locator('.ruhui-join').innerText()).not.toMatch(CODE)
  await d.tap(primary(page, '下一步'))
  await agreeAndSubmit(page, d)
  await see(browser, page, '安徽省 合肥市 肥西县')
  expect(d.counts.taps).toBeLessThanOrEqual(10)
  expect(d.counts.typed).toBe([...who.name].length + who.id.length + who.mobile.length)
  expect(consoleErrors.filter((e) => /insertBefore|NotFoundError/.test(e))).toEqual([])
  expect(browser.problems).toEqual([])
}, 120_000)

it('every one of Anhui’s 16 cities is picked by tapping its visible row, and by typing two characters of its name', async () => {
  const { page } = browser
  const cities = childRegions('34').filter((r) => r.level === 'prefecture')
  expect(cities).toHaveLength(16)
  await page.goto(`${registry.baseUrl}/?platform=${encodeURIComponent(platform.url)}&driver=new-cities-${Date.now().toString(36)}#/pages/me/index`, { waitUntil: 'networkidle' })
  await page.getByText('加入工会', { exact: true }).click()
  await primary(page, '开始入会').click()
  await primary(page, '同意').click()
  await page.locator('.ruhui-province').filter({ hasText: '安徽省' }).click()
  await see(browser, page, '共 16 个')
  const row = (name: string) => page.locator('.ruhui-picker__item').filter({ has: page.locator('.ruhui-picker__name').getByText(name, { exact: true }) })
  const where = page.locator('.ruhui-picker__where')
  for (const c of cities) {
    // Tapping its row: visible (the picker is one full-screen list; no box scrolls inside another).
    await row(c.name).scrollIntoViewIfNeeded()
    expect(await row(c.name).isVisible(), `${c.name} is visible`).toBe(true)
    await row(c.name).click()
    await expect.poll(() => where.innerText()).toBe(`安徽省 ${c.name}`)
    await expect.poll(() => page.locator('.ruhui-picker__count').innerText()).toMatch(/^共 \d+ 个$/)
    await page.locator('.ruhui-picker__back').click()
    await expect.poll(() => where.innerText()).toBe('安徽省')
    // Typing the first two characters of its name.
    await page.locator('.ruhui-picker__search input').fill(c.name.slice(0, 2))
    await row(c.name).first().waitFor()
    await row(c.name).first().click()
    await expect.poll(() => where.innerText()).toBe(`安徽省 ${c.name}`)
    await page.locator('.ruhui-picker__back').click()
    await expect.poll(() => where.innerText()).toBe('安徽省')
  }
  // And by pinyin initials: "hf" → 合肥市, "fx" → 肥西县.
  await page.locator('.ruhui-picker__search input').fill('hf')
  await row('合肥市').first().waitFor()
  await page.locator('.ruhui-picker__search input').fill('fx')
  await row('肥西县').first().waitFor()
  await page.screenshot({ path: join(artifacts, 'cities-typeahead-fx.png') })
  await row('肥西县').first().click()
  await see(browser, page, '安徽省 合肥市 肥西县')
  expect(await page.locator('.ruhui-overlay').count()).toBe(0)
  expect(browser.problems).toEqual([])
}, 180_000)

it('the console lists the place in words and the platform by name, never a code', async () => {
  registry.cli(['reviewer', 'create', '--org', 'org_lf_3401', '--name', '合肥市总工会审核员', '--login', 'hefei-taps', '--password', 'pw-taps-2026'])
  const page = await browser.context.newPage()
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(`${registry.baseUrl}/console/`, { waitUntil: 'networkidle' })
  await page.fill('#login', 'hefei-taps')
  await page.fill('#password', 'pw-taps-2026')
  await page.locator('button[type=submit]').click()
  await page.getByTestId('who').waitFor()
  await page.goto(`${registry.baseUrl}/console/#/queue`)
  await page.reload({ waitUntil: 'networkidle' })
  const rows = page.locator('.ant-table-row')
  await rows.first().waitFor()
  expect(await rows.count()).toBe(2)
  await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain('示例货运平台')
  await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain('安徽省 合肥市 肥西县 三河镇') // the names load on first use
  const table = await page.locator('.ant-table-tbody').innerText()
  expect(table).toContain('安徽省 合肥市 肥西县 三河镇')
  expect(table).toContain('安徽省 合肥市 肥西县')
  expect(table).not.toContain('P-TAPS')
  expect(table).not.toMatch(CODE)
  await page.screenshot({ path: join(artifacts, 'console-queue.png'), fullPage: true })
  await page.close()
}, 60_000)
