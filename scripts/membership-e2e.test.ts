// A whole membership in real Chromium (issue #16): one registry process (SQLite), the registry's
// hosted page /join (the @ruhui/taro flow and member centre), its console and its /verify page.
// A driver joins → the Nanjing union approves in the console → later the driver opens the app
// again (a new session) and sees 我的会籍 with the e-card and its QR code (the screenshot's pixels
// are read back with jsQR) → /verify says valid → the driver moves from Nanjing to Hefei, Nanjing
// releases and Hefei accepts in the console → the card names the Hefei union → the driver leaves,
// Hefei confirms in the console → /verify says revoked, and the app offers joining again. Screenshots: .artifacts/e2e-membership/.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import jsQR from 'jsqr'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { makeTestIdNumber } from '@ruhui/testing'
import { person, staffClient, staffJson, submitInNanjing } from '../packages/registry/test/membership-fixtures'
import { type RegistryInstance, startRegistry } from '../packages/registry/test/registry-process'
import { type Browser, openBrowser, see } from './browser'

const root = join(import.meta.dirname, '..')
const artifacts = join(root, '.artifacts/e2e-membership')
const PLATFORM = 'P-MEMBER'
let registry: RegistryInstance
let secretKey: string
let browser: Browser
let njKey: string
const errors: string[] = []
const driver = { name: '周会籍', id_number: makeTestIdNumber({ regionCode: '320102', birthDate: '1983-09-12', sequence: '517' }), mobile: '13900005170' }
const masked = `**${driver.name.slice(-1)}`

