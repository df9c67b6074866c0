// Regression tests for two races, on the real SQLite file and a real PostgreSQL, with the registry
// in this process so the moment of each call is chosen: (1) the transfer sweeper read what was due
// outside its transaction and refused a transfer accepted meanwhile (the transfer said `rejected`
// while the member had moved), and a reviewer could act on a transfer after its `expires_at`;
// (2) two admins rolling the same key at once both succeeded, the first one's new key silently
// retired (or, across PostgreSQL processes, a 500 from the unique index): now one gets a clean 409;
// (3) an event written within seconds of `platform set-webhook` (another process) was never
// delivered: whether the platform had an address was cached per process and never cleared.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { makeTestIdNumber, testConsents, testCharter, testIdentities } from '@ruhui/testing'
import type { Caller } from '../src/domain/context'
import { rollPlatformSecret } from '../src/domain/key-rotation'
import { deliverDue } from '../src/domain/outbox'
import { actOnTransfer, expireTransfers } from '../src/domain/transfers'
import { type PgCluster, createDatabase, startPgCluster } from './pg-cluster.mjs'
import { type InProcessRegistry, startInProcess } from './in-process-registry'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>
let cluster: PgCluster | undefined
afterAll(() => cluster?.stop())

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`races [${dialect}]`, () => {
    let r: InProcessRegistry
    let admin: Reviewer
    beforeAll(async () => {
      let url: string | undefined
      if (dialect === 'postgres') {
        cluster ??= await startPgCluster()
        url = createDatabase(cluster.url, `ruhui_races_${process.pid}`)
      }
      r = await startInProcess(url, { RUHUI_TRANSFER_TIMEOUT_MS: '60000' })
      const created = r.cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '江苏省总工会管理员', '--role', 'admin'])
      admin = { kind: 'reviewer', id: created.reviewer_id as string, reviewerId: created.reviewer_id as string, orgId: 'org_lf_32', role: 'admin' }
    })
    afterAll(async () => r?.close())

    /** A member of a Nanjing union asking to move to Suzhou; the source has released them. */
    async function releasedTransfer(sequence: string) {
      const p = r.cli(['platform', 'create', '--name', `转接平台${sequence}`, '--id', `P-RACE-${sequence}`])
      const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: p.secret_key as string, transport: createFetchTransport() })
      const person = { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence }) }
      const body = (county: string, org: string) => ({ applicant: { ...person, employment_form: 'platform_self_employed' as const }, base_region: { county }, org_id: org, consents: testConsents(undefined, ['share_membership_with_platform']), charter: testCharter() }) // the platform may hear of the transfer
      const driver = async (user: string) => createRegistryClient({ baseUrl: r.baseUrl, joinToken: (await api.joinSessions.create({ platform_user_id: user })).join_token as string, transport: createFetchTransport() })
      const app = await (await driver(`${sequence}-1`)).applications.submit(body('320115', 'org_nf_320115'))
      const ctx = r.ctx
      const { reviewAct } = await import('../src/domain/review')
      await reviewAct(ctx, admin, app.id, 'approve', {})
      const d2 = await driver(`${sequence}-2`)
      await expect(d2.applications.submit(body('320506', 'org_nf_320506'))).rejects.toMatchObject({ code: 'transfer_required' })
      const t = await d2.transfers.request({ to_org_id: 'org_nf_320506', reason: 'job_change' })
      await actOnTransfer(ctx, admin, t.id, 'release')
      return t.id
    }

    const stateOf = async (transferId: string) => {
      const db = r.ctx.db
      const t = await db.selectFrom('transfers').select(['status', 'person_key', 'from_org_id', 'to_org_id']).where('id', '=', transferId).executeTakeFirstOrThrow()
      const m = await db.selectFrom('members').select(['org_id', 'status']).where('person_key', '=', t.person_key).executeTakeFirstOrThrow()
      const events = await db.selectFrom('events').select(['type']).where('payload', 'like', `%${transferId}%`).execute()
      return { transfer: t.status, memberOrg: m.org_id, memberStatus: m.status, from: t.from_org_id, to: t.to_org_id, events: events.map((e) => e.type).sort() }
    }

    it('an accept racing the expiry sweep past expires_at: refused with a clear error, the transfer refused once, the member still at the source', async () => {
      const id = await releasedTransfer('611')
      const ctx = r.ctx
      const realNow = ctx.now
      ctx.now = () => realNow() + 120_000 // two minutes on: the one-minute transfer ran out
      try {
        // Past expires_at, before any sweep: refused, saying why.
        await expect(actOnTransfer(ctx, admin, id, 'accept')).rejects.toMatchObject({ code: 'invalid_request', extra: { message: expect.stringMatching(/已超过办理期限/) } })
        expect((await stateOf(id)).transfer).toBe('released')
        // Now racing the sweep (on SQLite the accept's write queues first; on PostgreSQL either may).
        const [accepted, swept] = await Promise.allSettled([actOnTransfer(ctx, admin, id, 'accept'), expireTransfers(ctx)])
        expect(accepted).toMatchObject({ status: 'rejected', reason: { code: 'invalid_request' } })
        expect(swept).toMatchObject({ status: 'fulfilled', value: 1 })
      } finally {
        ctx.now = realNow
      }
      const s = await stateOf(id)
      expect(s).toMatchObject({ transfer: 'rejected', memberOrg: s.from, memberStatus: 'active' })
      expect(s.events).toEqual(['transfer.rejected', 'transfer.requested'])
      // Sweeping again finds nothing to do: nothing is refused twice.
      ctx.now = () => realNow() + 120_000
      try {
        expect(await expireTransfers(ctx)).toBe(0)
      } finally {
        ctx.now = realNow
      }
    })

    it('accepted just in time, then the sweep: the transfer stays completed and the member moved', async () => {
      const id = await releasedTransfer('612')
      const ctx = r.ctx
      await actOnTransfer(ctx, admin, id, 'accept')
      const realNow = ctx.now
      ctx.now = () => realNow() + 120_000
      try {
        expect(await expireTransfers(ctx)).toBe(0)
        await expect(actOnTransfer(ctx, admin, id, 'reject')).rejects.toMatchObject({ code: 'invalid_request' })
      } finally {
        ctx.now = realNow
      }
      const s = await stateOf(id)
      expect(s).toMatchObject({ transfer: 'completed', memberOrg: s.to, memberStatus: 'active' })
      expect(s.events).toEqual(['transfer.completed', 'transfer.requested'])
    })

    it('two admins rolling the same key at once: one succeeds, the other gets a clean 409 (lock_conflict), and the new key is the one shown', async () => {
      const p = r.cli(['platform', 'create', '--name', '轮换竞争平台', '--id', 'P-ROLL-RACE'])
      const ctx = r.ctx
      // Open the pool's connections first, so that the four reads of the current key are at once.
      await Promise.all(Array.from({ length: 8 }, () => ctx.db.selectFrom('platforms').select('id').where('id', '=', 'P-ROLL-RACE').execute()))
      const results = await Promise.allSettled([0, 1, 2, 3].map(() => rollPlatformSecret(ctx, admin, 'P-ROLL-RACE', { what: 'secret_key', expires_in_hours: 1 })))
      const won = results.flatMap((x) => (x.status === 'fulfilled' ? [x.value] : []))
      const lost = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')
      expect(won).toHaveLength(1)
      expect(lost.map((x) => (x.reason as { code: string }).code)).toEqual(['lock_conflict', 'lock_conflict', 'lock_conflict'])
      const { ERROR_CODES } = await import('@ruhui/core/contract')
      expect(ERROR_CODES.lock_conflict.status).toBe(409)
      // The winner's key works; the key before it is honoured for the overlap; nothing else was retired.
      const key = won[0]?.secret_key as string
      const session = async (k: string) => (await fetch(`${r.baseUrl}/v1/join-sessions`, { method: 'POST', headers: { authorization: `Bearer ${k}`, 'content-type': 'application/json' }, body: JSON.stringify({ platform_user_id: `roll-${k.slice(-6)}` }) })).status
      expect(await session(key)).toBe(201)
      expect(await session(p.secret_key as string)).toBe(201)
      const retired = await ctx.db.selectFrom('retired_secrets').select(['id']).where('owner_id', '=', 'P-ROLL-RACE').execute()
      expect(retired).toHaveLength(1)
      // Rolled again afterwards (not at once): no conflict.
      await expect(rollPlatformSecret(ctx, admin, 'P-ROLL-RACE', { what: 'secret_key', expires_in_hours: 0 })).resolves.toMatchObject({ object: 'platform' })
    })

    it('an event right after `platform set-webhook` (run by another process) is delivered to the new address', async () => {
      const received: string[] = []
      const hook = createServer((req, res) => {
        const chunks: Buffer[] = []
        req.on('data', (c: Buffer) => chunks.push(c))
        req.on('end', () => {
          received.push((JSON.parse(Buffer.concat(chunks).toString()) as { data: { object: { id: string } } }).data.object.id)
          res.writeHead(200).end()
        })
      })
      await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve))
      try {
        const p = r.cli(['platform', 'create', '--name', '后设地址平台', '--id', 'P-HOOK-LATE'])
        const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: p.secret_key as string, transport: createFetchTransport() })
        const submit = async (sequence: string) => {
          const s = await api.joinSessions.create({ platform_user_id: `hook-${sequence}` })
          const person = { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence }) }
          return createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport() }).applications.submit({ applicant: { ...person, employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter: testCharter() })
        }
        const before = await submit('621') // no address yet: nothing to deliver
        r.cli(['platform', 'set-webhook', '--id', 'P-HOOK-LATE', '--webhook-url', `http://127.0.0.1:${(hook.address() as AddressInfo).port}/events`])
        const after = await submit('622') // a moment later, on this process
        for (let i = 0; i < 3; i++) await deliverDue(r.ctx)
        expect(received).toEqual([after.id])
        expect(received).not.toContain(before.id)
      } finally {
        hook.close()
      }
    })
  })
}
