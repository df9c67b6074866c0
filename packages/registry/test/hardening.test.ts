// Issue #19, findings 6, 7 and 8b, as the attacks (and finding 4's padded logins on both storages): the console and the API framed, sniffed or
// leaking their address (security headers, per path); an export whose cell starts with a tab or a
// carriage return before a formula (Excel strips them and runs the formula); and the SQLite files
// readable by every local user (created 0644). Both dialects for the export (stored data).
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import { beforeAll, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { makeTestIdNumber, testConsents, testCharter, testIdentities } from '@ruhui/testing'
import { eachDialect } from './dialects'
import { runSql } from './row-counts'

eachDialect('hardening: headers, exports, files', (registry, dialect) => {
  let reviewerKey = ''
  beforeAll(async () => {
    const r = registry()
    reviewerKey = r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京（加固）'])['key'] as string
    const p = r.cli(['platform', 'create', '--name', '加固平台', '--id', 'P-HARD'])
    const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: p.secret_key as string, transport: createFetchTransport() })
    const s = await api.joinSessions.create({ platform_user_id: 'csv' })
    const driver = createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport() })
    await driver.applications.submit({ applicant: { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence: '777' }), employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter: testCharter() })
  })

  it('the console and the API may not be framed or sniffed and send no Referer; each path has its policy', async () => {
    const r = registry()
    const console_ = await fetch(`${r.baseUrl}/console/`)
    const csp = console_.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/frame-ancestors 'none'/)
    expect(csp).toMatch(/script-src 'self'(;|$)/) // no inline or injected script runs
    expect(csp).toMatch(/object-src 'none'/)
    for (const path of ['/console/', '/console', '/health', '/openapi.json', '/v1/review/me', '/v1/nowhere']) {
      const res = await fetch(`${r.baseUrl}${path}`, { redirect: 'manual' })
      expect([path, res.headers.get('x-content-type-options')]).toEqual([path, 'nosniff'])
      expect([path, res.headers.get('referrer-policy')]).toEqual([path, 'no-referrer'])
      expect([path, res.headers.get('x-frame-options')]).toEqual([path, 'DENY'])
      expect(res.headers.get('content-security-policy'), path).toMatch(/frame-ancestors 'none'/)
    }
    // The API's own policy runs nothing at all.
    expect((await fetch(`${r.baseUrl}/v1/review/me`)).headers.get('content-security-policy')).toMatch(/^default-src 'none'/)
  })

  it('a cell starting with a tab or a carriage return before a formula is neutralised in the CSV export', async () => {
    const r = registry()
    // Stands for an organisation name typed that way in the directory, copied into the application.
    await runSql(r, `update applications set org_name = '\t=HYPERLINK("http://evil.example","点我")' where platform_id = 'P-HARD'`)
    await runSql(r, `update applications set platform_id = '\r=1+1' where platform_id = 'P-HARD'`)
    const res = await fetch(`${r.baseUrl}/v1/review/exports/applications.csv`, { headers: { authorization: `Bearer ${reviewerKey}` } })
    expect(res.status).toBe(200)
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>
    const row = rows.find((x) => x['工会组织']?.includes('HYPERLINK'))
    expect(row?.['工会组织']).toBe(`'\t=HYPERLINK("http://evil.example","点我")`)
    expect(row?.['平台']).toBe(`'\r=1+1`)
    for (const x of rows) for (const v of Object.values(x)) expect(v).not.toMatch(/^[\t\r]*[=+\-@]/)
  })

  it('finding 4 on this storage: a padded or re-cased login gets no fresh bucket, and the right password still signs in after', async () => {
    const r = registry()
    r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京（登录）', '--login', 'nj-pad', '--password', 'right-password-2'])
    const signIn = async (login: string, password: string) => (await fetch(`${r.baseUrl}/v1/review/sign-in`, { method: 'POST', body: JSON.stringify({ login, password }) })).status
    // Ten tries at once, the login written ten ways: one bucket (two a second, a burst of four), so most are refused.
    // Separate buckets per spelling (the bug) would refuse none. At once, so a slow machine's refill cannot blur it.
    const spellings = ['nj-pad', ' nj-pad', 'nj-pad ', 'NJ-PAD', '\tnj-pad', ' NJ-pad ', 'Nj-Pad', '  nj-pad', 'nj-pad\t', 'NJ-PAD ']
    const statuses = await Promise.all(spellings.map((login) => signIn(login, 'wrong')))
    expect(statuses.filter((x) => x !== 401 && x !== 429)).toEqual([])
    expect(statuses.filter((x) => x === 401).length).toBeLessThanOrEqual(5)
    expect(statuses.filter((x) => x === 429).length).toBeGreaterThanOrEqual(5)
    await new Promise((res) => setTimeout(res, 2100))
    expect(await signIn(' nj-pad', 'right-password-2')).toBe(200)
  })

  if (dialect === 'sqlite') {
    it('the SQLite files and the keys are readable by their owner only', () => {
      const r = registry()
      for (const f of ['registry.sqlite', 'registry.sqlite-wal', 'keys.json']) {
        const mode = statSync(join(r.dataDir, f)).mode & 0o777
        expect([f, mode.toString(8)]).toEqual([f, '600'])
      }
    })
  }
})