beforeAll(async () => {
  const built = join(root, 'packages/hosted-join/dist/index.html')
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first`)
  registry = await startRegistry({ dialect: 'sqlite' })
  secretKey = registry.cli(['platform', 'create', '--name', '会籍测试平台', '--id', PLATFORM]).secret_key as string
  njKey = registry.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京审核员', '--login', 'nj', '--password', 'pw-membership-nj']).key as string
  registry.cli(['reviewer', 'create', '--org', 'org_lf_3401', '--name', '合肥审核员', '--login', 'hf', '--password', 'pw-membership-hf'])
  browser = await openBrowser(artifacts)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await registry?.stop()
  registry?.cleanup()
})

/** What the platform's backend does when the driver opens the union entry: a session for this driver, opened at its hosted_url. */
async function openApp(platformUserId = 'member-driver-1'): Promise<Page> {
  const res = await fetch(`${registry.baseUrl}/v1/join-sessions`, { method: 'POST', headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ platform_user_id: platformUserId }) })
  const session = (await res.json()) as { hosted_url: string }
  const page = await browser.context.newPage()
  page.on('pageerror', (e) => errors.push(`driver pageerror: ${e.message}`))
  await page.goto(session.hosted_url)
  return page
}

async function console_(login: string, password: string): Promise<Page> {
  const page = await browser.context.newPage()
  await page.setViewportSize({ width: 1400, height: 900 })
  page.on('pageerror', (e) => errors.push(`${login} pageerror: ${e.message}`))
  await page.goto(`${registry.baseUrl}/console/`, { waitUntil: 'networkidle' })
  await page.fill('#login', login)
  await page.fill('#password', password)
  await page.locator('button[type=submit]').click()
  await page.getByTestId('who').waitFor()
  return page
}

/** Tap the button whose words are exactly these (a button's text element would hand the tap to the button). */
const press = (page: Page, words: string) => page.locator('.ruhui-btn').filter({ hasText: new RegExp(`^\\s*${words}\\s*$`) }).first().click()

/** The QR code as the screen shows it: the element's screenshot, its pixels read in the page's canvas, then jsQR. */
async function readQrOnScreen(page: Page): Promise<string> {
  const png = await page.locator('.ruhui-qr').screenshot({ path: join(artifacts, 'qr.png') })
  const { width, height, data } = await page.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.naturalWidth
    c.height = img.naturalHeight
    const ctx = c.getContext('2d') as CanvasRenderingContext2D
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, c.width, c.height)
    ctx.drawImage(img, 0, 0)
    return { width: c.width, height: c.height, data: Array.from(ctx.getImageData(0, 0, c.width, c.height).data) }
  }, png.toString('base64'))
  // jsQR wants a quiet zone: the drawn code has one inside its white square, and a margin is added around it.
  const pad = 40
  const w = width + 2 * pad
  const h = height + 2 * pad
  const framed = new Uint8ClampedArray(w * h * 4).fill(255)
  for (let y = 0; y < height; y++) framed.set(data.slice(y * width * 4, (y + 1) * width * 4), ((y + pad) * w + pad) * 4)
  const code = jsQR(framed, w, h)
  if (!code) throw new Error('the QR code on the screen could not be read')
  return code.data
}

/** The registry's /verify page, as a 司机之家 uses it: the code pasted (or scanned) and checked. */
async function verify(payload: string, shot: string): Promise<string> {
  const page = await browser.context.newPage()
  page.on('pageerror', (e) => errors.push(`verify pageerror: ${e.message}`))
  await page.goto(`${registry.baseUrl}/verify`)
  await page.fill('#payload', payload)
  await page.click('#check')
  await page.locator('#result:not([hidden])').waitFor()
  await page.screenshot({ path: join(artifacts, `${shot}.png`), fullPage: true })
  const text = await page.locator('#result').innerText()
  await page.close()
  return text
}

it('join → approve → the card on a new session → valid → move Nanjing to Hefei, both unions act → the card names Hefei → leave, confirmed → revoked', async () => {
  // 1. The driver joins through the platform's app (the hosted page).
  const first = await openApp()
  await see(browser, first, '加入工会，有组织有依靠')
  await first.getByText('开始入会', { exact: true }).click()
  await see(browser, first, '敏感个人信息处理同意')
  await press(first, '同意')
  await see(browser, first, '填写身份信息')
  const field = (name: string) => first.locator(`#ruhui-field-${name} input, input#ruhui-field-${name}`).first()
  await field('name').fill(driver.name)
  await field('idNumber').fill(driver.id_number)
  await field('mobile').fill(driver.mobile)
  await first.getByText('个体司机（平台接单）', { exact: true }).click()
  // The home county from the lists: the province, then type-ahead in the picker.
  await first.locator('.ruhui-province').filter({ hasText: '江苏省' }).click()
  await first.locator('.ruhui-picker__search input, input.ruhui-picker__search').first().fill('江宁')
  await first.locator('.ruhui-picker__item').filter({ hasText: '江宁区' }).first().click()
  await see(browser, first, '南京市 江宁区')
  await first.getByText('下一步', { exact: true }).click()
  // The union (确认), the provision to it (同意), the declaration (同意并提交): each its own step.
  await see(browser, first, '选择工会')
  await press(first, '确认')
  await see(browser, first, '向工会提供个人信息')
  await press(first, '同意')
  await see(browser, first, '入会声明')
  await press(first, '同意并提交')
  await see(browser, first, '申请已提交')
  await first.screenshot({ path: join(artifacts, '01-submitted.png'), fullPage: true })
  await first.close()

  // 2. Nanjing's reviewer approves it in the console.
  const nj = await console_('nj', 'pw-membership-nj')
  await nj.goto(`${registry.baseUrl}/console/#/queue`)
  const row = nj.locator('.ant-table-row').filter({ hasText: masked })
  await row.first().waitFor()
  await row.first().click()
  await nj.locator('.ant-drawer').getByRole('button', { name: '批准入会' }).click()
  await see(browser, nj, '已批准')
  await nj.screenshot({ path: join(artifacts, '02-approved.png'), fullPage: true })

  // 3. Later the driver opens the app again: a new session, and 我的会籍 instead of the join flow.
  let later = await openApp()
  await see(browser, later, '我的会籍')
  await see(browser, later, '工会会员电子会员卡')
  await see(browser, later, '南京')
  const cardNumber = (await later.locator('.ruhui-ecard__number').innerText()).trim()
  expect(cardNumber).toMatch(/^RH\d{16}$/)
  expect(await later.locator('.ruhui-ecard').innerText()).toContain(masked.replace('**', ''))
  expect(await later.locator('body').innerText()).not.toContain(driver.id_number)
  await later.screenshot({ path: join(artifacts, '03-member-centre.png'), fullPage: true })
  const payload = await readQrOnScreen(later)
  expect(payload).toMatch(/^RUHUI1\./)

  // 4. A 司机之家 checks it on /verify.
  const valid = await verify(payload, '04-verify-valid')
  expect(valid).toContain('有效：该会员卡有效')
  expect(valid).toContain(cardNumber)
  expect(valid).toContain('南京')

  // 5. The driver moves to Hefei (蜀山区): finds the unions there, chooses one, asks.
  await later.getByText('转移会籍（接转）', { exact: true }).click()
  await later.getByText('常驻地变了', { exact: true }).click()
  // The new base in words: 蜀山 finds 安徽省 合肥市 蜀山区.
  await later.locator('.ruhui-member__place-search input, input.ruhui-member__place-search').first().fill('蜀山')
  await later.locator('.ruhui-member__place').filter({ hasText: '安徽省 合肥市 蜀山区' }).first().click()
  await see(browser, later, '安徽省 合肥市 蜀山区')
  await later.getByText('查找新地方的工会', { exact: true }).click()
  await see(browser, later, '请选择接收您的工会')
  const target = later.locator('.ruhui-member__panel .ruhui-union').first()
  const targetName = (await target.locator('.ruhui-union__name').innerText()).trim()
  expect(targetName).toContain('合肥')
  await target.click()
  await later.getByText('提交转移申请', { exact: true }).click()
  await see(browser, later, '已提交转移申请')
  await see(browser, later, '会籍转移办理中')
  await later.screenshot({ path: join(artifacts, '05-move-requested.png'), fullPage: true })

  // 6. Nanjing releases, Hefei accepts, each in its own console.
  await nj.goto(`${registry.baseUrl}/console/#/transfers`)
  await nj.reload({ waitUntil: 'networkidle' })
  const njRow = nj.locator('.ant-table-row').filter({ hasText: masked.replace('**', '*') }).first()
  await njRow.waitFor()
  await njRow.getByRole('button', { name: /同意转出/ }).click()
  await see(browser, nj, '已转出待转入')
  await nj.screenshot({ path: join(artifacts, '06-released.png'), fullPage: true })
  const hf = await console_('hf', 'pw-membership-hf')
  await hf.goto(`${registry.baseUrl}/console/#/transfers`)
  const hfRow = hf.locator('.ant-table-row').filter({ hasText: masked.replace('**', '*') }).first()
  await hfRow.waitFor()
  await hfRow.getByRole('button', { name: /同意转入/ }).click()
  await see(browser, hf, '已完成')
  await hf.screenshot({ path: join(artifacts, '07-accepted.png'), fullPage: true })

  // 7. The driver opens the app again: the card names the Hefei union, same number.
  await later.close()
  later = await openApp()
  await see(browser, later, '工会会员电子会员卡')
  await see(browser, later, targetName)
  expect(await later.locator('.ruhui-ecard').innerText()).toContain(targetName)
  expect((await later.locator('.ruhui-ecard__number').innerText()).trim()).toBe(cardNumber)
  await later.screenshot({ path: join(artifacts, '08-card-hefei.png'), fullPage: true })
  const reissued = await readQrOnScreen(later)
  expect(reissued).not.toBe(payload)
  expect(await verify(reissued, '09-verify-hefei')).toContain(targetName)
  // The Nanjing card was replaced: no longer in force.
  expect(await verify(payload, '10-verify-old-card')).toContain('已作废')

  // 8. The driver leaves; the Hefei union confirms it in the console.
  await later.getByText('退会', { exact: true }).click()
  await later.getByText('申请退会', { exact: true }).waitFor()
  await later.getByText('确认申请退会', { exact: true }).click()
  await see(browser, later, '请选择退会原因')
  await later.getByText('不再从事货运', { exact: true }).click()
  await later.getByText('确认申请退会', { exact: true }).click()
  await see(browser, later, '已提交退会申请，等待工会确认。')
  await later.screenshot({ path: join(artifacts, '11-leave-requested.png'), fullPage: true })
  await hf.goto(`${registry.baseUrl}/console/#/members`)
  await hf.reload({ waitUntil: 'networkidle' })
  const leaveRow = hf.getByTestId('leave-requests').locator('.ant-table-row').filter({ hasText: masked }).first()
  await leaveRow.waitFor()
  expect(await leaveRow.innerText()).toContain('不再从事货运')
  await leaveRow.getByRole('button', { name: /确认退会/ }).click()
  await hf.locator('.ant-modal-confirm-btns .ant-btn-primary').click()
  await see(browser, hf, '暂无待确认的退会申请')
  await hf.screenshot({ path: join(artifacts, '12-leave-confirmed.png'), fullPage: true })

  // 9. /verify says the card is revoked; opened again, the app offers joining (a former member may join again), no card.
  expect(await verify(reissued, '13-verify-revoked')).toContain('已作废：该会员卡已失效')
  await later.close()
  later = await openApp()
  await see(browser, later, '加入工会，有组织有依靠')
  expect(await later.locator('.ruhui-ecard').count()).toBe(0)
  await later.screenshot({ path: join(artifacts, '14-after-leaving.png'), fullPage: true })
  expect(errors, errors.join('\n')).toEqual([])
}, 240_000)

