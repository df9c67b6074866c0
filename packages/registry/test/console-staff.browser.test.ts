// The console's staff side of issue #16 in real Chromium against a real registry process:
// an application waiting more than five working days is highlighted; the review loop in the
// drawer (request information naming a field and the driving-licence photo → the driver answers
// with the photo → the reviewer sees the answer and the photo → approves); batch approval with a
// partial failure reported per application; a member's 退会 confirmed and a member expelled (a
// reason required) on the members page. No error in the browser. Screenshots: .artifacts/console-staff/.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Browser, openBrowser, see } from '../../../scripts/browser'
import { type Staff, applyInNanjing, driverSession, nanjingMember, person, staffClient, staffJson, submitInNanjing } from './membership-fixtures'
import { makePng } from './png-fixture'
import { type RegistryInstance, startRegistry } from './registry-process'
import { queryRows, runSql } from './row-counts'

const artifacts = join(import.meta.dirname, '../../../.artifacts/console-staff')
let r: RegistryInstance
let browser: Browser
let page: Page
let key = ''
let nanjing: Staff
const errors: string[] = []

beforeAll(async () => {
  r = await startRegistry({ dialect: 'sqlite' })
  key = r.cli(['platform', 'create', '--name', '平台甲', '--id', 'P-C'])['secret_key'] as string
  nanjing = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京审核员', '--login', 'nj', '--password', 'pw-staff-1'])['key'] as string)
  browser = await openBrowser(artifacts)
  page = await browser.context.newPage()
  await page.setViewportSize({ width: 1400, height: 900 })
  page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && errors.push(`${m.text()} (${m.location().url})`))
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  await signIn()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await r?.stop()
  r?.cleanup()
})

async function signIn() {
  await page.goto(`${r.baseUrl}/console/`, { waitUntil: 'networkidle' })
  await page.fill('#login', 'nj')
  await page.fill('#password', 'pw-staff-1')
  await page.locator('button[type=submit]').click()
  await page.getByTestId('who').waitFor()
}
const queueRow = (id: string) => page.locator(`.ant-table-row[data-row-key="${id}"]`)
const drawer = () => page.locator('.ant-drawer')
const modalOk = () => page.locator('.ant-modal-confirm-btns .ant-btn-primary, .ant-modal-footer .ant-btn-primary').last()

it('highlights what waited more than five working days; the review loop with a photo ends in approval', async () => {
  const old = await submitInNanjing(r.baseUrl, key, person(851, '周久等'), 'old')
  await runSql(r, `update applications set submitted_at = '${new Date(Date.now() - 14 * 86_400_000).toISOString()}' where id = '${old}'`)
  const { applicationId: id, driver } = await applyInNanjing(r.baseUrl, key, person(852, '吴补充'), 'loop')
  await page.reload({ waitUntil: 'networkidle' })
  await see(browser, page, '**等')
  expect(await queueRow(old).getAttribute('class')).toContain('ruhui-queue-overdue')
  expect(await queueRow(old).getByTestId('overdue').innerText()).toBe('10 个工作日，已超期')
  expect(await queueRow(id).getAttribute('class')).not.toContain('ruhui-queue-overdue')
  expect(await queueRow(id).innerText()).toContain('0 个工作日')
  await page.screenshot({ path: join(artifacts, 'queue-overdue.png'), fullPage: true })

  // 要求补充材料: the plate again and the driving licence photo, with a message.
  await queueRow(id).locator('td').nth(2).click()
  await see(browser, page, '查看完整信息')
  await drawer().getByRole('button', { name: '要求补充材料' }).click()
  const form = page.locator('#request-info-form')
  await form.getByLabel('车牌号').check()
  await form.getByLabel('驾驶证照片').check()
  await page.fill('#request-info-message', '请上传驾驶证照片，并核对车牌号')
  await page.getByRole('button', { name: '发送给司机' }).click()
  await see(browser, page, '等待司机答复')
  expect(await drawer().getByTestId('information-requests').innerText()).toContain('车牌号、驾驶证照片')
  const asked = await queryRows<{ fields: string; documents: string }>(r, `select fields, documents from information_requests where application_id = '${id}'`)
  expect(asked).toEqual([{ fields: '["plate"]', documents: '["driving_licence_photo"]' }])

  // The driver answers in the app: the plate and the photo.
  const upload = await driver.uploads.create({ application_id: id, purpose: 'driving_licence_photo', data_base64: makePng(240, 150).toString('base64') })
  await driver.applications.respond(id, { fields: { plate: '苏A12345' }, upload_ids: [upload.id], note: '照片已上传' })

  // The reviewer opens it again: the answer and the photo, then approves.
  await page.locator('.ant-drawer-close').click()
  await page.reload({ waitUntil: 'networkidle' })
  await queueRow(id).locator('td').nth(2).click()
  await see(browser, page, '照片已上传')
  const photo = drawer().getByTestId(`upload-${upload.id}`).locator('img')
  await photo.waitFor()
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240)
  expect(await drawer().getByTestId('information-requests').innerText()).toMatch(/司机已于 .* 答复/)
  await page.screenshot({ path: join(artifacts, 'drawer-answer-photo.png'), fullPage: true })
  // The values given again are behind the audited reveal.
  expect(await drawer().getByTestId('information-requests').innerText()).not.toContain('苏A12345')
  await drawer().getByRole('button', { name: '查看完整信息' }).click()
  await expect.poll(() => drawer().getByTestId('information-requests').innerText()).toContain('车牌号：苏A12345')
  await drawer().getByRole('button', { name: '批准入会' }).click()
  await see(browser, page, '已批准')
  expect((await queryRows<{ status: string }>(r, `select status from applications where id = '${id}'`))[0]?.status).toBe('approved')
  // The reviewer's view of the photo was audit-logged by the registry.
  expect((await queryRows(r, `select id from audit_log where subject = '${upload.id}'`)).length).toBeGreaterThan(0)
  await page.locator('.ant-drawer-close').click()
})

