// The console's 会籍接转 page in real Chromium against a real registry process: transfers in every
// status (requested, released, completed, rejected). It used to crash as soon as a transfer existed
// (it read a deadline the list did not carry). Both unions see every transfer with the masked name
// of who is moving; the releasing union is offered 同意转出, the receiving union 同意转入, each on
// the transfers waiting for it, and the receiving union accepts one in the page. No error in the
// browser's console. Screenshots: .artifacts/console-transfers/.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Browser, openBrowser, see } from '../../../scripts/browser'
import { testCharter, testConsents } from '@ruhui/testing'
import { type Staff, driverSession, nanjingMember, person, requestMoveToHefei, staffClient, staffJson } from './membership-fixtures'
import { type RegistryInstance, startRegistry } from './registry-process'

const artifacts = join(import.meta.dirname, '../../../.artifacts/console-transfers')
let r: RegistryInstance
let browser: Browser
let platformKey = ''
let nanjing: Staff
let hefei: Staff
const ids = {} as Record<'requested' | 'released' | 'completed' | 'rejected', string>
const errors: string[] = []

beforeAll(async () => {
  r = await startRegistry({ dialect: 'sqlite' })
  platformKey = r.cli(['platform', 'create', '--name', '平台甲', '--id', 'P-T'])['secret_key'] as string
  nanjing = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京审核员', '--login', 'nj', '--password', 'pw-transfers-1'])['key'] as string)
  hefei = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3401', '--name', '合肥审核员', '--login', 'hf', '--password', 'pw-transfers-2'])['key'] as string)
  // Four members of the Nanjing union move to Hefei; their transfers end in each status.
  const names = { requested: '王一', released: '赵二', completed: '钱三', rejected: '孙四' } as const
  let n = 0
  for (const status of Object.keys(names) as Array<keyof typeof names>) {
    const who = person(700 + ++n, names[status])
    await nanjingMember(r.baseUrl, platformKey, nanjing, who, `mover-${n}`)
    ids[status] = await requestMoveToHefei(r.baseUrl, platformKey, who, `mover-${n}-hefei`)
  }
  await staffJson(nanjing, `/v1/review/transfers/${ids.released}/release`, {})
  await staffJson(nanjing, `/v1/review/transfers/${ids.completed}/release`, {})
  await staffJson(hefei, `/v1/review/transfers/${ids.completed}/accept`, {})
  await staffJson(nanjing, `/v1/review/transfers/${ids.rejected}/reject`, {})
  browser = await openBrowser(artifacts)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await r?.stop()
  r?.cleanup()
})

async function signedIn(login: string, password: string): Promise<Page> {
  const page = await browser.context.newPage()
  await page.setViewportSize({ width: 1400, height: 900 })
  // The browser's own request for /favicon.ico (the console has none) is not the page's error.
  page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && errors.push(`${login}: ${m.text()} (${m.location().url})`))
  page.on('pageerror', (e) => errors.push(`${login} pageerror: ${e.message}`))
  page.on('response', (res) => res.status() >= 400 && errors.push(`${login}: ${res.status()} ${res.url()}`))
  await page.goto(`${r.baseUrl}/console/`, { waitUntil: 'networkidle' })
  await page.fill('#login', login)
  await page.fill('#password', password)
  await page.locator('button[type=submit]').click()
  await page.getByTestId('who').waitFor()
  await page.goto(`${r.baseUrl}/console/#/transfers`)
  return page
}

const row = (page: Page, id: string) => page.locator(`.ant-table-row[data-row-key="${id}"]`)
/** antd spaces out a two-character Chinese button (拒 绝): compare without spaces. */
const buttons = async (page: Page, id: string) => (await page.getByTestId(`transfer-actions-${id}`).getByRole('button').allInnerTexts()).map((s) => s.replace(/\s/g, ''))
const STATUS_WORDS = { requested: '待转出', released: '已转出待转入', completed: '已完成', rejected: '已拒绝' }

async function seesAllFour(page: Page) {
  await see(browser, page, '*四')
  expect(await page.locator('.ant-table-row').count()).toBe(4)
  for (const status of Object.keys(ids) as Array<keyof typeof ids>) expect(await row(page, ids[status]).innerText(), status).toContain(STATUS_WORDS[status])
  const names = { requested: '*一', released: '*二', completed: '*三', rejected: '*四' }
  for (const status of Object.keys(ids) as Array<keyof typeof ids>) expect(await row(page, ids[status]).innerText(), status).toContain(names[status])
  // Masked: neither union sees the full name in the list.
  expect(await page.locator('.ant-table').innerText()).not.toMatch(/王一|赵二|钱三|孙四/)
}

