// Rolling and disabling credentials, against real registry processes on both dialects: a rolled
// key keeps working for the overlap the admin chose and is then refused as expired; while two
// webhook secrets are valid every delivery carries both signatures; a disabled platform's keys and
// join tokens are refused and its webhooks stop; a partner's key rolls and is disabled the same way.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { verifyWebhook } from '@ruhui/core/node'
import { makeTestIdNumber, testConsents, testCharter, testIdentities } from '@ruhui/testing'
import { eachDialect } from './dialects'
import { queryRows, runSql } from './row-counts'

type Json = Record<string, unknown> & { error?: { code: string; param?: string; message: string } }

eachDialect('key rotation', (registry) => {
  let admin: (path: string, body?: unknown) => Promise<{ status: number; body: Json }>
  let reviewerKey = ''
  const deliveries: Array<{ raw: Buffer; header: string }> = []
  const hook = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      deliveries.push({ raw: Buffer.concat(chunks), header: String(req.headers['ruhui-signature']) })
      res.writeHead(200).end()
    })
  })
  afterAll(() => void hook.close())

  beforeAll(async () => {
    const r = registry()
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve))
    const adminKey = r.cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '江苏省总工会管理员', '--role', 'admin'])['key'] as string
    reviewerKey = r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京审核员'])['key'] as string
    admin = async (path, body) => {
      const res = await fetch(`${r.baseUrl}${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${adminKey}` }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
      return { status: res.status, body: (await res.json()) as Json }
    }
  })

  const call = async (path: string, key: string, body?: unknown) => {
    const res = await fetch(`${registry().baseUrl}${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${key}` }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    return { status: res.status, body: (await res.json()) as Json }
  }
  const createSession = (key: string, user: string) => call('/v1/join-sessions', key, { platform_user_id: user })

  it('a rolled secret key works alongside the new one for the overlap, then is refused as expired; with 0 h it stops at once', async () => {
    const created = await admin('/v1/review/platforms', { name: '轮换测试平台' })
    const id = created.body.id as string
    const first = created.body.secret_key as string
    const rolled = await admin(`/v1/review/platforms/${id}/roll`, { what: 'secret_key', expires_in_hours: 2 })
    expect(rolled.status).toBe(200)
    const second = rolled.body.secret_key as string
    expect(second).toMatch(/^sk_live_/)
    expect(second).not.toBe(first)
    const hoursLeft = (Date.parse(rolled.body.previous_expires_at as string) - Date.now()) / 3_600_000
    expect(hoursLeft).toBeGreaterThan(1.9)
    expect(hoursLeft).toBeLessThanOrEqual(2)
    expect((await createSession(first, 'old-key')).status).toBe(201)
    expect((await createSession(second, 'new-key')).status).toBe(201)
    const listed = (await admin('/v1/review/platforms')).body.data as Array<Record<string, unknown>>
    expect(listed.find((p) => p.id === id)).toMatchObject({ old_secret_key_expires_at: rolled.body.previous_expires_at, old_webhook_secret_expires_at: null, revoked_at: null })

    // The overlap runs out: the old key is refused as expired, with a message saying so.
    await runSql(registry(), `update retired_secrets set expires_at = '2000-01-01T00:00:00.000Z' where owner_id = '${id}'`)
    const late = await createSession(first, 'too-late')
    expect(late.status).toBe(401)
    expect(late.body.error).toMatchObject({ code: 'api_key_expired', message: '该密钥已轮换，旧密钥已过期，请使用新密钥' })
    expect((await createSession(second, 'still-new')).status).toBe(201)

    // With no overlap the key it replaces stops at once.
    const third = (await admin(`/v1/review/platforms/${id}/roll`, { what: 'secret_key', expires_in_hours: 0 })).body.secret_key as string
    expect((await createSession(second, 'replaced')).status).toBe(401)
    expect((await createSession(third, 'newest')).status).toBe(201)
    const audit = await queryRows<{ action: string }>(registry(), `select action from audit_log where subject = '${id}' order by id`)
    expect(audit.map((a) => a.action)).toEqual(['platform_create', 'platform_roll_secret_key', 'platform_roll_secret_key'])
  })

  it('while two webhook secrets are valid each delivery is signed with both; a disabled platform is refused and gets no more events', async () => {
    const r = registry()
    const created = await admin('/v1/review/platforms', { name: '回调轮换平台', webhook_url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook` })
    const id = created.body.id as string
    const key = created.body.secret_key as string
    const oldSecret = created.body.webhook_secret as string
    const rolled = await admin(`/v1/review/platforms/${id}/roll`, { what: 'webhook_secret' })
    const newSecret = rolled.body.webhook_secret as string
    expect(newSecret).toMatch(/^whsec_/)
    const hoursLeft = (Date.parse(rolled.body.previous_expires_at as string) - Date.now()) / 3_600_000
    expect(Math.round(hoursLeft)).toBe(24) // the default overlap

    const platform = createRegistryClient({ baseUrl: r.baseUrl, secretKey: key, transport: createFetchTransport() })
    const s = await platform.joinSessions.create({ platform_user_id: 'hooked-driver' })
    const driver = createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport() })
    const app = await driver.applications.submit({ applicant: { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence: '611' }), employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter: testCharter() })
    for (let i = 0; i < 50 && deliveries.length === 0; i++) await new Promise((res) => setTimeout(res, 100))
    expect(deliveries).toHaveLength(1)
    const [d] = deliveries as [{ raw: Buffer; header: string }]
    expect(d.header.match(/v1=/g)).toHaveLength(2)
    // A receiver still on the old secret and one already on the new both verify it.
    expect(verifyWebhook(d.raw, d.header, oldSecret).type).toBe('application.submitted')
    expect(verifyWebhook(d.raw, d.header, newSecret).type).toBe('application.submitted')

    // Disabled: the secret key and the driver's join token are refused, and events stop.
    const revoked = await admin(`/v1/review/platforms/${id}/revoke`, {})
    expect(revoked.status).toBe(200)
    expect(revoked.body.revoked_at).toEqual(expect.any(String))
    expect((await admin(`/v1/review/platforms/${id}/revoke`, {})).body.revoked_at).toBe(revoked.body.revoked_at) // twice: the same
    const refused = await createSession(key, 'after-revoke')
    expect(refused.status).toBe(401)
    expect(refused.body.error?.code).toBe('api_key_expired')
    const asDriver = await call(`/v1/applications/${app.id}`, s.join_token as string)
    expect(asDriver.status).toBe(401)
    expect(asDriver.body.error?.code).toBe('invalid_token')
    // The union still decides the application; the event is kept but not sent.
    expect((await call(`/v1/review/applications/${app.id}/approve`, reviewerKey, {})).status).toBe(200)
    await new Promise((res) => setTimeout(res, 800)) // eight polls of the outbox
    expect(deliveries).toHaveLength(1)
    const pending = await queryRows<{ status: string }>(r, `select deliveries.status from deliveries where platform_id = '${id}' order by id`)
    expect(pending.map((p) => p.status)).toEqual(['delivered', 'pending'])
    expect((await admin(`/v1/review/platforms/${id}/roll`, { what: 'secret_key' })).status).toBe(400) // nothing to roll on a disabled platform
  })

  it('a partner key rolls and is disabled; bad requests name the field; only admins may', async () => {
    const created = await admin('/v1/review/partners', { name: '江苏省物流协会（测试）', kind: 'industry_association', region_prefixes: ['32'] })
    const id = created.body.id as string
    const first = created.body.key as string
    const second = (await admin(`/v1/review/partners/${id}/roll`, { expires_in_hours: 0 })).body.key as string
    expect(second).toMatch(/^pk_live_/)
    expect((await call('/v1/sharing/aggregates', first)).status).toBe(401)
    expect((await call('/v1/sharing/aggregates', second)).status).toBe(200)
    expect(((await admin('/v1/review/partners')).body.data as Array<Record<string, unknown>>).find((p) => p.id === id)).toMatchObject({ old_key_expires_at: null, revoked_at: null })
    await admin(`/v1/review/partners/${id}/revoke`, {})
    const refused = await call('/v1/sharing/aggregates', second)
    expect(refused.status).toBe(401)
    expect(refused.body.error).toMatchObject({ code: 'api_key_expired', message: '该单位的数据共享已停用，密钥不再有效' })

    const platformId = (await admin('/v1/review/platforms', { name: '参数测试平台' })).body.id as string
    for (const [body, param] of [[{ what: 'password' }, 'what'], [{}, 'what'], [{ what: 'secret_key', expires_in_hours: 169 }, 'expires_in_hours'], [{ what: 'secret_key', expires_in_hours: 1.5 }, 'expires_in_hours'], [{ what: 'secret_key', expires_in_hours: '24' }, 'expires_in_hours']] as const) {
      const res = await admin(`/v1/review/platforms/${platformId}/roll`, body)
      expect(res.status).toBe(400)
      expect(res.body.error?.param).toBe(param)
    }
    expect((await admin('/v1/review/platforms/plat_nope/roll', { what: 'secret_key' })).status).toBe(404)
    expect((await admin('/v1/review/partners/ptn_nope/revoke', {})).status).toBe(404)
    expect((await call(`/v1/review/platforms/${platformId}/revoke`, reviewerKey, {})).status).toBe(403)
    const untouched = await queryRows<{ revoked_at: string | null }>(registry(), `select revoked_at from platforms where id = '${platformId}'`)
    expect(untouched[0]?.revoked_at).toBeNull()
  })
})
