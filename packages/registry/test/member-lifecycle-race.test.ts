// A union's action on a member racing a change of the member's card (security review L7), on SQLite
// and PostgreSQL with the registry in this process so the moment is chosen: the card is looked up,
// then — before the action's write — the member joins again under a new card number (here: the write
// queue is held by a job that changes it). The action used to end in a 500 (executeTakeFirstOrThrow);
// now it is refused as a conflict (lock_conflict, 409) and nothing is changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { makeTestIdNumber, testCharter, testConsents, testIdentities } from '@ruhui/testing'
import type { Caller } from '../src/domain/context'
import { actOnMember, setMemberStatus } from '../src/domain/member-lifecycle'
import { type PgCluster, createDatabase, startPgCluster } from './pg-cluster.mjs'
import { type InProcessRegistry, startInProcess } from './in-process-registry'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>
let cluster: PgCluster | undefined
afterAll(() => cluster?.stop())

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`a member action racing a new card [${dialect}]`, () => {
    let r: InProcessRegistry
    let admin: Reviewer
    beforeAll(async () => {
      let url: string | undefined
      if (dialect === 'postgres') {
        cluster ??= await startPgCluster()
        url = createDatabase(cluster.url, `ruhui_lifecycle_race_${process.pid}`)
      }
      // One write batch at a time on both dialects: the held job decides the order.
      r = await startInProcess(url, { RUHUI_WRITE_CONCURRENCY: '1' })
      const created = r.cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '江苏省总工会管理员', '--role', 'admin'])
      admin = { kind: 'reviewer', id: created.reviewer_id as string, reviewerId: created.reviewer_id as string, orgId: 'org_lf_32', role: 'admin' }
    })
    afterAll(async () => r?.close())

    async function member(sequence: string): Promise<string> {
      const p = r.cli(['platform', 'create', '--name', `会籍平台${sequence}`, '--id', `P-LC-${sequence}`])
      const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: p.secret_key as string, transport: createFetchTransport() })
      const driver = createRegistryClient({ baseUrl: r.baseUrl, joinToken: (await api.joinSessions.create({ platform_user_id: `lc-${sequence}` })).join_token as string, transport: createFetchTransport() })
      const app = await driver.applications.submit({ applicant: { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence }), employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter: testCharter() })
      const { reviewAct } = await import('../src/domain/review')
      const approved = (await reviewAct(r.ctx, admin, app.id, 'approve', {})) as unknown as { member_card: { number: string } }
      return approved.member_card.number
    }

    for (const [name, act] of [
      ['retain', (card: string) => actOnMember(r.ctx, admin, card, 'retain', '退休')],
      ['status withdrawn', (card: string) => setMemberStatus(r.ctx, admin, card, 'withdrawn', '本人申请')],
    ] as const) {
      it(`${name}: the card changed after the lookup is a conflict, not a 500`, async () => {
        const card = await member(name === 'retain' ? '721' : '722')
        let release = () => {}
        const gate = new Promise<void>((ok) => (release = ok))
        const held = r.ctx.writer.run(async (trx) => {
          await gate
          await trx.updateTable('members').set({ card_number: `${card}-NEW` }).where('card_number', '=', card).execute()
        })
        const acting = act(card).then(
          () => 'done',
          (e: { code?: string }) => e.code ?? String(e),
        )
        await new Promise((ok) => setTimeout(ok, 300)) // the lookup is done; the action's write waits behind the held job
        release()
        await held
        expect(await acting).toBe('lock_conflict')
        const rows = await r.ctx.db.selectFrom('members').select(['status']).where('card_number', '=', `${card}-NEW`).execute()
        expect(rows.map((x) => x.status)).toEqual(['active'])
      })
    }
  })
}