/** A small real JPEG, made by the browser's own encoder (what a phone camera hands over). */
async function jpegFromBrowser(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas')
    c.width = 320
    c.height = 200
    const ctx = c.getContext('2d') as CanvasRenderingContext2D
    ctx.fillStyle = '#2b6cb0'
    ctx.fillRect(0, 0, 320, 200)
    ctx.fillStyle = '#fff'
    ctx.font = '28px sans-serif'
    ctx.fillText('驾驶证（测试）', 40, 110)
    return c.toDataURL('image/jpeg', 0.8).split(',')[1] as string
  })
  return Buffer.from(b64, 'base64')
}

it('the review loop: the union asks for the plate and the driving licence; the driver, opening the app later, answers in 我的会籍 with a photo chosen on the phone; the application is back in review, the reviewer gets the photo, approves, and the driver has a card', async () => {
  const who = person(611, '郑补充')
  const applicationId = await submitInNanjing(registry.baseUrl, secretKey, who, 'review-loop-driver')
  const nanjing = staffClient(registry.baseUrl, njKey)
  await staffJson(nanjing, `/v1/review/applications/${applicationId}/request_info`, { reason: '请补充车牌号，并上传驾驶证照片', fields: ['plate'], documents: ['driving_licence_photo'] })

  const page = await openApp('review-loop-driver')
  await see(browser, page, '工会请您补充材料')
  await see(browser, page, '您的入会申请正在办理中。')
  await see(browser, page, '请补充车牌号，并上传驾驶证照片')
  await see(browser, page, '驾驶证照片')
  await page.screenshot({ path: join(artifacts, '21-info-requested.png'), fullPage: true })
  // Sending without the answers: each is asked for in words, nothing is sent.
  await page.getByText('提交补充材料', { exact: true }).click()
  await see(browser, page, '请添加这张照片')
  const plate = page.locator('.ruhui-info__input--plate input, input.ruhui-info__input--plate').first()
  await plate.fill('苏A1')
  await page.getByText('提交补充材料', { exact: true }).click()
  await see(browser, page, /车牌/)
  await plate.fill('苏A12345')
  // The photo: the phone's picker (Taro.chooseImage → a file chooser on h5), checked, uploaded at once.
  const jpeg = await jpegFromBrowser(page)
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.ruhui-info__choose').first().click()])
  await chooser.setFiles({ name: 'licence.jpg', mimeType: 'image/jpeg', buffer: jpeg })
  await see(browser, page, '已选择照片')
  await page.screenshot({ path: join(artifacts, '22-info-filled.png'), fullPage: true })
  await page.getByText('提交补充材料', { exact: true }).click()
  await see(browser, page, '已提交，申请重新进入审核。')
  await page.screenshot({ path: join(artifacts, '23-info-sent.png'), fullPage: true })

  // The registry holds the answer: under review again, the photo for the reviewer, byte for byte.
  const seen = await staffJson<{ status: string; information_requests?: Array<{ upload_ids: string[] }> }>(nanjing, `/v1/review/applications/${applicationId}`)
  expect(seen.status).toBe('under_review')
  const uploadId = JSON.stringify(seen).match(/upl_[A-Za-z0-9_]+/)?.[0]
  expect(uploadId).toBeTruthy()
  const photo = await nanjing(`/v1/review/uploads/${uploadId}`)
  expect(photo.status).toBe(200)
  expect(Buffer.from(await photo.arrayBuffer()).equals(jpeg)).toBe(true)

  // Approved: opened again, the app is 我的会籍 with the card.
  await staffJson(nanjing, `/v1/review/applications/${applicationId}/approve`, {})
  await page.close()
  const after = await openApp('review-loop-driver')
  await see(browser, after, '工会会员电子会员卡')
  expect(await after.locator('.ruhui-ecard__number').innerText()).toMatch(/RH\d{16}/)
  await after.screenshot({ path: join(artifacts, '24-approved-card.png'), fullPage: true })
  await after.close()
  expect(errors, errors.join('\n')).toEqual([])
}, 120_000)
