// Crash safety: SIGKILL the registry in the middle of a submission load, restart it, and every
// application that had been acknowledged is there — and nothing half-written.
import { expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { makeTestIdNumber, testConsents, testCharter, testIdentities } from '@ruhui/testing'
import { eachDialect } from './dialects'

eachDialect('crash safety', (registry) => {
  it('every acknowledged application survives a SIGKILL; no half-written submission', async () => {
    const r = registry()
    const p = r.cli(['platform', 'create', '--name', '压测平台', '--id', 'P-CRASH'])
    const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: p.secret_key as string, transport: createFetchTransport(), maxRetries: 0 })
    const sessions = await Promise.all(Array.from({ length: 300 }, (_, i) => api.joinSessions.create({ platform_user_id: `crash-${i}` })))
    const acknowledged: string[] = []
    let killed = false
    const submitOne = async (i: number) => {
      const d = createRegistryClient({ baseUrl: r.baseUrl, joinToken: sessions[i]?.join_token as string, transport: createFetchTransport(), maxRetries: 0, timeoutMs: 5000 })
      const app = await d.applications.submit({
        applicant: { ...testIdentities.standard, id_number: makeTestIdNumber({ birthDate: `19${70 + (i % 30)}-01-${String(1 + (i % 28)).padStart(2, '0')}`, sequence: String(100 + i).padStart(3, '0').slice(-3) }), employment_form: 'platform_self_employed' },
        base_region: { county: '320115' },
        org_id: 'org_nf_320115',
        consents: testConsents(),
        charter: testCharter(),
      })
      acknowledged.push(app.id)
    }
    // 300 submissions, 20 at a time; the kill lands while they are in flight.
    const load = (async () => {
      for (let i = 0; i < 300; i += 20) await Promise.allSettled(Array.from({ length: 20 }, (_, k) => submitOne(i + k)))
    })()
    while (acknowledged.length < 60) await new Promise((res) => setTimeout(res, 5))
    await r.stop('SIGKILL')
    killed = true
    await load
    expect(killed).toBe(true)
    expect(acknowledged.length).toBeGreaterThanOrEqual(60)
    expect(acknowledged.length).toBeLessThan(300) // the kill really interrupted the load

    await r.restart()
    const after = createRegistryClient({ baseUrl: r.baseUrl, secretKey: p.secret_key as string, transport: createFetchTransport() })
    for (const id of acknowledged) expect((await after.applications.retrieve(id)).status).toBe('under_review')
    // Nothing half-written: every stored application has its completed session and its event, and vice versa.
    const all: string[] = []
    for (let cursor: string | undefined; ; ) {
      const page = await after.applications.list({ limit: 100, ...(cursor ? { starting_after: cursor } : {}) })
      all.push(...page.data.map((a) => a.id))
      if (!page.has_more) break
      cursor = page.next_cursor ?? undefined
    }
    expect(all.length).toBeGreaterThanOrEqual(acknowledged.length)
    for (const s of sessions) {
      const now = await after.joinSessions.retrieve(s.id)
      if (now.application_id) expect(all).toContain(now.application_id)
      else expect(now.status).toBe('open')
    }
    const completed = (await Promise.all(sessions.map((s) => after.joinSessions.retrieve(s.id)))).filter((s) => s.status === 'completed')
    expect(completed.length).toBe(all.length)
  })
})
