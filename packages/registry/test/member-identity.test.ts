// Which membership an application speaks for (security review L1, L2), over real HTTP on both
// dialects with synthetic identities: the platform's view of an application shows membership only
// for the membership that application made (a driver who consented on A, left, and joined again
// through B without the consent is not shown as a member on A); a reviewer's possible-duplicate flag
// names the member's union and status only within the reviewer's subtree.
import { expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { testCharter, testConsents } from '@ruhui/testing'
import { eachDialect } from './dialects'
import { driverSession, person, staffClient, staffJson } from './membership-fixtures'
import { queryRows } from './row-counts'

eachDialect('member identity', (registry, dialect) => {
  const base = dialect === 'sqlite' ? 700 : 750

  it('the platform sees membership on the application that made it, not on an earlier one after leaving and joining again', async () => {
    const r = registry()
    const key = r.cli(['platform', 'create', '--name', '徽章平台', '--id', 'P-BADGE'])['secret_key'] as string
    const nanjing = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京']).key as string)
    const platform = createRegistryClient({ baseUrl: r.baseUrl, secretKey: key, transport: createFetchTransport() })
    const who = person(base + 1, '严徽章')
    const submit = async (user: string, optional: Array<'share_membership_with_platform'>) =>
      (await driverSession(r.baseUrl, key, user)).applications.submit({ applicant: { ...who, employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(undefined, optional), charter: testCharter() })

    const a = await submit('badge-u1', ['share_membership_with_platform'])
    await staffJson(nanjing, `/v1/review/applications/${a.id}/approve`, {})
    expect(((await platform.applications.retrieve(a.id)) as { membership?: unknown }).membership).toEqual({ member: true, org_name: expect.any(String) })
    // 退会, confirmed by the union.
    await (await driverSession(r.baseUrl, key, 'badge-u1')).membership.leave({ reason: 'personal' })
    const leave = (await staffJson<{ data: Array<{ id: string }> }>(nanjing, '/v1/review/leave-requests')).data[0]
    await staffJson(nanjing, `/v1/review/leave-requests/${leave?.id}/confirm`, {})
    expect(((await platform.applications.retrieve(a.id)) as { membership?: unknown }).membership).toBeUndefined()
    // Joins again through B, without letting the platform know.
    const b = await submit('badge-u1', [])
    await staffJson(nanjing, `/v1/review/applications/${b.id}/approve`, {})
    expect(((await platform.applications.retrieve(b.id)) as { membership?: unknown }).membership).toBeUndefined()
    expect(((await platform.applications.retrieve(a.id)) as { membership?: unknown }).membership).toBeUndefined()
    const listed = await platform.applications.list({ limit: 100 })
    expect((listed.data as Array<{ id: string; membership?: unknown }>).filter((x) => x.membership !== undefined)).toEqual([])
  })

  it('a possible-duplicate flag names the member’s union and status only within the reviewer’s subtree', async () => {
    const r = registry()
    const key = r.cli(['platform', 'create', '--name', '重复平台', '--id', 'P-DUP'])['secret_key'] as string
    const nanjing = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京']).key as string)
    const hefei = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3401', '--name', '合肥']).key as string)
    const member = person(base + 10, '骆本人')
    const apply = async (user: string, who: typeof member, county: string, org: string) =>
      (await driverSession(r.baseUrl, key, user)).applications.submit({ applicant: { ...who, employment_form: 'platform_self_employed' }, base_region: { county }, org_id: org, consents: testConsents(), charter: testCharter() })
    const joined = await apply('dup-u1', member, '320115', 'org_nf_320115')
    await staffJson(nanjing, `/v1/review/applications/${joined.id}/approve`, {})
    // Someone else with the member's ID number, in Hefei and in Nanjing.
    const inHefei = await apply('dup-u2', { ...member, name: '滕他人', mobile: person(base + 11).mobile }, '340104', 'org_nf_340104')
    const inNanjing = await apply('dup-u3', { ...member, name: '滕他人', mobile: person(base + 12).mobile }, '320115', 'org_nf_320115')

    type Detail = { id: string; flags: { possible_duplicate?: Record<string, unknown> } }
    const hefeiDetail = await staffJson<Detail>(hefei, `/v1/review/applications/${inHefei.id}`)
    expect(hefeiDetail.flags.possible_duplicate).toEqual({ member_elsewhere: true })
    const hefeiQueue = await staffJson<{ data: Detail[] }>(hefei, '/v1/review/applications')
    expect(hefeiQueue.data.find((x) => x.id === inHefei.id)?.flags.possible_duplicate).toEqual({ member_elsewhere: true })
    for (const text of [JSON.stringify(hefeiDetail), JSON.stringify(hefeiQueue)]) {
      expect(text).not.toContain('org_nf_320115')
      expect(text).not.toContain('南京')
    }
    // Within the subtree: the union and the status (and here the Hefei application, open, holding the ID number).
    expect((await staffJson<Detail>(nanjing, `/v1/review/applications/${inNanjing.id}`)).flags.possible_duplicate).toMatchObject({ member_org_id: 'org_nf_320115', member_org_name: expect.stringContaining('南京'), member_status: 'active' })
    // Decided when read, not when stored: the stored flag still names the union.
    expect(JSON.parse((await queryRows<{ review_flags: string }>(r, `select review_flags from applications where id = '${inHefei.id}'`))[0]?.review_flags ?? '{}').possible_duplicate.member_org_id).toBe('org_nf_320115')
  })
})
