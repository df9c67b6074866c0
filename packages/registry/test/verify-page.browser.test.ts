// The /verify page in real Chromium against a real registry process (issue #16): a 司机之家 pastes
// a member's card code, or scans it with the camera (BarcodeDetector and the camera stood in for by
// an init script, as headless Chromium on Linux has neither), and reads valid / revoked / unknown
// with the union and the masked name; a card replaced by a transfer reads revoked; English on the
// switch; a code after # is checked at once. No error in the browser's console (its CSP included).
// Screenshots: .artifacts/verify-page/.
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Browser, openBrowser, see } from '../../../scripts/browser'
import { nanjingMember, person, requestMoveToHefei, staffClient, staffJson } from './membership-fixtures'
import { type RegistryInstance, startRegistry } from './registry-process'

const artifacts = join(import.meta.dirname, '../../../.artifacts/verify-page')
let r: RegistryInstance
let browser: Browser
const cards = { old: '', current: '' }
const consoleErrors: string[] = []

beforeAll(async () => {
  r = await startRegistry({ dialect: 'sqlite' })
  const key = r.cli(['platform', 'create', '--name', '核验平台', '--id', 'P-V'])['secret_key'] as string
  const nanjing = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京'])['key'] as string)
  const hefei = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3401', '--name', '合肥'])['key'] as string)
  const who = person(801, '周核验')
  const { applicationId } = await nanjingMember(r.baseUrl, key, nanjing, who, 'verify-1')
  cards.old = ((await staffJson<{ member_card: { qr_payload: string } }>(nanjing, `/v1/review/applications/${applicationId}`)).member_card ?? { qr_payload: '' }).qr_payload
  const transfer = await requestMoveToHefei(r.baseUrl, key, who, 'verify-1-hefei')
  await staffJson(nanjing, `/v1/review/transfers/${transfer}/release`, {})
  await staffJson(hefei, `/v1/review/transfers/${transfer}/accept`, {})
  cards.current = ((await staffJson<{ member_card: { qr_payload: string } }>(nanjing, `/v1/review/applications/${applicationId}`)).member_card ?? { qr_payload: '' }).qr_payload
  browser = await openBrowser(artifacts)
  browser.page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await r?.stop()
  r?.cleanup()
})

it('pasted codes: valid (naming Hefei after the move), revoked (the Nanjing card it replaced), unknown', async () => {
  expect(cards.current).toMatch(/^RUHUI1\./)
  expect(cards.old).toMatch(/^RUHUI1\./)
  expect(cards.current).not.toBe(cards.old)
  const { page } = browser
  const res = await page.goto(`${r.baseUrl}/verify`)
  expect(res?.headers()['permissions-policy']).toContain('camera=(self)')
  await see(browser, page, '工会电子会员卡核验')
  await see(browser, page, '此浏览器不支持扫码') // no BarcodeDetector here: the field is the way
  await page.locator('#payload').fill(cards.current)
  await page.getByRole('button', { name: '核验' }).click()
  await see(browser, page, '有效：该会员卡有效')
  await expect(page.locator('#union').innerText()).resolves.toContain('合肥')
  await expect(page.locator('#name').innerText()).resolves.toBe('**验')
  await browser.shot('valid')
  await page.locator('#payload').fill(cards.old)
  await page.getByRole('button', { name: '核验' }).click()
  await see(browser, page, '已作废：该会员卡已失效')
  await expect(page.locator('#union').innerText()).resolves.toContain('南京')
  await browser.shot('revoked')
  await page.locator('#payload').fill('RUHUI1.eyJubyI6IlJIMSJ9.AAAA')
  await page.getByRole('button', { name: '核验' }).click()
  await see(browser, page, '无法识别：不是本系统签发的会员卡')
  await expect(page.locator('#union').innerText()).resolves.toBe('—')
  await browser.shot('unknown')
  await page.getByRole('button', { name: 'English' }).click()
  await page.locator('#payload').fill(cards.current)
  await page.getByRole('button', { name: 'Check' }).click()
  await see(browser, page, 'Valid: this card is in force')
  await browser.shot('valid-en')
})

it('a code after # is checked on opening; the camera path reads a QR code and checks it', async () => {
  const page = await browser.context.newPage()
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
  await page.goto(`${r.baseUrl}/verify#${cards.current}`)
  await see(browser, page, '有效：该会员卡有效')
  await page.close()

  const scanning = await browser.context.newPage()
  scanning.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
  // Stand-ins: a camera stream from a canvas, and a BarcodeDetector that finds the card's code after a few frames.
  await scanning.addInitScript((payload: string) => {
    let frames = 0
    ;(window as unknown as { BarcodeDetector: unknown }).BarcodeDetector = class {
      detect() {
        frames += 1
        return Promise.resolve(frames < 3 ? [] : [{ rawValue: payload, format: 'qr_code' }])
      }
    }
    const camera = () => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 64 })
      const g = canvas.getContext('2d') as CanvasRenderingContext2D
      setInterval(() => g.fillRect(0, 0, 1 + (Date.now() % 63), 64), 50) // frames keep coming, as from a camera
      return Promise.resolve(canvas.captureStream(20))
    }
    Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia: camera } })
  }, cards.old)
  await scanning.goto(`${r.baseUrl}/verify`)
  await scanning.getByRole('button', { name: '扫描二维码' }).click()
  await see(browser, scanning, '已作废：该会员卡已失效')
  await expect(scanning.locator('#payload').inputValue()).resolves.toBe(cards.old)
  await expect(scanning.locator('#video').isHidden()).resolves.toBe(true) // the camera stopped once a code was read
  await scanning.screenshot({ path: join(artifacts, 'scan-revoked.png'), fullPage: true })
  await scanning.close()
  expect(consoleErrors).toEqual([])
  expect(browser.problems).toEqual([])
})
