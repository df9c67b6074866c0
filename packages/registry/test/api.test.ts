// The registry over real HTTP, on SQLite and on PostgreSQL: the contract end to end.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import type { ApplicationSubmit } from '@ruhui/core/contract'
import { verifyWebhook } from '@ruhui/core/node'
import { verifyCard } from '@ruhui/registry'
import { type TestIdentity, makeTestIdNumber, testConsents, testCharter, testIdentities } from '@ruhui/testing'
import { eachDialect } from './dialects'
import { queryRows, runSql } from './row-counts'

const submission = (who: TestIdentity, county = '320115', orgId = 'org_nf_320115'): ApplicationSubmit => ({
  applicant: { ...who, employment_form: 'platform_self_employed' },
  base_region: { county },
  org_id: orgId,
  consents: testConsents(),
  charter: testCharter(),
})

eachDialect('registry API', (registry, dialect) => {
  const setup = () => {
    const r = registry()
    const platform = r.cli(['platform', 'create', '--name', '示例平台', '--id', `P-${Math.random().toString(36).slice(2, 8)}`])
    const reviewer = r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京审核员'])
    const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: platform.secret_key as string, transport: createFetchTransport() })
    const asReviewer = (path: string, init: RequestInit = {}) => fetch(`${r.baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${reviewer.key}`, ...(init.headers ?? {}) } })
    const driverFor = async (user: string) => {
      const s = await api.joinSessions.create({ platform_user_id: user })
      return { session: s, client: createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport() }) }
    }
    return { r, platform, reviewer, api, asReviewer, driverFor }
  }

  it('serves health and its OpenAPI document', async () => {
    const r = registry()
    expect(await (await fetch(`${r.baseUrl}/health`)).json()).toMatchObject({ status: 'ok', storage: dialect })
    const doc = (await (await fetch(`${r.baseUrl}/openapi.json`)).json()) as { openapi: string }
    expect(doc.openapi).toBe('3.1.0')
  })

  it('a driver joins: session, match, submit; the union approves; the e-card verifies offline', async () => {
    const { api, asReviewer, driverFor, r } = setup()
    const { client, session } = await driverFor('driver-1')
    expect((await api.joinSessions.create({ platform_user_id: 'driver-1' })).join_token).toBe(session.join_token) // idempotent per user
    const match = await client.organisations.match({ employment_form: 'platform_self_employed', base_region: { county: '320115' } })
    expect(match.candidates[0]?.org_id).toBe('org_nf_320115')
    const app = await client.applications.submit(submission(testIdentities.standard))
    expect(app).toMatchObject({ status: 'under_review', org_id: 'org_nf_320115', tier: 'industry' })
    expect((await api.joinSessions.retrieve(session.id)).status).toBe('completed')

    const queue = (await (await asReviewer('/v1/review/applications')).json()) as { data: Array<{ id: string; applicant: { id_number: string } }> }
    const mine = queue.data.find((a) => a.id === app.id)
    expect(mine?.applicant.id_number).toBe('3201**********1230') // masked until revealed
    const revealed = (await (await asReviewer(`/v1/review/applications/${app.id}?reveal=true`)).json()) as { applicant: { id_number: string; masked: boolean } }
    expect(revealed.applicant).toMatchObject({ id_number: testIdentities.standard.id_number, masked: false })

    const approved = (await (await asReviewer(`/v1/review/applications/${app.id}/approve`, { method: 'POST' })).json()) as { status: string; member_card: { qr_payload: string; number: string } }
    expect(approved.status).toBe('approved')
    const { public_key_pem } = (await (await fetch(`${r.baseUrl}/v1/card-public-key`)).json()) as { public_key_pem: string }
    const claims = verifyCard(public_key_pem, approved.member_card.qr_payload)
    expect(claims).toMatchObject({ no: approved.member_card.number, org: 'org_nf_320115', name: '**试' })
    // Tamper with a character in the middle of the signature (the last one carries padding bits).
    const [tag, claimsPart, sig] = approved.member_card.qr_payload.split('.') as [string, string, string]
    const flipped = sig.slice(0, 10) + (sig[10] === 'A' ? 'B' : 'A') + sig.slice(11)
    expect(verifyCard(public_key_pem, [tag, claimsPart, flipped].join('.'))).toBeUndefined()
    const forgedClaims = Buffer.from(JSON.stringify({ ...claims, org: 'org_elsewhere' })).toString('base64url')
    expect(verifyCard(public_key_pem, [tag, forgedClaims, sig].join('.'))).toBeUndefined()
    expect((await api.applications.retrieve(app.id)).status).toBe('approved')
  })

  it('an existing member is told to transfer; the two unions release and accept; the join date is kept', async () => {
    const { driverFor, asReviewer, r } = setup()
    const person = { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence: '555' }) }
    const first = await driverFor('mover-a')
    const app = await first.client.applications.submit(submission(person))
    await asReviewer(`/v1/review/applications/${app.id}/approve`, { method: 'POST' })
    const memberOf = async () => (await queryRows<{ org_id: string; join_date: string; updated_at: string }>(r, `select org_id, join_date, updated_at from members where application_id = '${app.id}'`))[0]
    const joined = await memberOf()
    expect(joined?.org_id).toBe('org_nf_320115')
    await runSql(r, `update members set join_date = '2024-05-01' where application_id = '${app.id}'`) // joined long ago
    const second = await driverFor('mover-b')
    await expect(second.client.applications.submit(submission(person, '320506', 'org_nf_320506'))).rejects.toMatchObject({ code: 'transfer_required', statusCode: 409 })
    const t = await second.client.transfers.request({ to_org_id: 'org_tw_320115001', reason: 'relocation' })
    expect(t).toMatchObject({ status: 'requested', from_org_id: 'org_nf_320115' })
    const release = await asReviewer(`/v1/review/transfers/${t.id}/release`, { method: 'POST' })
    expect(((await release.json()) as { status: string }).status).toBe('released')
    const accept = await asReviewer(`/v1/review/transfers/${t.id}/accept`, { method: 'POST' })
    expect(((await accept.json()) as { status: string }).status).toBe('completed')
    expect((await second.client.transfers.retrieve(t.id)).status).toBe('completed')
    const moved = await memberOf()
    expect(moved).toMatchObject({ org_id: 'org_tw_320115001', join_date: '2024-05-01' }) // the new union, the old join date
    expect(moved?.updated_at).not.toBe(joined?.updated_at)
  })

  it('rejects and asks for information with reasons; assigns awaiting applications', async () => {
    const { driverFor, asReviewer } = setup()
    const a = await (await driverFor('rej')).client.applications.submit(submission({ ...testIdentities.standard, id_number: makeTestIdNumber({ sequence: '556' }) }))
    const noReason = await asReviewer(`/v1/review/applications/${a.id}/reject`, { method: 'POST' })
    expect([noReason.status, ((await noReason.json()) as { error: { code: string } }).error.code]).toEqual([400, 'parameter_missing'])
    const info = await asReviewer(`/v1/review/applications/${a.id}/request_info`, { method: 'POST', body: JSON.stringify({ reason: '请补充驾驶证照片' }) })
    expect(((await info.json()) as { status: string }).status).toBe('needs_info')
    const rej = await asReviewer(`/v1/review/applications/${a.id}/reject`, { method: 'POST', body: JSON.stringify({ reason: '非货车司机' }) })
    expect(((await rej.json()) as { status_reason: { message: string } }).status_reason.message).toBe('非货车司机')
  })

  it('nothing covers the driver: the county federation is offered, and assigns a union', async () => {
    const { driverFor, r } = setup()
    const { client } = await driverFor('far-away')
    const m = await client.organisations.match({ employment_form: 'platform_self_employed', base_region: { county: '341321' } })
    expect([m.status, m.assigner?.org_id]).toEqual(['needs_assignment', 'org_lf_341321'])
    const app = await client.applications.submit(submission({ ...testIdentities.standard, id_number: makeTestIdNumber({ sequence: '558' }) }, '341321', 'org_lf_341321'))
    expect(app.status).toBe('awaiting_assignment')
    const county = r.cli(['reviewer', 'create', '--org', 'org_lf_341321', '--name', '砀山县审核员'])
    const townships = (await (await fetch(`${r.baseUrl}/v1/organisations?region_prefix=341321&q=%E5%B7%A5%E4%BC%9A`, { headers: { authorization: `Bearer ${county.key}` } })).json()) as { error?: unknown }
    expect(townships.error).toMatchObject({ code: 'forbidden' }) // search is for platforms and drivers, not reviewers
    const target = (await client.organisations.search({ region_prefix: '341321', limit: 50 })).data.find((o) => o.type === 'township_union')
    const assigned = await fetch(`${r.baseUrl}/v1/review/applications/${app.id}/assign`, { method: 'POST', headers: { authorization: `Bearer ${county.key}` }, body: JSON.stringify({ org_id: target?.id }) })
    expect(((await assigned.json()) as { status: string; org_id: string })).toMatchObject({ status: 'under_review', org_id: target?.id })
  })

  it('delivers signed events to the platform through the outbox, retrying until the receiver answers', async () => {
    const r = registry()
    const received: Array<{ type: string }> = []
    let failFirst = 1
    const hook = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        if (failFirst-- > 0) return res.writeHead(503).end()
        try {
          received.push(verifyWebhook(Buffer.concat(chunks), req.headers['ruhui-signature'], platform.webhook_secret as string))
          res.writeHead(200).end()
        } catch {
          res.writeHead(400).end()
        }
      })
    })
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve))
    const platform = r.cli(['platform', 'create', '--name', '有回调的平台', '--id', 'P-HOOK', '--webhook-url', `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`])
    const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: platform.secret_key as string, transport: createFetchTransport() })
    const s = await api.joinSessions.create({ platform_user_id: 'hooked' })
    const driver = createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport() })
    await driver.applications.submit(submission({ ...testIdentities.standard, id_number: makeTestIdNumber({ sequence: '557' }) }))
    for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((res) => setTimeout(res, 100))
    hook.close()
    expect(received.map((e) => e.type)).toEqual(['application.submitted'])
  })

  it('join tokens refresh in place and expire', async () => {
    const { api, driverFor } = setup()
    const { client, session } = await driverFor('refresher')
    const fresh = await api.joinSessions.refresh(session.id)
    expect(fresh.join_token).not.toBe(session.join_token)
    await expect(client.organisations.search({ q: '江宁' })).rejects.toMatchObject({ code: 'invalid_token' })
    client.setJoinToken(fresh.join_token as string)
    expect((await client.organisations.search({ q: '江宁区新业态' })).data[0]?.id).toBe('org_nf_320115')
  })

  it('pilot statistics count what happened', async () => {
    const { asReviewer } = setup()
    const stats = (await (await asReviewer('/v1/stats')).json()) as { funnel: { submitted: number; approved: number }; by_tier: Record<string, number> }
    expect(stats.funnel.submitted).toBeGreaterThanOrEqual(3)
    expect(stats.funnel.approved).toBeGreaterThanOrEqual(2)
    expect(stats.by_tier.industry).toBeGreaterThanOrEqual(3)
  })
})
