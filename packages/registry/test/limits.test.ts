// Rate limits per credential, and transfers that are not finished in time being refused.
import { expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { makeTestIdNumber, testConsents, testCharter, testIdentities } from '@ruhui/testing'
import { eachDialect } from './dialects'

eachDialect(
  'limits and time-outs',
  (registry) => {
    it('a join token gets 429 with Retry-After past its rate, a secret key keeps its own budget', async () => {
      const r = registry()
      const p = r.cli(['platform', 'create', '--name', '限流平台', '--id', 'P-RL'])
      const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: p.secret_key as string, transport: createFetchTransport() })
      const s = await api.joinSessions.create({ platform_user_id: 'busy' })
      const statuses: number[] = []
      let retryAfter: string | null = null
      for (let i = 0; i < 8; i++) {
        const res = await fetch(`${r.baseUrl}/v1/member-services`, { headers: { authorization: `Bearer ${s.join_token}` } })
        statuses.push(res.status)
        if (res.status === 429) {
          retryAfter = res.headers.get('retry-after')
          expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited')
        }
      }
      expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]) // a burst of twice the rate
      expect(statuses).toContain(429)
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
      expect((await api.health()).status).toBe('ok')
    })

    it('a transfer not released and accepted in time is refused, and the member stays where they were', async () => {
      const r = registry()
      const p = r.cli(['platform', 'create', '--name', '转接平台', '--id', 'P-TO'])
      const reviewer = r.cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '省'])
      const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: p.secret_key as string, transport: createFetchTransport() })
      const person = { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence: '444' }) }
      const body = (county: string, org: string) => ({ applicant: { ...person, employment_form: 'platform_self_employed' as const }, base_region: { county }, org_id: org, consents: testConsents(), charter: testCharter() })
      const s1 = await api.joinSessions.create({ platform_user_id: 'first' })
      const app = await createRegistryClient({ baseUrl: r.baseUrl, joinToken: s1.join_token as string, transport: createFetchTransport() }).applications.submit(body('320115', 'org_nf_320115'))
      await fetch(`${r.baseUrl}/v1/review/applications/${app.id}/approve`, { method: 'POST', headers: { authorization: `Bearer ${reviewer.key}` } })
      const s2 = await api.joinSessions.create({ platform_user_id: 'second' })
      const d2 = createRegistryClient({ baseUrl: r.baseUrl, joinToken: s2.join_token as string, transport: createFetchTransport() })
      await d2.applications.submit(body('320506', 'org_nf_320506')).catch(() => undefined)
      const t = await d2.transfers.request({ to_org_id: 'org_nf_320506', reason: 'job_change' })
      let status = t.status as string
      for (let i = 0; i < 40 && status !== 'rejected'; i++) {
        await new Promise((res) => setTimeout(res, 100))
        status = (await d2.transfers.retrieve(t.id)).status
      }
      expect(status).toBe('rejected')
      // Still a member at the source: a new application is told to transfer again, not let in twice.
      const s3 = await api.joinSessions.create({ platform_user_id: 'third' })
      await expect(createRegistryClient({ baseUrl: r.baseUrl, joinToken: s3.join_token as string, transport: createFetchTransport() }).applications.submit(body('320506', 'org_nf_320506'))).rejects.toMatchObject({ code: 'transfer_required' })
    })
  },
  { RUHUI_RATE_LIMIT_TOKEN: '2', RUHUI_TRANSFER_TIMEOUT_MS: '500' },
)
