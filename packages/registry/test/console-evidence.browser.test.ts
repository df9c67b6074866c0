// The application drawer's identity evidence (issue #13) in real Chromium against a real registry
// process: a check the platform's backend sent with its secret key shows as 平台后台已核验, one only
// the phone claimed as 设备声明; a field that differs from the platform's prefill and a member's ID
// number under another name are flagged; the charter declaration and the consents are listed. No
// error in the browser's console. Screenshots: .artifacts/console-evidence/.
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { makeTestIdNumber, testCharter, testConsents } from '@ruhui/testing'
import { type Browser, openBrowser, see } from '../../../scripts/browser'
import { type RegistryInstance, startRegistry } from './registry-process'

const artifacts = join(import.meta.dirname, '../../../.artifacts/console-evidence')
let r: RegistryInstance
let browser: Browser
const errors: string[] = []
const ids = { evidence: '', duplicate: '' }

const post = async (path: string, auth: string, body: unknown) => {
  const res = await fetch(`${r.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const json = (await res.json()) as Record<string, any>
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`)
  return json
}
const submission = (name: string, idNumber: string, mobile: string, extra: Record<string, unknown> = {}) => ({
  applicant: { name, id_number: idNumber, mobile, employment_form: 'platform_self_employed' },
  base_region: { county: '320115' },
  org_id: 'org_nf_320115',
  consents: testConsents(undefined, ['share_membership_with_platform']),
  charter: testCharter(),
  ...extra,
})

beforeAll(async () => {
  r = await startRegistry({ dialect: 'sqlite' })
  const secret = r.cli(['platform', 'create', '--name', '平台甲', '--id', 'P-EV'])['secret_key'] as string
  const reviewer = r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京审核员', '--login', 'nj-ev', '--password', 'pw-evidence-1'])['key'] as string
  // A member, approved.
  const memberId = makeTestIdNumber({ regionCode: '320115', birthDate: '1983-05-05', sequence: '611' })
  const s1 = await post('/v1/join-sessions', secret, { platform_user_id: 'member' })
  const member = await post('/v1/applications', s1.join_token, submission('黄会员', memberId, '13600000001'))
  await post(`/v1/review/applications/${member.id}/approve`, reviewer, {})
  // Someone else with the member's ID number: taken in, flagged.
  const s2 = await post('/v1/join-sessions', secret, { platform_user_id: 'someone-else' })
  ids.duplicate = (await post('/v1/applications', s2.join_token, submission('何冒用', memberId, '13600000002'))).id
  // The platform verified the driver and prefilled a mobile; the driver sent another; the phone claims a face check.
  const idNumber = makeTestIdNumber({ regionCode: '320115', birthDate: '1991-09-09', sequence: '612' })
  const s3 = await post('/v1/join-sessions', secret, { platform_user_id: 'verified', prefill: { name: '罗核验', id_number: idNumber, mobile: '13600000003', verified: { method: 'platform_realname', verified_at: '2026-11-01T09:00:00.000+08:00' } } })
  ids.evidence = (await post('/v1/applications', s3.join_token, submission('罗核验', idNumber, '13600000004', { identity_verification: { method: 'face_match', verified_at: '2026-11-28T10:01:00.000+08:00' } }))).id
  browser = await openBrowser(artifacts)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await r?.stop()
  r?.cleanup()
})

async function drawerOf(id: string) {
  const page = await browser.context.newPage()
  await page.setViewportSize({ width: 1400, height: 1000 })
  page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && errors.push(`${m.text()} (${m.location().url})`))
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('response', (res) => res.status() >= 400 && errors.push(`${res.status()} ${res.url()}`))
  await page.goto(`${r.baseUrl}/console/`, { waitUntil: 'networkidle' })
  await page.fill('#login', 'nj-ev')
  await page.fill('#password', 'pw-evidence-1')
  await page.locator('button[type=submit]').click()
  await page.getByTestId('who').waitFor()
  await page.locator(`.ant-table-row[data-row-key="${id}"]`).click()
  await page.getByTestId('identity-evidence').waitFor()
  // The drawer slides in: wait until it stands still before looking (and photographing).
  await page.waitForFunction(() => {
    const el = document.querySelector('.ant-drawer-content-wrapper')
    const w = window as unknown as { lastLeft?: number }
    const left = el ? el.getBoundingClientRect().left : -1
    const still = left >= 0 && w.lastLeft === left
    w.lastLeft = left
    return still
  }, undefined, { polling: 100 })
  return page
}

it('evidence by source: 平台后台已核验 and 设备声明; the mobile that differs from the prefill is flagged', async () => {
  const page = await drawerOf(ids.evidence)
  await see(browser, page, '平台后台已核验')
  const box = page.getByTestId('identity-evidence')
  expect(await box.getByTestId('evidence-platform_backend').innerText()).toBe('平台后台已核验')
  expect(await box.getByTestId('evidence-device').innerText()).toBe('设备声明')
  expect(await box.innerText()).toContain('平台实名认证')
  expect(await box.innerText()).toContain('人脸核验')
  expect(await page.getByTestId('prefill-mismatch').innerText()).toContain('手机号码')
  expect(await box.innerText()).toMatch(/入会声明[\s\S]*已确认/)
  expect(await box.innerText()).toContain('允许平台知道我已入会')
  await page.screenshot({ path: join(artifacts, 'evidence-by-source.png') })
  await page.close()
})

it('a member’s ID number under another name: the reviewer sees the possible duplicate', async () => {
  const page = await drawerOf(ids.duplicate)
  await see(browser, page, '可能重复')
  expect(await page.getByTestId('possible-duplicate').innerText()).toMatch(/可能重复：该证件号码已是.+的会员（正常）/)
  await page.screenshot({ path: join(artifacts, 'possible-duplicate.png') })
  await page.close()
  expect(errors).toEqual([])
})
