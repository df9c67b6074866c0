// End to end in real Chromium: the h5 build of the example driver app, served by a real
// registry process (SQLite), with the example platform backend in its own process minting the
// join session. A driver goes from "加入工会" to a submitted application, and the application
// is in the registry. Screenshots of every step: .artifacts/e2e-driver/.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { testIdentities } from '@ruhui/testing'
import { type RegistryInstance, startRegistry } from '../../../packages/registry/test/registry-process'
import { type Browser, openBrowser } from './browser'

const root = join(import.meta.dirname, '../../..')
const h5 = join(import.meta.dirname, '../dist/h5')
const artifacts = join(root, '.artifacts/e2e-driver')
let registry: RegistryInstance
let platform: { child: ChildProcess; url: string }
let browser: Browser

function startPlatformBackend(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(root, 'examples/platform-backend/server.mjs')], { env: { ...process.env, ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) resolve({ child, url: m[1]! })
    })
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    child.on('exit', (code) => reject(new Error(`platform backend exited (${code}): ${out}`)))
  })
}

beforeAll(async () => {
  if (!existsSync(join(h5, 'index.html'))) throw new Error(`${h5}/index.html is missing: run \`npm run build\` first`)
  registry = await startRegistry({ dialect: 'sqlite' }, { RUHUI_APP_DIR: h5 })
  const keys = registry.cli(['platform', 'create', '--name', '端到端测试平台', '--id', 'P-E2E'])
  platform = await startPlatformBackend({ RUHUI_REGISTRY_URL: registry.baseUrl, RUHUI_SECRET_KEY: keys.secret_key, RUHUI_WEBHOOK_SECRET: keys.webhook_secret, CORS_ORIGINS: registry.baseUrl })
  ;(registry as RegistryInstance & { secretKey: string }).secretKey = keys.secret_key as string
  browser = await openBrowser(artifacts)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  platform?.child.kill('SIGTERM')
  await registry?.stop()
  registry?.cleanup()
})

/** Wait for a text; on a timeout, say what the page shows and what went wrong in it. */
async function see(text: string) {
  try {
    await browser.page.getByText(text).first().waitFor({ timeout: 15_000 })
  } catch (e) {
    await browser.shot('failed').catch(() => undefined)
    const body = await browser.page.locator('body').innerText().catch(() => '')
    throw new Error(`"${text}" did not appear. The page shows: ${body.slice(0, 500)} | problems: ${browser.problems.join('; ')} | ${(e as Error).message.split('\n')[0]}`)
  }
}

it('a driver goes from 加入工会 on "我的" to a submitted application that the registry holds', async () => {
  const { page, shot, problems } = browser
  const who = testIdentities.standard
  await page.goto(`${registry.baseUrl}/?platform=${encodeURIComponent(platform.url)}#/pages/me/index`, { waitUntil: 'networkidle' })
  await see('尚未加入工会')
  await shot('me')

  await page.getByText('加入工会', { exact: true }).click()
  await see('加入工会，有组织有依靠')
  await see('入会后可以享受')
  await shot('intro')

  await page.getByText('开始入会', { exact: true }).click()
  await see('敏感个人信息处理同意')
  await shot('consent')

  await page.getByText('同意并继续', { exact: true }).click()
  await see('填写身份信息')
  const field = (name: string) => page.locator(`#ruhui-field-${name} input, input#ruhui-field-${name}`).first()
  await field('name').fill(who.name)
  await field('idNumber').fill('320102198503151231') // a wrong check digit first: the message shows under the field
  await see('身份证件号码校验位不正确，请逐位核对')
  await shot('identity-error')
  await field('idNumber').fill(who.id_number)
  await field('mobile').fill(who.mobile)
  await page.getByText('个体司机（平台接单）', { exact: true }).click()
  await field('county').fill('320115')
  await shot('identity')

  await page.getByText('下一步', { exact: true }).click()
  await see('选择工会')
  await shot('union')

  await page.getByText('提交申请', { exact: true }).click()
  await see('申请已提交')
  await shot('submitted')

  // The registry holds it: the platform sees its status (never the driver's data) …
  const list = await fetch(`${registry.baseUrl}/v1/applications`, { headers: { authorization: `Bearer ${(registry as RegistryInstance & { secretKey: string }).secretKey}` } })
  const apps = (await list.json()) as { data: Array<{ status: string; org_id: string; platform_id: string }> }
  expect(apps.data).toHaveLength(1)
  expect(apps.data[0]).toMatchObject({ status: 'under_review', platform_id: 'P-E2E' })
  // … and the union's reviewer for Nanjing has it in the queue, masked.
  const reviewer = registry.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京市总工会审核员'])
  const queue = (await (await fetch(`${registry.baseUrl}/v1/review/applications`, { headers: { authorization: `Bearer ${reviewer.key}` } })).json()) as { data: Array<{ applicant: { name: string } }> }
  expect(queue.data).toHaveLength(1)
  expect(JSON.stringify(queue.data[0])).not.toContain(who.id_number)
  expect(problems).toEqual([])
}, 90_000)
