// Photos are kept only while needed (issue #16, DOMAIN.md §6.3), on both dialects: an upload no answer
// used is deleted after a week; the photos of an application rejected 30 days ago too; an answered
// photo of an open or approved application stays. The registry's clock is moved by editing the rows'
// times, as time passing would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { testCharter, testConsents } from '@ruhui/testing'
import type { Caller } from '../src/domain/context'
import { reviewAct } from '../src/domain/review'
import { purgeStaleUploads } from '../src/domain/uploads'
import { makePng } from './image-fixtures'
import { type InProcessRegistry, startInProcess } from './in-process-registry'
import { person } from './membership-fixtures'
import { type PgCluster, createDatabase, startPgCluster } from './pg-cluster.mjs'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>
let cluster: PgCluster | undefined
afterAll(() => cluster?.stop())
const DAY = 86_400_000

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`uploads retention [${dialect}]`, () => {
    let r: InProcessRegistry
    let reviewer: Reviewer
    beforeAll(async () => {
      let url: string | undefined
      if (dialect === 'postgres') {
        cluster ??= await startPgCluster()
        url = createDatabase(cluster.url, `ruhui_uploads_${process.pid}`)
      }
      r = await startInProcess(url)
      const created = r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京'])
      reviewer = { kind: 'reviewer', id: `reviewer:${created.reviewer_id}`, reviewerId: created.reviewer_id as string, orgId: 'org_lf_3201', role: 'reviewer' }
    })
    afterAll(async () => r?.close())

    it('deletes unused uploads after a week and a closed application’s photos after 30 days; keeps the rest', async () => {
      const key = r.cli(['platform', 'create', '--name', '留存平台', '--id', 'P-KEEP'])['secret_key'] as string
      const platform = createRegistryClient({ baseUrl: r.baseUrl, secretKey: key, transport: createFetchTransport() })
      const photo = makePng().toString('base64')
      const asked = async (n: number) => {
        const s = await platform.joinSessions.create({ platform_user_id: `keep-${n}` })
        const driver = createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport() })
        const app = await driver.applications.submit({ applicant: { ...person(40 + n, '陈留存'), employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter: testCharter() })
        await reviewAct(r.ctx, reviewer, app.id, 'request_info', { reason: '请上传驾驶证照片', documents: ['driving_licence_photo'] })
        const used = await driver.uploads.create({ application_id: app.id, purpose: 'driving_licence_photo', data_base64: photo })
        const spare = await driver.uploads.create({ application_id: app.id, purpose: 'driving_licence_photo', data_base64: photo })
        await driver.applications.respond(app.id, { upload_ids: [used.id] })
        return { app: app.id, used: used.id, spare: spare.id }
      }
      const open = await asked(1)
      const rejected = await asked(2)
      await reviewAct(r.ctx, reviewer, rejected.app, 'reject', { reason: '材料不符' })
      const ids = async () => (await r.ctx.db.selectFrom('uploads').select('id').orderBy('id').execute()).map((u) => u.id).sort()
      const all = [open.used, open.spare, rejected.used, rejected.spare].sort()

      expect(await purgeStaleUploads(r.ctx)).toBe(0) // nothing is old yet
      expect(await ids()).toEqual(all)
      const ago = (ms: number) => new Date(r.ctx.now() - ms).toISOString()
      await r.ctx.db.updateTable('uploads').set({ created_at: ago(8 * DAY) }).execute() // a week and a day later
      await r.ctx.db.updateTable('applications').set({ decided_at: ago(29 * DAY) }).where('id', '=', rejected.app).execute()
      expect(await purgeStaleUploads(r.ctx)).toBe(2) // the two spares
      expect(await ids()).toEqual([open.used, rejected.used].sort())
      await r.ctx.db.updateTable('applications').set({ decided_at: ago(31 * DAY) }).where('id', '=', rejected.app).execute()
      expect(await purgeStaleUploads(r.ctx)).toBe(1) // the rejected application's photo
      expect(await ids()).toEqual([open.used])
      expect(await purgeStaleUploads(r.ctx)).toBe(0)
    })
  })
}
