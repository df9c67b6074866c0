// Authorization matrix: each role against each resource, including a join token for another
// session, an expired token, and a reviewer outside the subtree; organisation admins (their
// subtree) against registry admins (a root organisation's admin, or --role registry_admin), and
// the directory's jurisdiction (issue #19).
import { beforeAll, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { makeTestIdNumber, testConsents, testCharter, testIdentities } from '@ruhui/testing'
import { eachDialect } from './dialects'
import { runSql } from './row-counts'
import { makePng } from './image-fixtures'

type Role = 'anonymous' | 'platformA' | 'platformB' | 'tokenOwn' | 'tokenOther' | 'tokenExpired' | 'reviewerIn' | 'reviewerOut' | 'adminIn' | 'adminOut' | 'rootAdmin' | 'flaggedAdmin' | 'consoleIn' | 'partner' | 'garbage' | 'tokenMember'

/** A county-level federation (valid as it stands) seated in `county`, covering `covers`. */
const orgIn = (id: string, parentId: string, county: string, covers = [county]) => ({ id, name: `测试工会 ${id}`, type: 'new_form_federation', level: 'county', isGrassroots: true, regionCode: county, coverage: { regionPrefixes: covers }, parentId, acceptsOnline: true, status: 'active' })

eachDialect(
  'authorization matrix',
  (registry) => {
    const creds = {} as Record<Role, string>
    let appId = ''
    let sessionId = ''
    let partnerId = ''
    let uploadId = ''
    beforeAll(async () => {
      const r = registry()
      const a = r.cli(['platform', 'create', '--name', '平台甲', '--id', 'P-A'])
      const b = r.cli(['platform', 'create', '--name', '平台乙', '--id', 'P-B'])
      const apiA = createRegistryClient({ baseUrl: r.baseUrl, secretKey: a.secret_key as string, transport: createFetchTransport() })
      const own = await apiA.joinSessions.create({ platform_user_id: 'own' })
      const other = await apiA.joinSessions.create({ platform_user_id: 'other' })
      const expired = await apiA.joinSessions.create({ platform_user_id: 'expired' })
      const driver = createRegistryClient({ baseUrl: r.baseUrl, joinToken: own.join_token as string, transport: createFetchTransport() })
      const app = await driver.applications.submit({ applicant: { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence: '888' }), employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter: testCharter() })
      appId = app.id
      sessionId = own.id
      Object.assign(creds, {
        anonymous: '',
        garbage: 'Bearer nonsense',
        platformA: `Bearer ${a.secret_key}`,
        platformB: `Bearer ${b.secret_key}`,
        tokenOwn: `Bearer ${own.join_token}`,
        tokenOther: `Bearer ${other.join_token}`,
        tokenExpired: `Bearer ${expired.join_token}`,
        reviewerIn: `Bearer ${r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京'])['key']}`,
        reviewerOut: `Bearer ${r.cli(['reviewer', 'create', '--org', 'org_lf_34', '--name', '安徽'])['key']}`,
        adminIn: `Bearer ${r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京管理员', '--role', 'admin'])['key']}`,
        adminOut: `Bearer ${r.cli(['reviewer', 'create', '--org', 'org_lf_3401', '--name', '合肥管理员', '--role', 'admin'])['key']}`,
        rootAdmin: `Bearer ${r.cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '江苏省管理员', '--role', 'admin'])['key']}`,
        flaggedAdmin: `Bearer ${r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京注册中心管理员', '--role', 'registry_admin'])['key']}`,
        partner: `Bearer ${r.cli(['partner', 'create', '--name', '交通运输局（测试）', '--region-prefix', '32'])['key']}`,
      })
      partnerId = r.cli(['partner', 'create', '--name', '物流协会（轮换测试）', '--region-prefix', '32'])['partner_id'] as string
      // A console sign-in of a reviewer in the subtree: the session token stands for the same reviewer.
      r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京（后台）', '--login', 'nj-console', '--password', 'pw-authz-1'])
      const signIn = (await (await fetch(`${r.baseUrl}/v1/review/sign-in`, { method: 'POST', body: JSON.stringify({ login: 'nj-console', password: 'pw-authz-1' }) })).json()) as { token: string }
      creds.consoleIn = `Bearer ${signIn.token}`
      // Issue #16: a member (approved, then back in a new session of the same platform user), and a photo sent for an application asked for one.
      const review = (path: string, body: unknown) => fetch(`${r.baseUrl}${path}`, { method: 'POST', headers: { authorization: creds.reviewerIn, 'content-type': 'application/json' }, body: JSON.stringify(body) })
      const submitAs = async (user: string, sequence: string) => {
        const s = await apiA.joinSessions.create({ platform_user_id: user })
        const d = createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport() })
        const submitted = await d.applications.submit({ applicant: { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence }), employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter: testCharter() })
        return { d, id: submitted.id }
      }
      const becomes = await submitAs('member', '889')
      expect((await review(`/v1/review/applications/${becomes.id}/approve`, {})).status).toBe(200)
      creds.tokenMember = `Bearer ${(await apiA.joinSessions.create({ platform_user_id: 'member' })).join_token}`
      const asked = await submitAs('uploader', '887')
      expect((await review(`/v1/review/applications/${asked.id}/request_info`, { reason: '请上传驾驶证照片', documents: ['driving_licence_photo'] })).status).toBe(200)
      uploadId = (await asked.d.uploads.create({ application_id: asked.id, purpose: 'driving_licence_photo', data_base64: makePng().toString('base64') })).id
      // The expired token's lifetime ran out (set in the database, as time passing would): the matrix
      // now takes longer than any short lifetime, so the others keep the default one.
      await runSql(r, `update sessions set token_expires_at = '2000-01-01T00:00:00.000Z' where id = '${expired.id}'`)
    })

    // [method, path, body] → expected status per role. 404 also means "not yours": never say whose it is.
    const cases: Array<[string, string, () => string, unknown, Partial<Record<Role, number>>]> = [
      ['GET', 'health', () => '/v1/health', undefined, { anonymous: 200, platformA: 200, tokenOwn: 200, reviewerIn: 200, garbage: 401 }],
      ['POST', 'create session', () => '/v1/join-sessions', { platform_user_id: 'm' }, { anonymous: 401, platformA: 201, platformB: 201, tokenOwn: 403, reviewerIn: 403, garbage: 401 }],
      ['GET', 'session', () => `/v1/join-sessions/${sessionId}`, undefined, { anonymous: 401, platformA: 200, platformB: 404, tokenOwn: 200, tokenOther: 404, tokenExpired: 401, reviewerIn: 403 }],
      ['GET', 'application', () => `/v1/applications/${appId}`, undefined, { anonymous: 401, platformA: 200, platformB: 404, tokenOwn: 200, tokenOther: 404, tokenExpired: 401, reviewerIn: 403, reviewerOut: 403 }],
      ['GET', 'list applications', () => '/v1/applications', undefined, { platformA: 200, platformB: 200, tokenOwn: 403, reviewerIn: 403 }],
      // Only the driver withdraws (入会自愿, issue #13): any platform's key is refused with permission_denied.
      ['POST', 'withdraw', () => `/v1/applications/${appId}/withdraw`, {}, { platformA: 403, platformB: 403, tokenOther: 404, tokenExpired: 401, reviewerIn: 403 }],
      // Issue #13: the published texts (either credential), the driver's own consents and their withdrawal (the join token only).
      ['GET', 'consent texts', () => '/v1/consent-texts', undefined, { anonymous: 401, platformA: 200, tokenOwn: 200, tokenExpired: 401, reviewerIn: 403, partner: 403, garbage: 401 }],
      ['GET', 'my consents', () => '/v1/consents', undefined, { anonymous: 401, platformA: 403, tokenOwn: 200, tokenOther: 404, tokenExpired: 401, reviewerIn: 403, partner: 403 }],
      ['POST', 'withdraw a consent', () => '/v1/consents/withdraw', { kind: 'share_with_partners' }, { anonymous: 401, platformA: 403, platformB: 403, tokenOther: 404, tokenExpired: 401, reviewerIn: 403, partner: 403, tokenOwn: 200 }],
      ['GET', 'shared records outside the partner’s regions', () => '/v1/sharing/records?region_prefix=34', undefined, { partner: 403 }],
      ['GET', 'shared aggregates outside the partner’s regions', () => '/v1/sharing/aggregates?region_prefix=3401', undefined, { partner: 403 }],
      ['POST', 'match', () => '/v1/organisations/match', { employment_form: 'other', base_region: { county: '320115' } }, { anonymous: 401, platformA: 403, tokenOwn: 200, tokenOther: 200, tokenExpired: 401 }],
      ['GET', 'review queue', () => '/v1/review/applications', undefined, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 200, reviewerOut: 200 }],
      ['GET', 'review detail', () => `/v1/review/applications/${appId}`, undefined, { platformA: 403, tokenOwn: 403, reviewerIn: 200, reviewerOut: 404 }],
      ['POST', 'approve', () => `/v1/review/applications/${appId}/request_info`, { reason: '补充材料' }, { platformA: 403, tokenOwn: 403, reviewerOut: 404, reviewerIn: 200 }],
      // Outside the subtree a reviewer is answered, with its own subtree's counts only: authz-privacy.test.ts checks Hefei never counts Nanjing (issue #13).
      ['GET', 'stats', () => '/v1/stats', undefined, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 200, reviewerOut: 200, partner: 403 }],
      ['POST', 'volunteer', () => `/v1/applications/${appId}/volunteer`, { roles: ['volunteer'] }, { anonymous: 401, platformA: 403, tokenOwn: 200, tokenOther: 404, tokenExpired: 401, reviewerIn: 403, partner: 403 }],
      ['GET', 'regions', () => '/v1/regions?parent=3201', undefined, { anonymous: 401, platformA: 200, tokenOwn: 200, tokenExpired: 401, reviewerIn: 403, partner: 403 }],
      ['GET', 'parks', () => '/v1/parks?county=320115', undefined, { anonymous: 401, platformA: 200, tokenOwn: 200, tokenExpired: 401, reviewerIn: 403, partner: 403 }],
      ['GET', 'matching configuration', () => '/v1/review/matching-config', undefined, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 403, adminIn: 200, partner: 403 }],
      ['GET', 'assignable unions', () => '/v1/review/assignable-organisations?q=%E6%B1%9F%E5%AE%81', undefined, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 200, partner: 403 }],
      ['GET', 'console detail', () => `/v1/review/applications/${appId}`, undefined, { consoleIn: 200 }],
      ['GET', 'me', () => '/v1/review/me', undefined, { anonymous: 401, platformA: 403, tokenOwn: 403, consoleIn: 200, reviewerIn: 200, partner: 403 }],
      ['GET', 'transfers', () => '/v1/review/transfers', undefined, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 200, partner: 403 }],
      ['GET', 'member search', () => '/v1/review/members?name_last=试', undefined, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 200, partner: 403 }],
      ['GET', 'directory', () => '/v1/review/organisations', undefined, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 200, partner: 403 }],
      ['PATCH', 'edit an org outside', () => '/v1/review/organisations/org_lf_34', { name: '改名' }, { reviewerIn: 404, platformA: 403 }],
      ['GET', 'services', () => '/v1/review/services', undefined, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 200, partner: 403 }],
      ['GET', 'volunteers', () => '/v1/review/volunteers', undefined, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 200, partner: 403 }],
      // Platforms and partners are registry-wide: an organisation's admin has no say over them.
      ['GET', 'platforms', () => '/v1/review/platforms', undefined, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 403, adminIn: 403, adminOut: 403, rootAdmin: 200, flaggedAdmin: 200, partner: 403 }],
      ['POST', 'add a platform', () => '/v1/review/platforms', { name: '新平台' }, { reviewerIn: 403, adminIn: 403, adminOut: 403, rootAdmin: 201, flaggedAdmin: 201, platformA: 403 }],
      ['GET', 'audit log', () => '/v1/review/audit', undefined, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 403, adminIn: 200, adminOut: 200, rootAdmin: 200, partner: 403 }],
      ['GET', 'partners', () => '/v1/review/partners', undefined, { anonymous: 401, platformA: 403, reviewerIn: 403, adminIn: 403, adminOut: 403, rootAdmin: 200, flaggedAdmin: 200, partner: 403 }],
      ['POST', 'add a partner', () => '/v1/review/partners', { name: '物流协会（测试）', kind: 'industry_association' }, { reviewerIn: 403, adminIn: 403, rootAdmin: 201, partner: 403 }],
      // Rolling and disabling keys: admins only (the admin's own cells are in key-rotation.test.ts).
      // Finding 9: a Hefei admin rolled another platform's key with no overlap. Now only a registry admin may.
      ['POST', 'roll a platform key', () => '/v1/review/platforms/P-B/roll', { what: 'webhook_secret', expires_in_hours: 0 }, { anonymous: 401, platformA: 403, platformB: 403, tokenOwn: 403, reviewerIn: 403, consoleIn: 403, adminIn: 403, adminOut: 403, flaggedAdmin: 200, partner: 403, garbage: 401 }],
      ['POST', 'a platform’s web access', () => '/v1/review/platforms/P-B/web', { allowed_origins: ['https://app.example.com'], return_urls: [] }, { anonymous: 401, platformA: 403, platformB: 403, tokenOwn: 403, reviewerIn: 403, adminIn: 403, adminOut: 403, flaggedAdmin: 200, partner: 403 }],
      ['POST', 'disable a platform', () => '/v1/review/platforms/P-B/revoke', {}, { anonymous: 401, platformA: 403, platformB: 403, tokenOwn: 403, reviewerIn: 403, reviewerOut: 403, adminIn: 403, adminOut: 403, partner: 403 }],
      ['POST', 'roll a partner key', () => `/v1/review/partners/${partnerId}/roll`, {}, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 403, adminIn: 403, adminOut: 403, rootAdmin: 200, partner: 403 }],
      ['POST', 'disable a partner', () => `/v1/review/partners/${partnerId}/revoke`, {}, { anonymous: 401, platformA: 403, reviewerIn: 403, consoleIn: 403, adminIn: 403, adminOut: 403, partner: 403 }],
      // Jurisdiction (finding 1): an organisation may only lie inside the region of the reviewer's own.
      ['POST', 'add an org in my region', () => '/v1/review/organisations', orgIn('org_authz_in', 'org_lf_3201', '320115'), { reviewerIn: 201, reviewerOut: 400, adminOut: 400, platformA: 403 }],
      ['POST', 'add an org covering another region', () => '/v1/review/organisations', orgIn('org_authz_capture', 'org_lf_34', '340102', ['320115']), { reviewerOut: 400, adminOut: 400, rootAdmin: 400, flaggedAdmin: 400 }],
      ['PATCH', 'extend my org into another region', () => '/v1/review/organisations/org_nf_340102', { coverage: { regionPrefixes: ['340102', '3201'] } }, { reviewerOut: 400, adminOut: 400, reviewerIn: 404, rootAdmin: 404 }],
      ['GET', 'export', () => '/v1/review/exports/applications.csv', undefined, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 200, reviewerOut: 200, partner: 403 }],
      ['GET', 'shared aggregates', () => '/v1/sharing/aggregates', undefined, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 403, partner: 200 }],
      ['GET', 'shared records', () => '/v1/sharing/records', undefined, { anonymous: 401, platformA: 403, reviewerIn: 403, partner: 200 }],
      // Issue #16, the staff side: member lifecycle, members' requests to leave, batch approval (reviewers only; the
      // subtree itself, with real members, in staff-actions.test.ts: outside it is 404 like a card that does not exist).
      ['POST', 'retain a member', () => '/v1/review/members/CARD-NONE/retain', {}, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 404, reviewerOut: 404, consoleIn: 404, partner: 403, garbage: 401 }],
      ['POST', 'restore a member', () => '/v1/review/members/CARD-NONE/restore', {}, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 404, partner: 403 }],
      ['POST', 'expel a member', () => '/v1/review/members/CARD-NONE/expel', { reason: '严重违反章程' }, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 404, adminIn: 404, partner: 403 }],
      ['POST', 'a member’s status', () => '/v1/review/members/CARD-NONE/status', { status: 'retained' }, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 404, partner: 403 }],
      ['GET', 'requests to leave', () => '/v1/review/leave-requests', undefined, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 200, reviewerOut: 200, consoleIn: 200, partner: 403, garbage: 401 }],
      ['POST', 'confirm a leave', () => '/v1/review/leave-requests/lvr_none/confirm', {}, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 404, partner: 403 }],
      ['POST', 'decline a leave', () => '/v1/review/leave-requests/lvr_none/decline', { reason: '请先结清会费' }, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 404, partner: 403 }],
      ['POST', 'batch approval', () => '/v1/review/batch-approvals', { application_ids: ['app_none'] }, { anonymous: 401, platformA: 403, platformB: 403, tokenOwn: 403, reviewerIn: 200, reviewerOut: 200, consoleIn: 200, partner: 403, garbage: 401 }],
      // Issue #16, the driver's side: the member centre (a join token linked to a member; a secret key never), the review
      // loop's answer and uploads (the driver's own application only), the photo (staff of the subtree only), card checks (anyone).
      ['GET', 'my membership', () => '/v1/me/membership', undefined, { anonymous: 401, platformA: 403, platformB: 403, tokenOwn: 200, tokenOther: 404, tokenExpired: 401, tokenMember: 200, reviewerIn: 403, partner: 403, garbage: 401 }],
      ['POST', 'my mobile', () => '/v1/me/membership/profile', { mobile: '13912345678' }, { anonymous: 401, platformA: 403, tokenOwn: 404, tokenOther: 404, tokenExpired: 401, tokenMember: 200, reviewerIn: 403, partner: 403 }],
      ['POST', 'where a move would take me', () => '/v1/me/membership/transfer-options', { base_region: { county: '340104' } }, { anonymous: 401, platformA: 403, tokenOwn: 404, tokenExpired: 401, tokenMember: 200, reviewerIn: 403 }],
      ['POST', 'move my membership', () => '/v1/me/membership/transfer', { base_region: { county: '340104' }, to_org_id: 'org_nf_340104', reason: 'relocation' }, { anonymous: 401, platformA: 403, platformB: 403, tokenOwn: 404, tokenOther: 404, tokenExpired: 401, reviewerIn: 403, partner: 403 }],
      ['POST', 'leave the union', () => '/v1/me/membership/leave', { reason: 'personal' }, { anonymous: 401, platformA: 403, tokenOwn: 404, tokenExpired: 401, tokenMember: 200, reviewerIn: 403, partner: 403 }],
      ['POST', 'take back leaving', () => '/v1/me/membership/leave/cancel', {}, { anonymous: 401, platformA: 403, tokenOwn: 404, tokenExpired: 401, tokenMember: 200, reviewerIn: 403 }],
      ['POST', 'answer a request for information', () => `/v1/applications/${appId}/respond`, { note: '已补充' }, { anonymous: 401, platformA: 403, platformB: 403, tokenOther: 404, tokenMember: 404, tokenExpired: 401, reviewerIn: 403, partner: 403 }],
      ['POST', 'upload a photo', () => '/v1/uploads', { get application_id() { return appId }, purpose: 'driving_licence_photo', data_base64: makePng().toString('base64') }, { anonymous: 401, platformA: 403, tokenOwn: 201, tokenOther: 404, tokenMember: 404, tokenExpired: 401, reviewerIn: 403, partner: 403, garbage: 401 }],
      ['GET', 'a driver’s photo', () => `/v1/review/uploads/${uploadId}`, undefined, { anonymous: 401, platformA: 403, tokenOwn: 403, reviewerIn: 200, consoleIn: 200, reviewerOut: 404, adminOut: 404, partner: 403, garbage: 401 }],
      ['GET', 'check a card', () => '/v1/cards/verify?payload=RUHUI1.e30.AAAA', undefined, { anonymous: 200, platformA: 200, tokenOwn: 200, reviewerIn: 200, garbage: 401 }],
    ]

    for (const [method, label, path, body, expected] of cases) {
      for (const [role, status] of Object.entries(expected) as Array<[Role, number]>) {
        it(`${role} → ${label}: ${status}`, async () => {
          const r = registry()
          const headers: Record<string, string> = { 'content-type': 'application/json' }
          if (creds[role]) headers.authorization = creds[role]
          const res = await fetch(`${r.baseUrl}${path()}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
          expect(res.status).toBe(status)
          if (status >= 400) {
            const err = ((await res.json()) as { error: { type: string; code: string; message: string; request_id: string } }).error
            expect(err.request_id).toMatch(/^req_/)
            expect(err.message).toMatch(/[\u4e00-\u9fff]/)
          }
        })
      }
    }

    it('the audit log is scoped: a Hefei admin does not see Nanjing reveals, Nanjing admins and registry admins do', async () => {
      const r = registry()
      await fetch(`${r.baseUrl}/v1/review/applications/${appId}?reveal=true`, { headers: { authorization: creds.reviewerIn } })
      const reveals = async (role: Role) => ((await (await fetch(`${r.baseUrl}/v1/review/audit?limit=1000`, { headers: { authorization: creds[role] } })).json()) as { data: Array<{ action: string; subject: string }> }).data.filter((e) => e.subject === appId)
      expect((await reveals('adminIn')).length).toBeGreaterThan(0)
      expect((await reveals('rootAdmin')).length).toBeGreaterThan(0)
      expect(await reveals('adminOut')).toEqual([])
    })

    it('/me says whose rights are registry-wide (the console shows platforms and the audit log to admins)', async () => {
      const r = registry()
      const me = async (role: Role) => (await (await fetch(`${r.baseUrl}/v1/review/me`, { headers: { authorization: creds[role] } })).json()) as { role: string; registry_admin: boolean }
      expect(await me('flaggedAdmin')).toMatchObject({ role: 'admin', registry_admin: true })
      expect(await me('rootAdmin')).toMatchObject({ role: 'admin', registry_admin: true })
      expect(await me('adminIn')).toMatchObject({ role: 'admin', registry_admin: false })
      expect(await me('reviewerIn')).toMatchObject({ role: 'reviewer', registry_admin: false })
    })

    it('the reviewer outside the subtree cannot see it in the queue either; the one inside can', async () => {
      const r = registry()
      const q = async (role: Role) => ((await (await fetch(`${r.baseUrl}/v1/review/applications?status=needs_info`, { headers: { authorization: creds[role] } })).json()) as { data: Array<{ id: string }> }).data.map((a) => a.id)
      expect(await q('reviewerIn')).toContain(appId)
      expect(await q('reviewerOut')).not.toContain(appId)
    })
  },
)
