// Statistics computed by the database, on the real SQLite file and a real PostgreSQL: the figures
// equal a count made here from the raw rows, and each reviewer counts only their own subtree (a
// Hefei reviewer never counts Nanjing, and the other way round); time to approval to the minute.
// Exports streamed a page at a time: 2,500 rows (ties on the submission time across page ends)
// come out once each, in order, as CSV and as XLSX.
import { parse as parseCsv } from 'csv-parse/sync'
import readXlsxFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { makeTestIdNumber, testConsents, testCharter, testIdentities } from '@ruhui/testing'
import { type PgCluster, createDatabase, startPgCluster } from './pg-cluster.mjs'
import { type InProcessRegistry, startInProcess } from './in-process-registry'

let cluster: PgCluster | undefined
afterAll(() => cluster?.stop())

type Stats = {
  funnel: { sessions_created: number; consented: number; submitted: number; approved: number }
  by_status: Record<string, number>
  by_city: Record<string, number>
  by_platform: Record<string, number>
  by_tier: Record<string, number>
  applications_by_day: Record<string, number>
  hours_to_approval: { median: number | null; p90: number | null; count: number; histogram: Array<{ label: string; count: number }> }
  members_per_union: { data: Array<{ org_id: string; members: number }> }
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`statistics in SQL [${dialect}]`, () => {
    let r: InProcessRegistry
    const keys: Record<'nanjing' | 'hefei' | 'jiangsu', string> = { nanjing: '', hefei: '', jiangsu: '' }
    const stats = async (who: keyof typeof keys, query = '') => (await (await fetch(`${r.baseUrl}/v1/stats${query}`, { headers: { authorization: `Bearer ${keys[who]}` } })).json()) as Stats

    beforeAll(async () => {
      let url: string | undefined
      if (dialect === 'postgres') {
        cluster ??= await startPgCluster()
        url = createDatabase(cluster.url, `ruhui_stats_${process.pid}`)
      }
      r = await startInProcess(url)
      keys.nanjing = r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京审核员']).key as string
      keys.hefei = r.cli(['reviewer', 'create', '--org', 'org_lf_3401', '--name', '合肥审核员']).key as string
      keys.jiangsu = r.cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '江苏审核员']).key as string
      const p = r.cli(['platform', 'create', '--name', '统计平台', '--id', 'P-STATS'])
      const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: p.secret_key as string, transport: createFetchTransport() })
      const submit = async (sequence: string, county: string, org: string) => {
        const s = await api.joinSessions.create({ platform_user_id: `stats-${sequence}` })
        const person = { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence }) }
        return createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport() }).applications.submit({ applicant: { ...person, employment_form: 'platform_self_employed' }, base_region: { county }, org_id: org, consents: testConsents(), charter: testCharter() })
      }
      const approve = (who: keyof typeof keys, id: string) => fetch(`${r.baseUrl}/v1/review/applications/${id}/approve`, { method: 'POST', headers: { authorization: `Bearer ${keys[who]}` } })
      const nanjing = await Promise.all(['701', '702', '703', '704'].map((s) => submit(s, '320115', 'org_nf_320115')))
      const hefei = await Promise.all(['711', '712'].map((s) => submit(s, '340111', 'org_nf_340111')))
      for (const a of nanjing.slice(0, 3)) expect((await approve('nanjing', a.id)).status).toBe(200)
      expect((await approve('hefei', hefei[0]?.id as string)).status).toBe(200)
      // Approved 30 minutes, 5 hours and 50 hours after submission (Nanjing); 2 hours (Hefei).
      const db = r.ctx.db
      for (const [a, minutes] of [[nanjing[0], 30], [nanjing[1], 300], [nanjing[2], 3000], [hefei[0], 120]] as const) {
        const row = await db.selectFrom('applications').select('submitted_at').where('id', '=', a?.id as string).executeTakeFirstOrThrow()
        await db.updateTable('applications').set({ decided_at: new Date(Date.parse(row.submitted_at) + minutes * 60_000).toISOString() }).where('id', '=', a?.id as string).execute()
      }
    })
    afterAll(async () => r?.close())

    it('each reviewer counts their own subtree only, and the figures equal a count of the raw rows', async () => {
      const rows = await r.ctx.db.selectFrom('applications').select(['org_id', 'status', 'base_county', 'platform_id']).execute()
      const count = (pred: (x: (typeof rows)[number]) => boolean) => rows.filter(pred).length
      const nj = await stats('nanjing')
      expect(nj.funnel).toEqual({ sessions_created: 4, consented: 4, submitted: count((x) => x.base_county.startsWith('3201')), approved: 3 })
      expect(nj.by_status).toEqual({ approved: 3, [rows.find((x) => x.base_county === '320115' && x.status !== 'approved')?.status as string]: 1 })
      expect(nj.by_city).toEqual({ '3201': 4 })
      expect(nj.by_platform).toEqual({ 'P-STATS': 4 })
      expect(nj.members_per_union.data).toEqual([expect.objectContaining({ org_id: 'org_nf_320115', members: 3 })])
      const hf = await stats('hefei')
      expect(hf.funnel).toMatchObject({ sessions_created: 2, submitted: 2, approved: 1 })
      expect(hf.by_city).toEqual({ '3401': 2 })
      expect(hf.members_per_union.data.map((m) => m.org_id)).toEqual(['org_nf_340111'])
      // The province counts its cities; Hefei is not in Jiangsu.
      const js = await stats('jiangsu')
      expect(js.funnel.submitted).toBe(4)
      expect(js.by_city['3401']).toBeUndefined()
      // A day range and a region narrow the same counts.
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
      expect((await stats('nanjing', `?from=${today}&to=${today}`)).applications_by_day).toEqual({ [today]: 4 })
      // A province is counted day by day over the submitted_at index (SQLite), a city by its organisations: the same days.
      expect(js.applications_by_day).toEqual(nj.applications_by_day)
      expect((await stats('jiangsu', `?from=${today}&to=${today}`)).applications_by_day).toEqual({ [today]: 4 })
      expect((await stats('nanjing', '?from=2020-01-01&to=2020-01-02')).funnel.submitted).toBe(0)
      expect((await stats('nanjing', '?region_prefix=3202')).funnel.submitted).toBe(0)
    })

    it('time to approval: median, p90 and the histogram, to the minute', async () => {
      const nj = await stats('nanjing')
      expect(nj.hours_to_approval).toMatchObject({ count: 3, median: 5, p90: 50 })
      expect(nj.hours_to_approval.histogram.map((h) => h.count)).toEqual([1, 1, 1, 0, 0])
      const hf = await stats('hefei')
      expect(hf.hours_to_approval).toMatchObject({ count: 1, median: 2, p90: 2 })
    })

    it('exports stream 2,500 rows page by page: each once, oldest first, CSV and XLSX alike', async () => {
      const db = r.ctx.db
      const base = Date.parse('2026-03-01T02:00:00Z')
      // Five rows share each submission time, so pages of 1,000 end in the middle of ties.
      const rows = Array.from({ length: 2500 }, (_, i) => ({ id: `app_bulk${String(i).padStart(5, '0')}`, session_id: `ses_bulk${i}`, platform_id: 'P-STATS', person_key: `bulk-${i}`, status: 'submitted', org_id: 'org_nf_320115', org_name: '南京市江宁区新业态行业工会联合会（示例）', tier: 'industry', config_version: 'test', applicant_enc: 'x', name_masked: '**试', id_masked: '3201**********123X', mobile_masked: '138****0000', base_county: '320115', consents: '[]', volunteer: 0, submitted_at: new Date(base + Math.floor(i / 5) * 1000).toISOString(), updated_at: new Date(base).toISOString(), charter: null, shares_with_platform: 0, shares_with_partners: 0, review_flags: null, evidence: null }))
      for (let i = 0; i < rows.length; i += 250) await db.insertInto('applications').values(rows.slice(i, i + 250)).execute()
      const get = (file: string) => fetch(`${r.baseUrl}/v1/review/exports/${file}?from=2026-03-01&to=2026-03-01`, { headers: { authorization: `Bearer ${keys.nanjing}` } })
      const csv = await get('applications.csv')
      expect(csv.headers.get('x-export-rows')).toBe('2500')
      const records = parseCsv((await csv.text()).replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>
      expect(records.map((x) => x['申请编号'])).toEqual(rows.map((x) => x.id))
      const xlsx = await get('applications.xlsx')
      const sheets = await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()))
      expect((sheets[0]?.data as unknown[][]).slice(1).map((row) => row[0])).toEqual(rows.map((x) => x.id))
      expect(sheets[1]?.data).toContainEqual(['申请总数', 2500])
      // Hefei's reviewer exports none of Nanjing's.
      const hefei = await fetch(`${r.baseUrl}/v1/review/exports/applications.csv?from=2026-03-01&to=2026-03-01`, { headers: { authorization: `Bearer ${keys.hefei}` } })
      expect(hefei.headers.get('x-export-rows')).toBe('0')
      await db.deleteFrom('applications').where('id', 'like', 'app_bulk%').execute()
    })
  })
}
