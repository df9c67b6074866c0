// Debian's Chromium driven by playwright-core (no browser download), a fresh profile per run,
// and the steps a driver takes in the example driver app's h5 build.
import { execSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, type Page, chromium } from 'playwright-core'
import type { TestIdentity } from '@ruhui/testing'

export interface Browser {
  context: BrowserContext
  page: Page
  /** Uncaught page errors and failed requests: an empty page with no error is how a broken build shows. */
  problems: string[]
  shot(name: string): Promise<string>
  close(): Promise<void>
}

export async function openBrowser(artifactsDir: string): Promise<Browser> {
  const executablePath = execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh' }).toString().trim()
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'))
  mkdirSync(artifactsDir, { recursive: true })
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`))
  let n = 0
  return {
    context,
    page,
    problems,
    async shot(name) {
      const file = join(artifactsDir, `${String(++n).padStart(2, '0')}-${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Wait for a text; on a timeout, say what the page shows and what went wrong in the browser. */
export async function see(browser: Browser, page: Page, text: string | RegExp, timeout = 15_000): Promise<void> {
  try {
    await page.getByText(text).first().waitFor({ timeout })
  } catch (e) {
    await browser.shot('failed').catch(() => undefined)
    const body = await page.locator('body').innerText().catch(() => '')
    throw new Error(`"${String(text)}" did not appear. The page shows: ${body.slice(0, 600)} | problems: ${browser.problems.join('; ')} | ${(e as Error).message.split('\n')[0]}`)
  }
}

/**
 * A driver on the "我的" page taps 加入工会 and goes through the flow to a submitted application.
 * `wrongIdFirst` types an ID number with a wrong check digit first, to see the message under the field.
 */
export async function joinAsDriver(browser: Browser, url: string, who: TestIdentity, options: { /** Province, city, county and optionally the township, by name. @default ['江苏省', '南京市', '江宁区'] */ pickCounty?: string[]; /** The logistics park to pick in the optional park question. */ park?: string; shots?: boolean; wrongIdFirst?: string; faceCheck?: boolean } = {}): Promise<void> {
  const { page } = browser
  const shot = (name: string) => (options.shots ? browser.shot(name) : Promise.resolve(''))
  await page.goto(url, { waitUntil: 'networkidle' })
  await see(browser, page, '尚未加入工会')
  await shot('me')
  await page.getByText('加入工会', { exact: true }).click()
  await see(browser, page, '加入工会，有组织有依靠')
  await see(browser, page, '入会后可以享受')
  await shot('intro')
  await page.getByText('开始入会', { exact: true }).click()
  // The sensitive-information consent (Art. 29) alone, before the ID number.
  await see(browser, page, '敏感个人信息处理同意')
  await shot('consent')
  await page.locator('.ruhui-btn--primary').filter({ hasText: '同意' }).click()
  await see(browser, page, '填写身份信息')
  const field = (name: string) => page.locator(`#ruhui-field-${name} input, input#ruhui-field-${name}`).first()
  await field('name').fill(who.name)
  if (options.wrongIdFirst) {
    await field('idNumber').fill(options.wrongIdFirst)
    await see(browser, page, '身份证件号码校验位不正确，请逐位核对')
    await shot('identity-error')
  }
  await field('idNumber').fill(who.id_number)
  await field('mobile').fill(who.mobile)
  await page.getByText('个体司机（平台接单）', { exact: true }).click()
  // The home place in words, as a driver who knows no codes would: the province's button, then the
  // city and county on full-screen lists (the picker closes), then the township (optional) from its own row.
  const [province, city, county, township] = options.pickCounty ?? ['江苏省', '南京市', '江宁区']
  const item = (name: string) => page.locator('.ruhui-picker__item').filter({ has: page.locator('.ruhui-picker__name').getByText(name, { exact: true }) })
  await page.locator('.ruhui-province').filter({ hasText: province as string }).click()
  for (const name of [city, county] as string[]) {
    await item(name).waitFor()
    await item(name).click()
  }
  await page.locator('.ruhui-picker').waitFor({ state: 'detached' })
  if (township) {
    await page.locator('.ruhui-township').click()
    await item(township).click()
    await page.locator('.ruhui-picker').waitFor({ state: 'detached' })
  }
  await see(browser, page, [province, city, county].join(' '))
  if (options.park) {
    // The county has logistics parks: the optional question lists them by name.
    await see(browser, page, '您常在哪个物流园区装卸货？（选填）')
    await page.locator('.ruhui-park .ruhui-choice').filter({ hasText: options.park }).click()
    await page.locator('.ruhui-park .ruhui-choice--selected').filter({ hasText: options.park }).waitFor()
  }
  if (options.faceCheck) {
    await page.getByText('人脸核验', { exact: true }).click()
    await see(browser, page, '人脸核验已通过')
  }
  await shot('identity')
  await page.getByText('下一步', { exact: true }).click()
  await see(browser, page, '选择工会')
  await shot('union')
  // Each agreement its own step and tap: the union's consent (Art. 23, naming it), the charter, which submits.
  await page.locator('.ruhui-btn--primary').filter({ hasText: '确认' }).click()
  await see(browser, page, '向工会提供个人信息同意')
  await shot('share')
  await page.locator('.ruhui-btn--primary').filter({ hasText: '同意' }).click()
  await see(browser, page, '入会声明')
  await shot('charter')
  await page.locator('.ruhui-btn--primary').filter({ hasText: '同意并提交' }).click()
  await see(browser, page, '申请已提交')
  await shot('submitted')
}
