// Retention (issue #13): as the published text says, the personal data of a refused or withdrawn
// application is deleted once its time has passed (RUHUI_PURGE_AFTER_DAYS), by the worker, on both
// dialects (the driver's answers to the reviewer's requests with it); approved and open applications keep theirs; the consent records and the statistics stay;
// a platform's prefill goes with an old session whose application is no longer being handled.
import { beforeAll, expect, it } from 'vitest'
import { makeTestIdNumber, testCharter, testConsents } from '@ruhui/testing'
import { eachDialect } from './dialects'
import { queryRows, runSql } from './row-counts'

eachDialect(
  'retention (issue #13)',
  (registry) => {
    let secret = ''
    let reviewer = ''
    const ids = {} as Record<'rejected' | 'withdrawn' | 'approved' | 'open', string>
    const call = async (path: string, auth: string, body?: unknown) => {
      const res = await fetch(`${registry().baseUrl}${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
      return (await res.json()) as Record<string, any>
    }

    beforeAll(async () => {
      const r = registry()
      secret = r.cli(['platform', 'create', '--name', '保存期限平台', '--id', 'P-RET']).secret_key as string
      reviewer = r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京审核员']).key as string
      let n = 0
      for (const k of Object.keys({ rejected: 0, withdrawn: 0, approved: 0, open: 0 }) as Array<keyof typeof ids>) {
        const s = await call('/v1/join-sessions', secret, { platform_user_id: `ret-${k}`, prefill: { name: '蒋保存', mobile: '13500000001' } })
        const app = await call('/v1/applications', s.join_token, {
          applicant: { name: '蒋保存', id_number: makeTestIdNumber({ regionCode: '320115', birthDate: '1982-02-02', sequence: String(801 + n++) }), mobile: '13500000001', employment_form: 'platform_self_employed' },
          base_region: { county: '320115' },
          org_id: 'org_nf_320115',
          consents: testConsents(),
          charter: testCharter(),
        })
        ids[k] = app.id
        // The reviewer asks the refused and the open one for more; the driver answers (kept sealed until the purge).
        if (k === 'rejected' || k === 'open') {
          await call(`/v1/review/applications/${app.id}/request_info`, reviewer, { reason: '请说明车辆情况' })
          expect((await call(`/v1/applications/${app.id}/respond`, s.join_token, { note: '车辆挂靠在运输公司' })).status).toBe('under_review')
        }
        if (k === 'rejected') await call(`/v1/review/applications/${app.id}/reject`, reviewer, { reason: '不符合条件' })
        if (k === 'withdrawn') await call(`/v1/applications/${app.id}/withdraw`, s.join_token, {})
        if (k === 'approved') await call(`/v1/review/applications/${app.id}/approve`, reviewer, {})
      }
    })

    it('after the retention period, a refused or withdrawn application keeps no personal data; the others keep theirs', async () => {
      const r = registry()
      const before = await queryRows<{ n: number }>(r, "select count(*) as n from applications where name_masked = '—'")
      expect(Number(before[0]?.n)).toBe(0)
      // Thirty-one days pass (set in the database, as time passing would).
      await runSql(r, "update applications set decided_at = '2000-01-01T00:00:00.000Z' where decided_at is not null")
      await runSql(r, "update sessions set created_at = '2000-01-01T00:00:00.000Z' where platform_user_id like 'ret-%'")
      const purged = async () => (await queryRows<{ id: string }>(r, "select id from applications where name_masked = '—' order by id")).map((x) => x.id)
      for (let i = 0; i < 100 && (await purged()).length < 2; i++) await new Promise((ok) => setTimeout(ok, 100))
      expect(await purged()).toEqual([ids.rejected, ids.withdrawn].sort())
      const rows = await queryRows<{ id: string; person_key: string; id_masked: string; consents: string; base_county: string; status: string }>(r, `select id, person_key, id_masked, consents, base_county, status from applications where id in ('${ids.rejected}', '${ids.withdrawn}', '${ids.approved}', '${ids.open}')`)
      for (const row of rows) {
        const gone = row.id === ids.rejected || row.id === ids.withdrawn
        expect(row.id_masked === '—', row.id).toBe(gone)
        expect(row.person_key.startsWith('purged_'), row.id).toBe(gone)
        expect(JSON.parse(row.consents).length).toBe(2) // consent records stay (Art. 56)
        expect(row.base_county).toBe('320115') // the statistics stay
      }
      // A reviewer who reveals a purged application finds no name, number or mobile.
      const revealed = await call(`/v1/review/applications/${ids.rejected}?reveal=true`, reviewer)
      expect(JSON.stringify(revealed.applicant)).not.toMatch(/蒋保存|13500000001/)
      expect((await call(`/v1/review/applications/${ids.open}?reveal=true`, reviewer)).applicant.name).toBe('蒋保存')
      // The driver's answers went with the refused application's personal data; the open one keeps them.
      const answers = await queryRows<{ application_id: string; answer_enc: string | null }>(r, `select application_id, answer_enc from information_requests where application_id in ('${ids.rejected}', '${ids.open}')`)
      expect(answers.map((a) => [a.application_id === ids.rejected ? 'rejected' : 'open', a.answer_enc !== null]).sort()).toEqual([['open', true], ['rejected', false]])
      // The prefill went with the old sessions, except the one whose application is still being handled.
      const sessions = await queryRows<{ platform_user_id: string; prefill_enc: string | null }>(r, "select platform_user_id, prefill_enc from sessions where platform_user_id like 'ret-%' order by platform_user_id")
      expect(sessions.map((s) => [s.platform_user_id, s.prefill_enc !== null])).toEqual([['ret-approved', false], ['ret-open', true], ['ret-rejected', false], ['ret-withdrawn', false]])
    })
  },
  { RUHUI_PURGE_EVERY_MS: '100' },
)