it('approves a selection in one action and reports the one that could not be approved', async () => {
  const ids = [await submitInNanjing(r.baseUrl, key, person(853, '郑批一'), 'b1'), await submitInNanjing(r.baseUrl, key, person(854, '冯批二'), 'b2'), await submitInNanjing(r.baseUrl, key, person(855, '陈批三'), 'b3')]
  await page.goto(`${r.baseUrl}/console/#/queue`)
  await page.reload({ waitUntil: 'networkidle' })
  for (const id of ids) await queueRow(id).locator('.ant-checkbox-input').check()
  // Meanwhile another reviewer rejects the third one.
  await staffJson(nanjing, `/v1/review/applications/${ids[2]}/reject`, { reason: '非货车司机' })
  await page.getByRole('button', { name: '批量批准（3）' }).click()
  await modalOk().click()
  const result = page.locator('.ant-modal-confirm-title').filter({ hasText: '未能批准' })
  await result.waitFor()
  expect(await result.innerText()).toBe('已批准 2 份，1 份未能批准')
  const failures = await page.getByTestId('batch-failures').innerText()
  expect(failures).toContain('**三')
  expect(failures).toContain('不能执行该操作')
  await page.screenshot({ path: join(artifacts, 'batch-result.png'), fullPage: true })
  await page.locator('.ant-modal-confirm-btns .ant-btn').last().click()
  const statuses = await queryRows<{ id: string; status: string }>(r, `select id, status from applications where id in ('${ids.join("','")}') order by id`)
  expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [ids[0] as string]: 'approved', [ids[1] as string]: 'approved', [ids[2] as string]: 'rejected' })
})

it('confirms a member’s request to leave and expels a member with a reason on the members page', async () => {
  const leaver = await nanjingMember(r.baseUrl, key, nanjing, person(856, '褚退会'), 'leaver')
  await (await driverSession(r.baseUrl, key, 'leaver')).membership.leave({ reason: 'no_longer_driving', note: '回老家了' })
  const expelled = await nanjingMember(r.baseUrl, key, nanjing, person(857, '卫除名'), 'expelled')
  await page.goto(`${r.baseUrl}/console/#/members`)
  await page.reload({ waitUntil: 'networkidle' })
  const leaveRow = page.getByTestId('leave-requests').locator('.ant-table-row').filter({ hasText: leaver.card })
  await leaveRow.waitFor()
  expect(await leaveRow.innerText()).toContain('不再从事货运')
  expect(await leaveRow.innerText()).toContain('回老家了')
  await page.screenshot({ path: join(artifacts, 'members-leave-requests.png'), fullPage: true })
  await leaveRow.getByRole('button', { name: '确认退会' }).click()
  await modalOk().click()
  await expect.poll(() => page.getByTestId('leave-requests').locator('.ant-table-row').filter({ hasText: leaver.card }).count()).toBe(0)
  expect((await queryRows<{ status: string }>(r, `select status from members where card_number = '${leaver.card}'`))[0]?.status).toBe('withdrawn')

  await page.locator('#card_number').fill(expelled.card)
  await page.getByRole('button', { name: /查\s*询/ }).click()
  const actions = page.getByTestId(`member-actions-${expelled.card}`)
  await actions.waitFor()
  await actions.getByRole('button', { name: '开除会籍' }).click()
  // Without a reason it cannot be done: the OK button stays off, nothing changes.
  await page.locator('#member-reason-expel').waitFor()
  expect(await modalOk().isDisabled()).toBe(true)
  expect(await page.locator('#member-reason-expel').getAttribute('placeholder')).toBe('开除会籍须写明理由')
  expect((await queryRows<{ status: string }>(r, `select status from members where card_number = '${expelled.card}'`))[0]?.status).toBe('active')
  await page.fill('#member-reason-expel', '严重违反工会章程')
  await modalOk().click()
  await expect.poll(async () => (await queryRows<{ status: string }>(r, `select status from members where card_number = '${expelled.card}'`))[0]?.status).toBe('expelled')
  await see(browser, page, '已除名')
  await page.screenshot({ path: join(artifacts, 'members-expelled.png'), fullPage: true })
  expect(errors).toEqual([])
  expect(browser.problems).toEqual([])
})