it('the releasing union (Nanjing) sees every transfer, masked, with 同意转出 / 拒绝 on the requested one only', async () => {
  const page = await signedIn('nj', 'pw-transfers-1')
  await seesAllFour(page)
  expect(await buttons(page, ids.requested)).toEqual(['同意转出', '拒绝'])
  expect(await page.getByTestId(`transfer-actions-${ids.released}`).innerText()).toBe('等待转入方接收')
  for (const status of ['released', 'completed', 'rejected'] as const) expect(await buttons(page, ids[status]), status).toEqual([])
  // Each row says which side the reviewer's union is on.
  expect(await row(page, ids.requested).locator('.ant-tag').first().innerText()).toBe('转出')
  await page.screenshot({ path: join(artifacts, 'nanjing-transfers.png'), fullPage: true })
  await page.close()
})

it('the receiving union (Hefei) sees the same transfers and accepts the released one in the page', async () => {
  const page = await signedIn('hf', 'pw-transfers-2')
  await seesAllFour(page)
  expect(await page.getByTestId(`transfer-actions-${ids.requested}`).innerText()).toBe('等待转出方同意')
  expect(await buttons(page, ids.released)).toEqual(['同意转入', '拒绝'])
  expect(await row(page, ids.released).locator('.ant-tag').first().innerText()).toBe('转入')
  await page.screenshot({ path: join(artifacts, 'hefei-transfers.png'), fullPage: true })
  await page.getByTestId(`transfer-actions-${ids.released}`).getByRole('button', { name: /同意转入/ }).click()
  await see(browser, page, '已处理')
  await expect.poll(async () => row(page, ids.released).innerText(), { timeout: 10_000 }).toContain('已完成')
  expect(await buttons(page, ids.released)).toEqual([])
  const moved = (await (await hefei(`/v1/review/transfers/${ids.released}`)).json()) as { status: string }
  expect(moved.status).toBe('completed')
  await page.screenshot({ path: join(artifacts, 'hefei-accepted.png'), fullPage: true })
  // In English: the same page in the other language's words, no Chinese in its headings or steps.
  await page.getByText('EN', { exact: true }).click()
  await see(browser, page, 'Waiting for the releasing union')
  expect(await page.locator('.ant-table-thead').innerText()).not.toMatch(/[\u4e00-\u9fff]/)
  expect(await page.getByTestId(`transfer-actions-${ids.requested}`).innerText()).toBe('Waiting for the releasing union')
  await page.screenshot({ path: join(artifacts, 'hefei-english.png'), fullPage: true })
  await page.getByText('中文', { exact: true }).click()
  expect(errors).toEqual([])
  expect(browser.problems).toEqual([])
  await page.close()
})

it('the list carries what the page reads (deadline, masked member, steps) and only to the two unions', async () => {
  const list = (await (await nanjing('/v1/review/transfers')).json()) as { data: Array<Record<string, unknown>> }
  const requested = list.data.find((t) => t.id === ids.requested)
  expect(requested).toMatchObject({ member_name: '*一', direction: 'out', actions: ['release', 'reject'], waiting_for: 'from', overdue: false, from_org_id: 'org_nf_320115', to_org_id: 'org_nf_340104' })
  expect(requested?.expires_at).toMatch(/^\d{4}-\d{2}-\d{2}T.*\+08:00$/)
  expect(requested?.sides).toEqual(['from'])
  // A union above both (the province's, for a move from Nanjing to Suzhou) is on both sides.
  const who = person(720, '苏迁')
  await nanjingMember(r.baseUrl, platformKey, nanjing, who, 'to-suzhou')
  const driver = await driverSession(r.baseUrl, platformKey, 'to-suzhou-2')
  await expect(driver.applications.submit({ applicant: { ...who, employment_form: 'platform_self_employed' }, base_region: { county: '320506' }, org_id: 'org_nf_320506', consents: testConsents(), charter: testCharter() })).rejects.toMatchObject({ code: 'transfer_required' })
  const within = await driver.transfers.request({ to_org_id: 'org_nf_320506', reason: 'relocation' })
  const jiangsu = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '江苏省'])['key'] as string)
  const inJiangsu = ((await (await jiangsu('/v1/review/transfers')).json()) as { data: Array<{ id: string; sides: string[]; actions: string[] }> }).data
  expect(inJiangsu.find((t) => t.id === within.id)).toMatchObject({ sides: ['from', 'to'], actions: ['release', 'reject'] })
  expect(inJiangsu.find((t) => t.id === ids.requested)?.sides).toEqual(['from']) // Hefei is not Jiangsu's
  // The Suzhou union sees the transfer coming to it, none of the ones to Hefei.
  const suzhou = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_nf_320506', '--name', '苏州审核员'])['key'] as string)
  expect(((await (await suzhou('/v1/review/transfers')).json()) as { data: Array<{ id: string }> }).data.map((t) => t.id)).toEqual([within.id])
})
