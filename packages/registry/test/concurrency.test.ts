// 50 concurrent submissions for the same person from different platforms: exactly one
// application and at most one membership. And the same idempotency key with another body.
import { expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient, isRegistryError } from '@ruhui/core/client'
import { makeTestIdNumber, testConsents, testCharter, testIdentities } from '@ruhui/testing'
import { eachDialect } from './dialects'

eachDialect('concurrency', (registry) => {
  it('50 concurrent submissions for one person end in exactly one application and one membership', async () => {
    const r = registry()
    const platforms = Array.from({ length: 5 }, (_, i) => r.cli(['platform', 'create', '--name', `平台${i}`, '--id', `P-C${i}`]))
    const drivers = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: platforms[i % 5]?.secret_key as string, transport: createFetchTransport() })
        const s = await api.joinSessions.create({ platform_user_id: `same-person-${i}` })
        return createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport(), maxRetries: 0 })
      }),
    )
    const person = { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence: '777' }) }
    const results = await Promise.allSettled(
      drivers.map((d) => d.applications.submit({ applicant: { ...person, employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter: testCharter() })),
    )
    const ok = results.filter((x) => x.status === 'fulfilled')
    const refused = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')
    expect(ok).toHaveLength(1)
    expect(new Set(refused.map((x) => (isRegistryError(x.reason) ? x.reason.code : String(x.reason))))).toEqual(new Set(['application_exists']))

    const reviewer = r.cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '省审核员'])
    const appId = (ok[0] as PromiseFulfilledResult<{ id: string }>).value.id
    const approvals = await Promise.all(
      Array.from({ length: 10 }, () => fetch(`${r.baseUrl}/v1/review/applications/${appId}/approve`, { method: 'POST', headers: { authorization: `Bearer ${reviewer.key}` } }).then((x) => x.status)),
    )
    expect(approvals.filter((s) => s === 200)).toHaveLength(1)
    expect(approvals.filter((s) => s !== 200).every((s) => s >= 400 && s < 500)).toBe(true)
    const queue = (await (await fetch(`${r.baseUrl}/v1/stats`, { headers: { authorization: `Bearer ${reviewer.key}` } })).json()) as { funnel: { submitted: number; approved: number } }
    expect(queue.funnel).toMatchObject({ submitted: 1, approved: 1 })
  })

  it('the same idempotency key with a different body is rejected; with the same body it replays', async () => {
    const r = registry()
    const p = r.cli(['platform', 'create', '--name', '幂等平台', '--id', 'P-IDEM'])
    const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: p.secret_key as string, transport: createFetchTransport() })
    const a = await api.joinSessions.create({ platform_user_id: 'u-1' }, { idempotencyKey: 'key-1' })
    const again = await api.joinSessions.create({ platform_user_id: 'u-1' }, { idempotencyKey: 'key-1' })
    expect(again).toEqual(a)
    await expect(api.joinSessions.create({ platform_user_id: 'u-2' }, { idempotencyKey: 'key-1' })).rejects.toMatchObject({ code: 'idempotency_conflict', statusCode: 409 })
    // Concurrent twins with one key: one answer, without relying on client retries (no 500 to hide).
    const once = createRegistryClient({ baseUrl: r.baseUrl, secretKey: p.secret_key as string, transport: createFetchTransport(), maxRetries: 0 })
    const twins = await Promise.all(Array.from({ length: 10 }, () => once.joinSessions.create({ platform_user_id: 'u-3' }, { idempotencyKey: 'key-3' })))
    expect(new Set(twins.map((t) => t.id)).size).toBe(1)
    // The same for a submission: twins of one request create one application and all get it.
    const s = await api.joinSessions.create({ platform_user_id: 'twin-submit' })
    const driver = createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport(), maxRetries: 0 })
    const body = { applicant: { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence: '778' }), employment_form: 'platform_self_employed' as const }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter: testCharter() }
    const apps = await Promise.all(Array.from({ length: 8 }, () => driver.applications.submit(body, { idempotencyKey: 'submit-twin' })))
    expect(new Set(apps.map((a) => a.id)).size).toBe(1)
  })
})
