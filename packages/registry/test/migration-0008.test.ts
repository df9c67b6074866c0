// Migration 0008 (issue #13) on a database an older registry left (through 0007), on SQLite and on
// PostgreSQL: an application that carried the optional share_with_partners consent still shares after
// the upgrade; one that did not, does not; the new columns and tables exist.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { openStorage } from '../src/db/connect'
import { migrate, migrateTo } from '../src/db/migrations'
import { type PgCluster, createDatabase, startPgCluster } from './pg-cluster.mjs'

let cluster: PgCluster | undefined
const dirs: string[] = []
afterAll(() => {
  cluster?.stop()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const row = (id: string, consents: string[]) => ({
  id, session_id: `jsess_${id}`, platform_id: 'P-OLD', person_key: `pk-${id}`, open_key: null, status: 'approved', org_id: 'org_nf_320115', org_name: '工会', tier: 'industry',
  config_version: 'v', status_reason: null, member_card: null, applicant_enc: 'x', name_masked: '**试', id_masked: '3201**1', mobile_masked: '138****0000', base_county: '320115', base_township: null,
  consents: JSON.stringify(consents.map((kind) => ({ kind, text_version: '2026-11', text_hash: 'a'.repeat(64), granted_at: '2026-11-28T10:00:00.000+08:00' }))),
  volunteer: 0, volunteer_roles: null, submitted_at: '2026-11-28T02:00:00.000Z', updated_at: '2026-11-28T02:00:00.000Z', decided_at: '2026-11-28T03:00:00.000Z',
})

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`migration 0008 [${dialect}]`, () => {
    it('keeps the partners consent of applications submitted before it', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'ruhui-mig-'))
      dirs.push(dataDir)
      let databaseUrl: string | undefined
      if (dialect === 'postgres') {
        cluster ??= await startPgCluster()
        databaseUrl = createDatabase(cluster.url, `ruhui_mig_${process.pid}`)
      }
      const storage = openStorage(databaseUrl ? { databaseUrl, dataDir } : { dataDir })
      const db = storage.db as unknown as Kysely<any>
      try {
        await migrateTo(db, storage.dialect, '0007_hosted_join')
        await db.insertInto('applications').values([row('app_old_shares', ['sensitive_personal_info', 'share_with_union', 'share_with_partners']), row('app_old_private', ['sensitive_personal_info', 'share_with_union'])]).execute()
        expect(await migrate(db, storage.dialect)).toContain('0008_privacy')
        const rows = await db.selectFrom('applications').select(['id', 'shares_with_partners', 'shares_with_platform', 'charter']).orderBy('id').execute()
        expect(rows.map((r) => [r.id, Number(r.shares_with_partners), Number(r.shares_with_platform), r.charter])).toEqual([
          ['app_old_private', 0, 0, null],
          ['app_old_shares', 1, 0, null],
        ])
        expect(await db.selectFrom('consent_texts').selectAll().execute()).toEqual([])
        expect(await db.selectFrom('partners').select('region_prefixes').execute()).toEqual([])
      } finally {
        await storage.close()
      }
    }, 120_000)
  })
}
