// End to end in real Chromium: the h5 build of the example driver app, served by a real
// registry process (SQLite), with the example platform backend in its own process minting the
// join session. A driver goes from "加入工会" to a submitted application, and the application
// is in the registry. Screenshots of every step: .artifacts/e2e-driver/.
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { testIdentities } from '@ruhui/testing'
import { type RegistryInstance, startRegistry } from '../packages/registry/test/registry-process'
import { type Browser, joinAsDriver, openBrowser, see } from './browser'
import { startPlatformBackend } from './platform-backend-process'

const root = join(import.meta.dirname, '..')
const h5 = join(root, 'examples/driver-app/dist/h5')
const artifacts = join(root, '.artifacts/e2e-driver')
let registry: RegistryInstance
let platform: { child: ChildProcess; url: string }
let browser: Browser

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

it('a driver goes from 加入工会 on "我的" to a submitted application that the registry holds', async () => {
  const who = testIdentities.standard
  const sent: Record<string, unknown>[] = []
  browser.page.on('request', (r) => {
    if (r.method() === 'POST' && /\/v1\/(organisations\/match|applications)$/.test(new URL(r.url()).pathname)) sent.push(JSON.parse(r.postData() ?? '{}') as Record<string, unknown>)
  })
  await joinAsDriver(browser, `${registry.baseUrl}/?platform=${encodeURIComponent(platform.url)}&driver=new-e2e-driver#/pages/me/index`, who, { shots: true, wrongIdFirst: '320102198503151231', park: '南京某物流园区（示例）' })
  // The park the driver named went with the match and the application (the park tier matches by it) …
  expect(sent.map((b) => b.home_park_id)).toEqual(['PARK-NJ-01', 'PARK-NJ-01'])
  // … and the result names whom to contact: the union's phone, address and office hours.
  await see(browser, browser.page, '工会联系方式：南京市江宁区新业态行业工会联合会（示例）')
  await see(browser, browser.page, '电话：12351')
  await see(browser, browser.page, '办公时间：工作日 9:00–17:00')
  await browser.shot('result-contact')

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
  expect(browser.problems).toEqual([])
}, 90_000)
