// Moving a membership and withdrawing a consent, over real HTTP on both dialects (security review
// M3, L6): only an active membership moves (a retained one is refused with membership_retained,
// from the member centre and from the join flow alike); the home region changes only when the
// transfer completes, so a refused move leaves the member as they were; a consent withdrawn from a
// session linked to a member is withdrawn on the application behind the membership (what the
// platform's view and partners read), not on the platform user's latest application. Synthetic
// identities only.
import { expect, it } from 'vitest'
import { testCharter, testConsents } from '@ruhui/testing'
import { eachDialect } from './dialects'
import { applyInNanjing, driverSession, person, staffClient, staffJson } from './membership-fixtures'
import { queryRows } from './row-counts'

const HEFEI = { base_region: { county: '340104' }, to_org_id: 'org_nf_340104', reason: 'relocation' as const }

eachDialect('moving a membership, withdrawing a consent (M3, L6)', (registry) => {
  const setup = (id: string) => {
    const r = registry()
    const key = r.cli(['platform', 'create', '--name', `迁移平台${id}`, '--id', id]).secret_key as string
    const nanjing = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京']).key as string)
    const hefei = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3401', '--name', '合肥']).key as string)
    return { r, key, nanjing, hefei }
  }

  it('a refused move keeps the status and the home region; a completed one sets the region', async () => {
    const { r, key, nanjing, hefei } = setup('P-MOVE1')
    const who = person(61, '钱迁移')
    const { applicationId } = await applyInNanjing(r.baseUrl, key, who, 'mv-u1')
    await staffJson(nanjing, `/v1/review/applications/${applicationId}/approve`, {})
    const member = await driverSession(r.baseUrl, key, 'mv-u1')
    const before = await member.membership.retrieve()
    expect(before).toMatchObject({ status: 'active', home_region: { county: '320115' } })

    const t1 = await member.membership.transfer(HEFEI)
    // Asked, not done: the home region is still the old one while the unions decide.
    expect(await member.membership.retrieve()).toMatchObject({ status: 'transferring', home_region: { county: '320115' } })
    await staffJson(nanjing, `/v1/review/transfers/${t1.id}/reject`, {})
    expect(await member.membership.retrieve()).toMatchObject({ status: 'active', union: { org_id: 'org_nf_320115' }, home_region: { county: '320115' } })

    const t2 = await member.membership.transfer({ ...HEFEI, base_region: { county: '340104', township: '340104001' } })
    expect((await member.membership.retrieve()).home_region).toEqual({ county: '320115' })
    await staffJson(nanjing, `/v1/review/transfers/${t2.id}/release`, {})
    await staffJson(hefei, `/v1/review/transfers/${t2.id}/accept`, {})
    expect(await member.membership.retrieve()).toMatchObject({ status: 'active', union: { org_id: 'org_nf_340104' }, home_region: { county: '340104', township: '340104001' } })
  })

  it('a retained member cannot start a move (membership_retained, the field named), from the member centre or the join flow; restored, they can', async () => {
    const { r, key, nanjing } = setup('P-MOVE2')
    const who = person(62, '孙保留')
    const { applicationId } = await applyInNanjing(r.baseUrl, key, who, 'mv-u2')
    const approved = await staffJson<{ member_card: { number: string } }>(nanjing, `/v1/review/applications/${applicationId}/approve`, {})
    expect((await staffJson<{ status: string }>(nanjing, `/v1/review/members/${approved.member_card.number}/retain`, { reason: '外出务工' })).status).toBe('retained')

    const member = await driverSession(r.baseUrl, key, 'mv-u2')
    await expect(member.membership.transfer(HEFEI)).rejects.toMatchObject({ code: 'membership_retained', statusCode: 409, param: 'membership.status' })
    // The join flow's way: a new submission in Hefei is told to transfer, and the transfer is refused the same way.
    const other = await driverSession(r.baseUrl, key, 'mv-u2b')
    const submitted = await other.applications.submit({ applicant: { ...who, employment_form: 'platform_self_employed' }, base_region: { county: '340104' }, org_id: 'org_nf_340104', consents: testConsents(), charter: testCharter() }).then(
      () => 'submitted',
      (e: { code?: string }) => e.code,
    )
    expect(submitted).toBe('transfer_required')
    await expect(other.transfers.request({ to_org_id: 'org_nf_340104', reason: 'relocation' })).rejects.toMatchObject({ code: 'membership_retained', param: 'membership.status' })
    // Nothing started, nothing changed.
    expect(await member.membership.retrieve()).toMatchObject({ status: 'retained', open_transfer: null, transfers: [], home_region: { county: '320115' } })

    await staffJson(nanjing, `/v1/review/members/${approved.member_card.number}/restore`, {})
    expect((await member.membership.transfer(HEFEI)).status).toBe('requested')
  })

  it('withdrawing a consent from a session linked to a member clears it on the membership’s application (and the session’s own)', async () => {
    const { r, key, nanjing } = setup('P-MOVE3')
    const both = testConsents(undefined, ['share_with_partners', 'share_membership_with_platform'])
    // The member joins with both optional consents (application A) through platform user mv-u3…
    const driver = await driverSession(r.baseUrl, key, 'mv-u3')
    const a = await driver.applications.submit({ applicant: { ...person(63, '周同意'), employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: both, charter: testCharter() })
    await staffJson(nanjing, `/v1/review/applications/${a.id}/approve`, {})
    // …and the same platform user later submits another application (B, another person's ID number): now the user's latest.
    const other = await driverSession(r.baseUrl, key, 'mv-u3')
    const b = await other.applications.submit({ applicant: { ...person(64, '吴家人'), employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: both, charter: testCharter() })
    const flags = async (id: string) => (await queryRows<{ p: number | string; s: number | string }>(r, `select shares_with_platform as p, shares_with_partners as s from applications where id = '${id}'`)).map((x) => [Number(x.p), Number(x.s)])[0]
    const platformView = async (id: string) => (await (await fetch(`${r.baseUrl}/v1/applications/${id}`, { headers: { authorization: `Bearer ${key}` } })).json()) as { membership?: unknown }
    expect((await platformView(a.id)).membership).toBeTruthy()

    // A member-centre session (no application of its own) withdraws: on A, the membership's application.
    const centre = await driverSession(r.baseUrl, key, 'mv-u3')
    // Through the client, so with an Idempotency-Key: the answer is the state read in the withdrawal's transaction.
    const state = await centre.consents.withdraw({ kind: 'share_membership_with_platform' })
    expect(state.application_id).toBe(a.id)
    expect(state.consents.find((c) => c.kind === 'share_membership_with_platform')?.withdrawn_at).toBeTruthy()
    expect((await platformView(a.id)).membership).toBeUndefined()
    expect((await centre.consents.retrieve()).application_id).toBe(a.id)
    expect([await flags(a.id), await flags(b.id)]).toEqual([[0, 1], [1, 1]])

    // The session that submitted B (its own application) withdraws the partners' sharing: on A and on B.
    const fromB = await other.consents.withdraw({ kind: 'share_with_partners' })
    expect(fromB.application_id).toBe(a.id)
    expect([await flags(a.id), await flags(b.id)]).toEqual([[0, 0], [1, 0]])
    const withdrawals = await queryRows<{ application_id: string; kind: string }>(r, `select application_id, kind from consent_withdrawals where application_id in ('${a.id}', '${b.id}')`)
    expect(withdrawals.map((w) => `${w.application_id === a.id ? 'A' : 'B'} ${w.kind}`).sort()).toEqual(['A share_membership_with_platform', 'A share_with_partners', 'B share_with_partners'])
  })
})
