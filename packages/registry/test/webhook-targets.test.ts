// Issue #19, finding 5, as the attack: a platform's endpoint answered 307 and the registry re-POSTed
// the signed event to 127.0.0.1. Now no redirect is followed (a 3xx is a failed delivery), and
// loopback, link-local (cloud metadata), private and reserved addresses are refused when a webhook
// is registered (API and CLI) and again at delivery, unless RUHUI_ALLOW_PRIVATE_WEBHOOKS=1 (as the
// demo runs). Both dialects: deliveries are stored.
import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { makeTestIdNumber, testConsents, testCharter, testIdentities } from '@ruhui/testing'
import { eachDialect } from './dialects'
import type { RegistryInstance } from './registry-process'
import { queryRows, rowCounts, runSql } from './row-counts'

/** A local HTTP server that counts requests and answers with `answer`. */
function server(answer: (res: import('node:http').ServerResponse) => void) {
  const hits: string[] = []
  const s: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`)
    req.resume()
    req.on('end', () => answer(res))
  })
  return { hits, s, url: (path: string) => `http://127.0.0.1:${(s.address() as AddressInfo).port}${path}`, start: () => new Promise<void>((res) => s.listen(0, '127.0.0.1', res)) }
}
const trap = server((res) => res.end('ok')) // where a redirect would lead: must never be reached
const redirecting = server((res) => {
  res.writeHead(307, { location: trap.url('/stolen') })
  res.end()
})
beforeAll(async () => {
  await trap.start()
  await redirecting.start()
})
afterAll(() => {
  trap.s.close()
  redirecting.s.close()
})

let n = 0
/** One application from the platform's driver: the registry records an event for the platform. */
async function submitFor(r: RegistryInstance, secretKey: string) {
  const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey, transport: createFetchTransport() })
  const s = await api.joinSessions.create({ platform_user_id: `hook-${++n}` })
  const driver = createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport() })
  await driver.applications.submit({ applicant: { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence: String(600 + n) }), employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter: testCharter() })
}

async function firstAttempt(r: RegistryInstance, platformId: string) {
  for (let i = 0; i < 100; i++) {
    const rows = await queryRows<{ status: string; attempts: number; last_status: number | null; last_error: string | null }>(r, `select status, attempts, last_status, last_error from deliveries where platform_id = '${platformId}'`)
    if (rows[0] && Number(rows[0].attempts) > 0) return rows[0]
    await new Promise((res) => setTimeout(res, 100))
  }
  throw new Error('no delivery attempted')
}

eachDialect(
  'webhook redirects (private addresses allowed, as in the demo)',
  (registry) => {
    it('a 307 from the platform is a failed delivery: the signed event is not sent on to 127.0.0.1', async () => {
      const r = registry()
      const p = r.cli(['platform', 'create', '--name', '重定向平台', '--id', 'P-307', '--webhook-url', redirecting.url('/hook')])
      await submitFor(r, p.secret_key as string)
      const d = await firstAttempt(r, 'P-307')
      expect(d).toMatchObject({ status: 'pending', last_status: 307 })
      expect(redirecting.hits.length).toBeGreaterThan(0)
      await new Promise((res) => setTimeout(res, 300))
      expect(trap.hits).toEqual([])
    })
  },
  { RUHUI_ALLOW_PRIVATE_WEBHOOKS: '1' },
)

eachDialect(
  'webhook targets (private addresses refused)',
  (registry) => {
    let admin = ''
    beforeAll(() => {
      admin = registry().cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '江苏省管理员', '--role', 'admin'])['key'] as string
    })

    it('loopback, link-local, metadata, private and reserved addresses are refused at registration (API and CLI)', async () => {
      const r = registry()
      const before = await rowCounts(r)
      const bad = ['http://127.0.0.1:9/hook', trap.url('/x'), 'http://localhost/hook', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/hook', 'http://10.1.2.3/hook', 'http://192.168.0.10/', 'http://172.16.5.4/', 'http://100.64.0.1/', 'http://[::ffff:127.0.0.1]/', 'http://0x7f000001/', 'http://2130706433/', 'http://[fd00:ec2::254]/', 'http://0.0.0.0/', 'http://user:pw@example.com/hook']
      for (const url of bad) {
        const res = await fetch(`${r.baseUrl}/v1/review/platforms`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: JSON.stringify({ name: '内网平台', webhook_url: url }) })
        const err = ((await res.json()) as { error: { code: string; param: string; message: string } }).error
        expect([url, res.status, err.param]).toEqual([url, 400, 'webhook_url'])
        expect(err.message).toMatch(/[\u4e00-\u9fff]/)
      }
      expect(() => r.cli(['platform', 'create', '--name', '内网平台', '--webhook-url', 'http://169.254.169.254/'])).toThrow(/refused/)
      r.cli(['platform', 'create', '--name', '无回调平台', '--id', 'P-NOHOOK'])
      expect(() => r.cli(['platform', 'set-webhook', '--id', 'P-NOHOOK', '--webhook-url', 'http://127.0.0.1:9/'])).toThrow(/refused/)
      expect((await rowCounts(r)).platforms).toBe((before.platforms as number) + 1)
    })

    it('an address that turns private after registration is refused at delivery, and nothing reaches it', async () => {
      const r = registry()
      const p = r.cli(['platform', 'create', '--name', '改址平台', '--id', 'P-TURNED'])
      // Stands for a name that resolved to a public address when registered and to 127.0.0.1 now.
      await runSql(r, `update platforms set webhook_url = '${trap.url('/turned')}' where id = 'P-TURNED'`)
      await submitFor(r, p.secret_key as string)
      expect(await firstAttempt(r, 'P-TURNED')).toMatchObject({ status: 'pending', last_status: null, last_error: 'webhook_target_refused' })
      expect(trap.hits).toEqual([])
    })
  },
  { RUHUI_ALLOW_PRIVATE_WEBHOOKS: '0' },
)
