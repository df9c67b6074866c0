// The demo end to end in real Chromium (Debian's chromium + playwright-core), through what
// `npm start` runs: a driver joins in the h5 driver app in one tab; the Nanjing reviewer signs in
// to the console in another, sees the application, reveals it (audit-logged) and approves it;
// the driver's flow shows the approval and the e-card; the dashboard's counts change; a reviewer
// of another union does not see it; the admin rolls the platform's webhook secret. Then a county
// federation's reviewer assigns an application nothing covered by picking a township union from a
// search, edits its contact; the admin reads the matching configuration. Screenshots:
// .artifacts/e2e-console/.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type OrgType, type TierId, enumLabel } from '@ruhui/core'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { makeTestIdNumber, testConsents, testCharter, testIdentities } from '@ruhui/testing'
import { type Browser, joinAsDriver, openBrowser, see as seeText } from './browser'
import { type DemoProcess, startDemo } from './demo-process'

const artifacts = join(import.meta.dirname, '../.artifacts/e2e-console')
const dataDir = mkdtempSync(join(tmpdir(), 'ruhui-demo-e2e-'))
let demo: DemoProcess | undefined
let banner = ''
let browser: Browser

beforeAll(async () => {
  demo = await startDemo(dataDir)
  banner = demo.banner
  browser = await openBrowser(artifacts)
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await demo?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const grab = (re: RegExp) => re.exec(banner)?.[1] as string

const see = (page: Page, text: string | RegExp) => seeText(browser, page, text)

async function signIn(page: Page, base: string, login: string, password: string) {
  await page.goto(`${base}/console/`, { waitUntil: 'networkidle' })
  await page.fill('#login', login)
  await page.fill('#password', password)
  await page.locator('button[type=submit]').click()
  await page.getByTestId('who').waitFor()
}

async function stat(page: Page, id: string): Promise<number> {
  const text = await page.getByTestId(`stat-${id}`).locator('.ant-statistic-content-value').innerText()
  return Number(text.replace(/\D/g, ''))
}

it('a driver joins in one tab, the union approves in the other; the driver sees the e-card; only the right union sees it', async () => {
  const base = grab(/registry:\s+(http:\/\/127\.0\.0\.1:\d+)/)
  // A driver the demo platform has not verified (ids starting 'new'): the flow asks for everything (issue #18's prefill is join-taps-e2e's).
  const driverUrl = ((u) => (u.searchParams.set('driver', `new-demo-${Date.now().toString(36)}`), u.toString()))(new URL(grab(/driver app \(h5\):\s+(\S+)/)))
  const [, login, password] = /login (\S+)\s+password (\S+)/.exec(banner) ?? []
  const [, otherLogin, otherPassword] = /合肥市总工会）\s+login (\S+)\s+password (\S+)/.exec(banner) ?? []
  const who = testIdentities.standard

  // The console: sign in, the dashboard before.
  const console_ = await browser.context.newPage()
  await console_.setViewportSize({ width: 1280, height: 900 })
  console_.on('pageerror', (e) => browser.problems.push(`console pageerror: ${e.message}`))
  await signIn(console_, base, login as string, password as string)
  await console_.goto(`${base}/console/#/dashboard`)
  await console_.getByTestId('stat-submitted').waitFor()
  const before = { submitted: await stat(console_, 'submitted'), approved: await stat(console_, 'approved') }

  // The driver: 我的 → 加入工会 → … → 提交申请.
  const driver = browser.page
  await joinAsDriver(browser, driverUrl, who, { pickCounty: ['江苏省', '南京市', '江宁区', '秣陵街道'], faceCheck: true })
  await browser.shot('driver-submitted')

  // The reviewer sees it in the queue, masked; reveals it; approves it.
  await console_.goto(`${base}/console/#/queue`)
  await console_.reload({ waitUntil: 'networkidle' })
  const row = console_.locator('.ant-table-row').filter({ hasText: '**试' })
  await row.first().waitFor()
  expect(await row.count()).toBe(1)
  await console_.screenshot({ path: join(artifacts, 'console-queue.png'), fullPage: true })
  await row.first().click()
  await see(console_, '查看完整信息')
  expect(await console_.locator('.ant-drawer').innerText()).not.toContain(who.id_number)
  await console_.getByText('查看完整信息').click()
  await see(console_, who.id_number)
  // The platform's face check travelled with the application.
  expect(await console_.locator('.ant-descriptions-row').filter({ has: console_.getByText('人脸核验', { exact: true }) }).first().innerText()).toContain('已通过')
  // The place in words and the platform by name, never codes (issue #18).
  const drawer = await console_.locator('.ant-drawer').innerText()
  expect(drawer).toContain('江苏省 南京市 江宁区 秣陵街道')
  expect(drawer).not.toMatch(/(?<!\d)32\d{4}(?!\d)/)
  await console_.screenshot({ path: join(artifacts, 'console-revealed.png'), fullPage: true })
  await console_.locator('.ant-drawer').getByRole('button', { name: '批准入会' }).click()
  await see(console_, '已批准')
  await console_.screenshot({ path: join(artifacts, 'console-approved.png'), fullPage: true })

  // The driver's flow shows the approval and the e-card.
  await driver.getByText('刷新审核进度', { exact: true }).click()
  await see(driver, '入会成功')
  await see(driver, '会员卡号')
  const card = await driver.locator('.ruhui-card__number').innerText()
  expect(card.length).toBeGreaterThan(5)
  // Offers to help; the button is not greyed out (an enabled button must not carry disabled="false").
  const offer = driver.getByText('我愿意当工会积极分子、志愿者', { exact: true })
  expect(await offer.evaluate((e) => e.closest('taro-button-core')?.hasAttribute('disabled') ?? false)).toBe(false)
  await browser.shot('driver-approved')
  await offer.click()
  await see(driver, '已报名，工会会和您联系')

  // The dashboard's counts changed.
  await console_.goto(`${base}/console/#/dashboard`)
  await console_.reload({ waitUntil: 'networkidle' })
  await console_.getByTestId('stat-submitted').waitFor()
  expect(await stat(console_, 'submitted')).toBe(before.submitted + 1)
  expect(await stat(console_, 'approved')).toBe(before.approved + 1)
  await console_.getByTestId('chart-daily').locator('svg').waitFor()
  await console_.screenshot({ path: join(artifacts, 'console-dashboard.png'), fullPage: true })

  // The volunteer is listed under the union.
  await console_.goto(`${base}/console/#/volunteers`)
  await see(console_, '南京市道路货运行业工会联合会（示例）（1 人）') // the federation built on the demo platform (tier 2)

  // The printable summary report.
  await console_.goto(`${base}/console/#/report?province=32&print=1`)
  await see(console_, '江苏省货车司机网上入会试点工作总结')
  await console_.getByTestId('report-figures').waitFor()
  expect(await console_.getByTestId('report-figures').innerText()).toMatch(/批准入会\s*1/)
  await console_.screenshot({ path: join(artifacts, 'console-report.png'), fullPage: true })

  // The admin's audit log shows the reveal, by name.
  await console_.goto(`${base}/console/#/audit`)
  await see(console_, '查看申请人完整信息')
  expect(await console_.locator('.ant-table-row').filter({ hasText: '查看申请人完整信息' }).first().innerText()).toContain('南京市总工会审核员（演示）')
  await console_.screenshot({ path: join(artifacts, 'console-audit.png'), fullPage: true })

  // Platform keys: the admin rolls the demo platform's webhook secret; the new one is shown once,
  // and the old one stays valid for the chosen overlap (24 h) while events carry both signatures.
  await console_.goto(`${base}/console/#/platforms`)
  const demoRow = console_.locator('.ant-table-row').filter({ hasText: 'P-DEMO' })
  await demoRow.getByRole('button', { name: '轮换事件签名密钥' }).click()
  const confirmRoll = console_.locator('.ant-modal').getByRole('button', { name: /^轮 ?换$/ }) // antd spaces two-character labels
  await confirmRoll.click()
  // On a loaded machine a click can land while the dialog is still opening: if it is still there a moment later, once more.
  const secret = console_.getByText(/whsec_[A-Za-z0-9_-]{20,}/)
  await secret.waitFor({ timeout: 8_000 }).catch(async () => {
    if (await confirmRoll.isVisible()) await confirmRoll.click()
  })
  await see(console_, /whsec_[A-Za-z0-9_-]{20,}/)
  await see(console_, '事件签名密钥：旧密钥有效至')
  await console_.locator('.ant-modal').waitFor({ state: 'hidden' })
  await console_.screenshot({ path: join(artifacts, 'console-platform-keys.png'), fullPage: true })

  // English is one switch away.
  await console_.goto(`${base}/console/#/dashboard`)
  await console_.getByText('EN', { exact: true }).click()
  await see(console_, 'Pilot dashboard')
  await console_.getByTestId('stat-approved').waitFor()
  expect(await console_.locator('body').innerText()).toContain('Applications and approvals per day')
  await console_.screenshot({ path: join(artifacts, 'console-dashboard-en.png'), fullPage: true })

  // In English the summary report names the approved driver's organisation type and matching tier
  // in English (core's enumLabel), with no Chinese in those table cells or in the charts.
  const registryDb = new BetterSqlite3(join(dataDir, 'registry.sqlite'), { readonly: true })
  const matched = registryDb.prepare(`select a.tier as tier, o.type as type from applications a join orgs o on o.id = a.org_id where a.status = 'approved'`).get() as { tier: TierId; type: OrgType }
  registryDb.close()
  const [tierEn, typeEn] = [enumLabel('tier', matched.tier, 'en'), enumLabel('orgType', matched.type, 'en')]
  await console_.goto(`${base}/console/#/report?province=32`)
  await see(console_, 'Online union joining for truck drivers, Jiangsu: pilot summary')
  await see(console_, tierEn)
  const tierCell = console_.locator('.ant-table-row').filter({ hasText: tierEn }).first().locator('td').first()
  expect(await tierCell.innerText()).toContain(tierEn)
  expect(await tierCell.innerText()).not.toMatch(/[\u4e00-\u9fff]/)
  const typeCell = console_.locator('.ant-table-row').filter({ hasText: typeEn }).first().locator('td').nth(1)
  expect(await typeCell.innerText()).toBe(typeEn)
  // The charts name types and tiers only (organisation names, which are Chinese data, are not in them).
  await console_.getByTestId('chart-org-type').locator('svg').waitFor()
  const squeeze = (text: string | null) => (text ?? '').replace(/\s+/g, '') // ECharts breaks a long label into lines
  expect(squeeze(await console_.getByTestId('chart-org-type').textContent())).toContain(squeeze(typeEn))
  for (const chart of ['chart-org-type', 'chart-tier']) expect(await console_.getByTestId(chart).textContent(), chart).not.toMatch(/[\u4e00-\u9fff]/)
  const body = await console_.locator('body').innerText()
  for (const zh of ['匹配层级', '类型', '按组织类型', '按匹配层级']) expect(body).not.toContain(zh)
  await console_.screenshot({ path: join(artifacts, 'console-en.png'), fullPage: true })

  // A reviewer of another union (Hefei) does not see it.
  const other = await browser.context.browser()?.newContext() ?? (await browser.context.newPage()).context()
  const otherPage = await other.newPage()
  await otherPage.setViewportSize({ width: 1280, height: 800 })
  await signIn(otherPage, base, otherLogin as string, otherPassword as string)
  await otherPage.goto(`${base}/console/#/queue`)
  await otherPage.waitForLoadState('networkidle')
  await otherPage.locator('.ant-table').waitFor()
  expect(await otherPage.locator('.ant-table-row').filter({ hasText: '**试' }).count()).toBe(0)
  await otherPage.screenshot({ path: join(artifacts, 'console-other-union.png'), fullPage: true })

  // The platform backend got the status events, signed and verified (PLATFORM_PORT 0: its webhook
  // address follows the port it got).
  const platformUrl = grab(/platform backend:\s+(http:\/\/127\.0\.0\.1:\d+)/)
  const events = (await (await fetch(`${platformUrl}/api/events`)).json()) as { data: Array<{ type: string }> }
  expect(events.data.map((e) => e.type)).toEqual(expect.arrayContaining(['application.submitted', 'application.approved']))

  // The reveal is in the audit log.
  const db = new BetterSqlite3(join(dataDir, 'registry.sqlite'), { readonly: true })
  const reveals = db.prepare(`select count(*) as n from audit_log where action = 'reveal_applicant'`).get() as { n: number }
  db.close()
  expect(reveals.n).toBe(1)
  expect(browser.problems.filter((p) => !/favicon/.test(p))).toEqual([])
}, 120_000)

it('a county federation assigns an application nothing covered by picking a township union from a search; contacts; the matching configuration', async () => {
  const base = grab(/registry:\s+(http:\/\/127\.0\.0\.1:\d+)/)
  const [, adminLogin, adminPassword] = /login (\S+)\s+password (\S+)/.exec(banner) ?? []
  // A reviewer of 砀山县总工会 with a console sign-in, made with the registry's CLI on the demo's data.
  const password = 'dangshan-e2e-1'
  const made = spawnSync(process.execPath, [join(import.meta.dirname, '../packages/registry/bin/ruhui-registry.mjs'), 'reviewer', 'create', '--org', 'org_lf_341321', '--name', '砀山县总工会审核员（演示）', '--login', 'dangshan', '--password', password, '--data-dir', dataDir], { encoding: 'utf8' })
  expect(made.status, made.stderr).toBe(0)

  // A driver in 砀山县 through the demo platform: nothing covers the county, so the county federation must assign a union.
  const { platform } = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')) as { platform: { secret_key: string } }
  const api = createRegistryClient({ baseUrl: base, secretKey: platform.secret_key, transport: createFetchTransport() })
  const s = await api.joinSessions.create({ platform_user_id: 'e2e-dangshan' })
  const driver = createRegistryClient({ baseUrl: base, joinToken: s.join_token as string, transport: createFetchTransport() })
  const match = await driver.organisations.match({ employment_form: 'platform_self_employed', base_region: { county: '341321' } })
  expect([match.status, match.assigner?.org_id]).toEqual(['needs_assignment', 'org_lf_341321'])
  const app = await driver.applications.submit({
    applicant: { name: '分配演示', id_number: makeTestIdNumber({ regionCode: '341321', sequence: '771' }), mobile: '13700000771', employment_form: 'platform_self_employed' },
    base_region: { county: '341321' },
    org_id: 'org_lf_341321',
    consents: testConsents(),
    charter: testCharter(),
  })
  expect(app.status).toBe('awaiting_assignment')

  // The reviewer signs in (a fresh context: its own session and the console in Chinese), opens the application.
  const context = (await browser.context.browser()?.newContext()) ?? browser.context
  const page = await context.newPage()
  await page.setViewportSize({ width: 1280, height: 900 })
  page.on('pageerror', (e) => browser.problems.push(`county console pageerror: ${e.message}`))
  await signIn(page, base, 'dangshan', password)
  await page.goto(`${base}/console/#/queue`)
  const row = page.locator('.ant-table-row').filter({ hasText: enumLabel('applicationStatus', 'awaiting_assignment', 'zh-CN') })
  await row.first().waitFor()
  expect(await row.count()).toBe(1)
  await row.first().click()
  const drawer = page.locator('.ant-drawer')
  await drawer.getByRole('button', { name: '分配组织' }).click()

  // The picker: type part of a township's name; the union shows its type and its region in words.
  const picker = page.locator('.ant-modal')
  await picker.locator('#assign-org').fill('砀城')
  const option = page.getByTestId('assign-option-org_tw_341321100')
  await option.waitFor()
  // It opened with the unions nearest the applicant; the search leaves the one whose name has 砀城.
  await expect.poll(() => page.locator('[data-testid^=assign-option-]').count(), { timeout: 10_000 }).toBe(1)
  expect(await option.innerText()).toContain('砀城镇工会（示例）')
  expect(await option.innerText()).toContain(enumLabel('orgType', 'township_union', 'zh-CN'))
  expect(await option.innerText()).toContain('安徽省 宿州市 砀山县 砀城镇')
  await page.screenshot({ path: join(artifacts, 'console-assign-search.png'), fullPage: true })
  await option.click()
  await picker.getByRole('button', { name: '分配组织' }).click()
  await picker.waitFor({ state: 'hidden' })
  await see(page, enumLabel('applicationStatus', 'under_review', 'zh-CN'))
  // The drawer shows the application as the registry now holds it (it reloads after the assignment).
  await expect.poll(() => drawer.locator('.ant-descriptions-row').filter({ hasText: '工会组织' }).innerText(), { timeout: 10_000 }).toContain('砀城镇工会（示例）')
  await expect.poll(() => drawer.locator('.ant-descriptions-row').filter({ hasText: '匹配层级' }).innerText(), { timeout: 10_000 }).toContain('由上级工会指定')
  await page.screenshot({ path: join(artifacts, 'console-assigned.png'), fullPage: true })

  // The application's status and organisation, as stored and as the driver sees it.
  const db = new BetterSqlite3(join(dataDir, 'registry.sqlite'), { readonly: true })
  const stored = db.prepare('select status, org_id, org_name from applications where id = ?').get(app.id)
  db.close()
  expect(stored).toEqual({ status: 'under_review', org_id: 'org_tw_341321100', org_name: '砀城镇工会（示例）' })
  expect(await driver.applications.retrieve(app.id)).toMatchObject({ status: 'under_review' })

  // The directory: the reviewer gives the union its contact; the list shows it.
  await drawer.locator('.ant-drawer-close').click()
  await page.goto(`${base}/console/#/directory`)
  await page.getByPlaceholder('名称或编号').fill('砀城镇')
  await page.getByPlaceholder('名称或编号').press('Enter')
  const unionRow = page.locator('.ant-table-row').filter({ hasText: 'org_tw_341321100' })
  await unionRow.waitFor()
  await unionRow.getByRole('button', { name: /^编 ?辑$/ }).click()
  await page.locator('#org-contact-phone').fill('0557-8000000')
  await page.locator('#org-contact-address').fill('砀山县砀城镇（示例地址）')
  await page.locator('#org-contact-hours').fill('工作日 8:30–17:30')
  await page.locator('.ant-modal').getByRole('button', { name: /^保 ?存$/ }).click()
  await page.locator('.ant-modal').waitFor({ state: 'hidden' })
  await see(page, '0557-8000000')
  expect(await unionRow.getByTestId('org-contact').innerText()).toBe('0557-8000000')
  await page.screenshot({ path: join(artifacts, 'console-directory-contact.png'), fullPage: true })

  // The admin reads the matching configuration in force: the 2021 pilot, each province's order in words.
  const adminPage = await context.newPage()
  await adminPage.setViewportSize({ width: 1280, height: 800 })
  await signIn(adminPage, base, adminLogin as string, adminPassword as string)
  await adminPage.goto(`${base}/console/#/matching`)
  await adminPage.getByTestId('matching-version').waitFor()
  expect(await adminPage.getByTestId('matching-version').innerText()).toBe('2021-pilot.1')
  const order = await adminPage.getByTestId('tiers-34').innerText()
  const words = (['enterprise', 'head_enterprise_federation', 'industry', 'platform', 'park', 'territorial'] as const).map((tier) => enumLabel('tier', tier, 'zh-CN'))
  expect(order.replace(/\s+/g, '')).toBe(words.map((w, i) => `${i + 1}.${w}`).join('').replace(/\s+/g, ''))
  await adminPage.screenshot({ path: join(artifacts, 'console-matching.png'), fullPage: true })
  await adminPage.getByText('EN', { exact: true }).click()
  await see(adminPage, 'Matching configuration')
  expect(await adminPage.getByTestId('tiers-34').innerText()).toContain(`1. ${enumLabel('tier', 'enterprise', 'en')}`)
  expect(await adminPage.getByTestId('tiers-34').innerText()).not.toMatch(/[\u4e00-\u9fff]/)
  await adminPage.screenshot({ path: join(artifacts, 'console-matching-en.png'), fullPage: true })
  if (context !== browser.context) await context.close()
  expect(browser.problems.filter((p) => !/favicon/.test(p))).toEqual([])
}, 90_000)
