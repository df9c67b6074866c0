// Consent texts published and checked (issue #13), on both dialects: the registry lists the current
// texts (the charter declaration included); a submission whose consent or charter is not a published
// text, that lacks the charter, or sends the old boolean is refused naming the field, and nothing is
// stored; a newer version (--consent-texts FILE) supersedes the old one, which stays accepted for the
// grace period only. The platform's prefill is kept with the session: evidence by source, mismatches.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { PUBLISHED_TEXTS, consentTextHash } from '@ruhui/core'
import { makeTestIdNumber, testCharter, testConsents } from '@ruhui/testing'
import { eachDialect } from './dialects'
import { queryRows, rowCounts, runSql } from './row-counts'

eachDialect('consent texts and the charter (issue #13)', (registry) => {
  let secret = ''
  let reviewer = ''
  const call = async (path: string, auth: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${registry().baseUrl}${path}`, { method: init.method ?? 'GET', headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' }, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) })
    return { status: res.status, json: (await res.json()) as Record<string, any> }
  }
  const session = async (user: string, prefill?: unknown) => (await call('/v1/join-sessions', secret, { method: 'POST', body: { platform_user_id: user, ...(prefill ? { prefill } : {}) } })).json.join_token as string
  const submission = (seq: string, extra: Record<string, unknown> = {}) => ({
    applicant: { name: '林同意', id_number: makeTestIdNumber({ regionCode: '320115', birthDate: '1984-07-07', sequence: seq }), mobile: '13700000001', employment_form: 'platform_self_employed' },
    base_region: { county: '320115' },
    org_id: 'org_nf_320115',
    consents: testConsents(),
    charter: testCharter(),
    ...extra,
  })

  beforeAll(() => {
    const r = registry()
    secret = r.cli(['platform', 'create', '--name', '文本测试平台', '--id', 'P-TEXT']).secret_key as string
    reviewer = r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京审核员']).key as string
  })

  it('lists the current texts, the charter declaration included, with their hashes', async () => {
    const list = (await call('/v1/consent-texts', secret)).json
    expect(list.data.map((t: { kind: string }) => t.kind).sort()).toEqual(Object.keys(PUBLISHED_TEXTS).sort())
    for (const t of list.data as Array<{ kind: keyof typeof PUBLISHED_TEXTS; text_hash: string; body: string; text_version: string }>) {
      expect(t.text_hash).toBe(consentTextHash(t.body))
      expect(t.body).toBe(PUBLISHED_TEXTS[t.kind].body)
    }
    expect(list.data.find((t: { kind: string }) => t.kind === 'charter').body).toContain('承认《中国工会章程》')
    expect(list.operator).toBe('江苏省总工会（测试）') // RUHUI_OPERATOR, for the texts' {operator}
  })

  describe('refused, naming the field, with nothing stored', () => {
    const refusals: Array<[string, (s: ReturnType<typeof submission>) => unknown, number, string, string]> = [
      ['an unknown consent hash', (s) => ({ ...s, consents: [s.consents[0], { ...s.consents[1], text_hash: 'b'.repeat(64) }] }), 400, 'consent_text_unknown', 'consents[1].text_hash'],
      ['a known hash under another version', (s) => ({ ...s, consents: [{ ...s.consents[0], text_version: '2020-01' }, s.consents[1]] }), 400, 'consent_text_unknown', 'consents[0].text_hash'],
      ['the charter’s hash unknown', (s) => ({ ...s, charter: { ...s.charter, text_hash: 'c'.repeat(64) } }), 400, 'consent_text_unknown', 'charter.text_hash'],
      ['a consent text given as the charter', (s) => ({ ...s, charter: { ...s.charter, text_hash: consentTextHash(PUBLISHED_TEXTS.share_with_union.body) } }), 400, 'consent_text_unknown', 'charter.text_hash'],
      ['the charter missing', ({ charter: _, ...rest }) => rest, 400, 'parameter_missing', 'charter'],
      ['the old boolean', ({ charter: _, ...rest }) => ({ ...rest, charter_accepted: true }), 400, 'parameter_invalid', 'charter_accepted'],
      ['the old boolean beside the charter', (s) => ({ ...s, charter_accepted: true }), 400, 'parameter_invalid', 'charter_accepted'],
      ['the Art. 29 consent missing', (s) => ({ ...s, consents: [s.consents[1], { ...s.consents[1] }] }), 400, 'parameter_missing', 'consents'],
      ['a consent twice', (s) => ({ ...s, consents: [...s.consents, s.consents[1]] }), 400, 'parameter_invalid', 'consents[2].kind'],
    ]
    for (const [label, change, status, code, param] of refusals) {
      it(label, async () => {
        const token = await session(`user-${label}`)
        const before = await rowCounts(registry())
        const res = await call('/v1/applications', token, { method: 'POST', body: change(submission('501')) })
        expect([res.status, res.json.error.code, res.json.error.param]).toEqual([status, code, param])
        expect(res.json.error.message).toMatch(/[\u4e00-\u9fff]/)
        const after = await rowCounts(registry())
        expect({ ...after, idempotency_keys: 0, audit_log: 0 }).toEqual({ ...before, idempotency_keys: 0, audit_log: 0 })
      })
    }
  })

  it('the charter record is stored with the application and shown to the reviewer; the consents to the driver', async () => {
    const token = await session('user-charter')
    const app = await call('/v1/applications', token, { method: 'POST', body: submission('502', { consents: testConsents(undefined, ['share_with_partners']) }) })
    expect(app.status).toBe(201)
    const detail = (await call(`/v1/review/applications/${app.json.id}`, reviewer)).json
    expect(detail.charter).toEqual({ text_version: PUBLISHED_TEXTS.charter.text_version, accepted_at: testCharter().accepted_at, text_hash: consentTextHash(PUBLISHED_TEXTS.charter.body) })
    const mine = (await call('/v1/consents', token)).json
    expect(mine.consents.map((c: { kind: string; withdrawn_at: null }) => [c.kind, c.withdrawn_at])).toEqual([['sensitive_personal_info', null], ['share_with_union', null], ['share_with_partners', null]])
    expect(mine.charter.text_version).toBe(PUBLISHED_TEXTS.charter.text_version)
  })

  it('evidence by source: the platform backend’s check, the device’s claim, and what differs from the prefill', async () => {
    const idNumber = makeTestIdNumber({ regionCode: '320115', birthDate: '1984-07-07', sequence: '503' })
    const token = await session('user-evidence', { name: '林同意', id_number: idNumber, mobile: '13700000009', verified: { method: 'platform_realname', verified_at: '2026-11-01T09:00:00.000+08:00' } })
    const body = submission('503', { mobile_verified_at: '2026-11-28T10:00:00.000+08:00', identity_verification: { method: 'face_match', verified_at: '2026-11-28T10:01:00.000+08:00' } })
    const app = await call('/v1/applications', token, { method: 'POST', body })
    expect(app.status).toBe(201)
    const detail = (await call(`/v1/review/applications/${app.json.id}`, reviewer)).json
    expect(detail.evidence).toEqual([
      { subject: 'identity', source: 'platform_backend', method: 'platform_realname', at: '2026-11-01T09:00:00.000+08:00', applies: true },
      { subject: 'identity', source: 'device', method: 'face_match', at: '2026-11-28T10:01:00.000+08:00', applies: true },
      { subject: 'mobile', source: 'device', method: 'phone_number_button', at: '2026-11-28T10:00:00.000+08:00', applies: true },
    ])
    expect(detail.flags).toEqual({ prefill_mismatch: ['mobile'] })
    // The prefill is kept encrypted, never in the clear.
    const rows = await queryRows<{ prefill_enc: string }>(registry(), `select prefill_enc from sessions where platform_user_id = 'user-evidence'`)
    expect(String(rows[0]?.prefill_enc)).not.toContain(idNumber)
  })

  it('the platform verified someone else: its check does not vouch for the submission', async () => {
    const token = await session('user-other-person', { name: '林别人', id_number: makeTestIdNumber({ regionCode: '320115', birthDate: '1990-01-01', sequence: '509' }), verified: { method: 'platform_realname', verified_at: '2026-11-01T09:00:00.000+08:00' } })
    const app = await call('/v1/applications', token, { method: 'POST', body: submission('504') })
    const detail = (await call(`/v1/review/applications/${app.json.id}`, reviewer)).json
    expect(detail.evidence).toEqual([{ subject: 'identity', source: 'platform_backend', method: 'platform_realname', at: '2026-11-01T09:00:00.000+08:00', applies: false }])
    expect(detail.flags.prefill_mismatch).toEqual(['name', 'id_number'])
  })

  it('a newer version supersedes the old one, which stays accepted for the grace period only', async () => {
    const r = registry()
    const file = join(r.dataDir, 'texts.json')
    const newer = { kind: 'share_with_union', text_version: '2027-01', title: '向工会提供个人信息同意', body: `${PUBLISHED_TEXTS.share_with_union.body}（2027 年修订）` }
    writeFileSync(file, JSON.stringify([newer]))
    r.env.RUHUI_CONSENT_TEXTS = file
    await r.restart()
    const list = (await call('/v1/consent-texts', secret)).json.data as Array<{ kind: string; text_version: string; text_hash: string }>
    expect(list.find((t) => t.kind === 'share_with_union')).toMatchObject({ text_version: '2027-01', text_hash: consentTextHash(newer.body) })
    expect(list).toHaveLength(Object.keys(PUBLISHED_TEXTS).length)
    // The old version, within the grace period: accepted.
    expect((await call('/v1/applications', await session('user-grace-1'), { method: 'POST', body: submission('505') })).status).toBe(201)
    // Past it (set in the database, as time passing would): refused, naming the consent.
    await runSql(r, `update consent_texts set superseded_at = '2000-01-01T00:00:00.000Z' where kind = 'share_with_union' and superseded_at is not null`)
    const late = await call('/v1/applications', await session('user-grace-2'), { method: 'POST', body: submission('506') })
    expect([late.status, late.json.error.code, late.json.error.param]).toEqual([400, 'consent_text_unknown', 'consents[1].text_hash'])
    // The new version is accepted.
    const consents = testConsents().map((c) => (c.kind === 'share_with_union' ? { ...c, text_version: newer.text_version, text_hash: consentTextHash(newer.body) } : c))
    expect((await call('/v1/applications', await session('user-grace-3'), { method: 'POST', body: submission('507', { consents }) })).status).toBe(201)
    delete r.env.RUHUI_CONSENT_TEXTS
  })

  it('a texts file with mistakes stops the start, every problem named (exit 2)', () => {
    const r = registry()
    const file = join(r.dataDir, 'bad-texts.json')
    writeFileSync(file, JSON.stringify([{ kind: 'charter', text_version: '', title: '声明', body: '' }, { kind: 'nonsense', text_version: 'v1', title: 't', body: 'b' }]))
    const run = spawnSync(process.execPath, [join(import.meta.dirname, '../bin/ruhui-registry.mjs'), 'start', '--port', '0', '--data-dir', r.dataDir, '--consent-texts', file], { env: r.env, encoding: 'utf8', timeout: 20_000 })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('[0].text_version')
    expect(run.stderr).toContain('[0].body')
    expect(run.stderr).toContain('[1].kind')
  })
}, { RUHUI_OPERATOR: '江苏省总工会（测试）' })
