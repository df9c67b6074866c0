// The member centre over real HTTP on both dialects (issue #16): a driver joins, reopens the app in a
// new session (member_centre mode), reads the membership and card, changes the mobile, moves from
// Nanjing to Hefei (both unions act), the card is reissued naming Hefei and the old one reported
// revoked, then leaves (confirmed by the union) and the card is revoked. Synthetic identities only.
import { expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { verifyMemberCard } from '@ruhui/core/cards'
import { verifyMemberCardJs } from '@ruhui/core/cards-js'
import { eachDialect } from './dialects'
import { applyInNanjing, driverSession, person, staffClient, staffJson } from './membership-fixtures'
import { queryRows } from './row-counts'

const claimsOf = (payload: string) => JSON.parse(Buffer.from(payload.split('.')[1] as string, 'base64url').toString('utf8')) as { no: string; org: string; name: string; since: string }

eachDialect('member centre', (registry) => {
  it('joins, reopens as a member, moves to Hefei (card reissued), leaves (card revoked)', async () => {
    const r = registry()
    const p = r.cli(['platform', 'create', '--name', '会员中心平台', '--id', 'P-MC'])
    const key = p.secret_key as string
    const nanjing = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京']).key as string)
    const hefei = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3401', '--name', '合肥']).key as string)
    const platform = createRegistryClient({ baseUrl: r.baseUrl, secretKey: key, transport: createFetchTransport() })
    const anyone = createRegistryClient({ baseUrl: r.baseUrl, secretKey: key, transport: createFetchTransport() })
    const who = person(11, '李会员')

    const { applicationId } = await applyInNanjing(r.baseUrl, key, who, 'mc-u1')
    // Days later, before the decision: a new session of the same platform user sees the application only.
    const waiting = await driverSession(r.baseUrl, key, 'mc-u1')
    const pending = await waiting.membership.retrieve()
    expect(pending).toMatchObject({ status: null, union: null, card: null, member_name: '**员', applications: [{ id: applicationId, status: 'under_review' }] })
    expect((await waiting.joinSessions.retrieve(waiting.sessionId)).mode).toBe('join')
    // Another platform user of the same platform has nothing here.
    const stranger = await driverSession(r.baseUrl, key, 'mc-u2')
    await expect(stranger.membership.retrieve()).rejects.toMatchObject({ code: 'membership_not_found', statusCode: 404 })

    await staffJson(nanjing, `/v1/review/applications/${applicationId}/approve`, {})
    const later = await driverSession(r.baseUrl, key, 'mc-u1')
    expect((await later.joinSessions.retrieve(later.sessionId)).mode).toBe('member_centre')
    // The platform's own read of the session does not say whether the driver is a member.
    expect((await platform.joinSessions.retrieve(later.sessionId)).mode).toBeUndefined()
    const m = await later.membership.retrieve()
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    expect(m).toMatchObject({ object: 'membership', status: 'active', join_date: today, member_name: '**员', union: { org_id: 'org_nf_320115', contact: { phone: expect.any(String) } }, leave_request: null, open_transfer: null })
    expect(m.history.map((h) => h.kind)).toEqual(['joined'])
    const card1 = m.card as { number: string; qr_payload: string }
    expect(claimsOf(card1.qr_payload)).toMatchObject({ no: card1.number, org: 'org_nf_320115', name: '**员', since: today })
    expect(await anyone.cards.verify(card1.qr_payload)).toMatchObject({ result: 'valid', card_number: card1.number, union_name: m.union?.name, member_name: '**员', member_since: today })

    // The member's own details.
    const newMobile = `137${who.mobile.slice(3)}`
    const updated = await later.membership.updateProfile({ mobile: newMobile, home_region: { county: '320106' } })
    expect(updated.mobile).toBe(`${newMobile.slice(0, 3)}****${newMobile.slice(-4)}`)
    expect(updated.home_region).toEqual({ county: '320106' })
    await expect(later.membership.updateProfile({ mobile: '12345' })).rejects.toMatchObject({ code: 'parameter_invalid', param: 'mobile' })
    await expect(later.membership.updateProfile({})).rejects.toMatchObject({ code: 'parameter_missing' })
    await expect(later.membership.updateProfile({ home_region: { county: '329999' } })).rejects.toMatchObject({ code: 'parameter_invalid', param: 'home_region.county' })

    // Moving: Nanjing's own base keeps the membership where it is; Hefei's offers Hefei's union.
    expect((await later.membership.transferOptions({ base_region: { county: '320115' } })).status).toBe('already_member')
    const options = await later.membership.transferOptions({ base_region: { county: '340104' } })
    expect(options.candidates.map((c) => c.org_id)).toContain('org_nf_340104')
    await expect(later.membership.transfer({ base_region: { county: '340104' }, to_org_id: 'org_nf_320115', reason: 'relocation' })).rejects.toMatchObject({ code: 'already_member' })
    await expect(later.membership.transfer({ base_region: { county: '340104' }, to_org_id: 'org_lf_3401', reason: 'relocation' })).rejects.toMatchObject({ code: 'org_not_offered' })
    const transfer = await later.membership.transfer({ base_region: { county: '340104' }, to_org_id: 'org_nf_340104', reason: 'relocation' })
    expect(transfer).toMatchObject({ status: 'requested', from_org_id: 'org_nf_320115', to_org_id: 'org_nf_340104' })
    await expect(later.membership.transfer({ base_region: { county: '340104' }, to_org_id: 'org_nf_340104', reason: 'relocation' })).rejects.toMatchObject({ code: 'transfer_in_progress' })
    await expect(later.membership.leave({ reason: 'personal' })).rejects.toMatchObject({ code: 'transfer_in_progress' })
    const moving = await later.membership.retrieve()
    // The home region asked for is the member's only once the transfer completes (a refused move keeps the old one).
    expect(moving).toMatchObject({ status: 'transferring', open_transfer: { id: transfer.id, to_org_id: 'org_nf_340104' }, home_region: { county: '320106' } })
    expect((await anyone.cards.verify(card1.qr_payload)).result).toBe('valid') // still a member at the source meanwhile

    // Hefei cannot accept before Nanjing releases; then both act.
    expect((await hefei(`/v1/review/transfers/${transfer.id}/accept`, { body: {} })).status).toBe(400)
    await staffJson(nanjing, `/v1/review/transfers/${transfer.id}/release`, {})
    await staffJson(hefei, `/v1/review/transfers/${transfer.id}/accept`, {})
    const moved = await later.membership.retrieve()
    expect(moved).toMatchObject({ status: 'active', join_date: today, union: { org_id: 'org_nf_340104' }, home_region: { county: '340104' }, open_transfer: null, transfers: [{ id: transfer.id, status: 'completed' }] })
    const card2 = moved.card as { number: string; qr_payload: string }
    expect(card2.number).toBe(card1.number)
    expect(card2.qr_payload).not.toBe(card1.qr_payload)
    expect(claimsOf(card2.qr_payload)).toMatchObject({ org: 'org_nf_340104', since: today })
    expect(await anyone.cards.verify(card2.qr_payload)).toMatchObject({ result: 'valid', union_name: moved.union?.name })
    expect(await anyone.cards.verify(card1.qr_payload)).toMatchObject({ result: 'revoked', card_number: card1.number })
    // Offline, with the registry's published key, on both paths: the signature holds for both cards; only the registry knows one was replaced.
    const { public_key_pem: pem } = (await (await fetch(`${r.baseUrl}/v1/card-public-key`)).json()) as { public_key_pem: string }
    for (const check of [verifyMemberCard, verifyMemberCardJs]) {
      expect(await check(card2.qr_payload, pem)).toEqual({ ok: true, claims: { number: card1.number, orgId: 'org_nf_340104', maskedName: '**员', memberSince: today, issuedAt: expect.any(String) } })
      expect(await check(card1.qr_payload, pem)).toMatchObject({ ok: true, claims: { orgId: 'org_nf_320115' } })
      const at = card2.qr_payload.length - 10 // a character inside the signature (the last one carries padding bits)
      expect(await check(`${card2.qr_payload.slice(0, at)}${card2.qr_payload[at] === 'A' ? 'B' : 'A'}${card2.qr_payload.slice(at + 1)}`, pem)).toEqual({ ok: false, reason: 'bad_signature' })
    }
    expect(moved.history.map((h) => h.kind)).toEqual(['transferred', 'transfer_requested', 'profile_updated', 'joined'])

    // Leaving: pending until Hefei confirms; cancelled once; Nanjing cannot see it any more.
    const asked = await later.membership.leave({ reason: 'no_longer_driving', note: '回老家了' })
    expect(asked).toMatchObject({ status: 'active', leave_request: { status: 'pending', reason: 'no_longer_driving' } })
    await expect(later.membership.leave({ reason: 'personal' })).rejects.toMatchObject({ code: 'leave_pending' })
    expect((await later.membership.cancelLeave()).leave_request?.status).toBe('cancelled')
    await expect(later.membership.cancelLeave()).rejects.toMatchObject({ code: 'no_pending_leave' })
    const again = await later.membership.leave({ reason: 'no_longer_driving' })
    const leaveId = again.leave_request?.id as string
    const list = await staffJson<{ data: Array<{ id: string; member_name: string; card_number: string }> }>(hefei, '/v1/review/leave-requests')
    expect(list.data.find((x) => x.id === leaveId)).toMatchObject({ member_name: '**员', card_number: card1.number })
    expect((await nanjing(`/v1/review/leave-requests/${leaveId}/confirm`, { body: {} })).status).toBe(404)
    await staffJson(hefei, `/v1/review/leave-requests/${leaveId}/confirm`, {})
    const left = await later.membership.retrieve()
    expect(left).toMatchObject({ status: 'withdrawn', card: null, leave_request: { id: leaveId, status: 'confirmed' } })
    expect(left.history[0]?.kind).toBe('left')
    expect(await anyone.cards.verify(card2.qr_payload)).toMatchObject({ result: 'revoked' })
    expect((await driverSession(r.baseUrl, key, 'mc-u1').then((d) => d.joinSessions.retrieve(d.sessionId))).mode).toBe('join')
    await expect(later.membership.leave({ reason: 'personal' })).rejects.toMatchObject({ code: 'membership_not_active' })

    // The leaving note is stored encrypted, never in the clear.
    const rows = await queryRows<{ note_enc: string | null }>(r, `select note_enc from leave_requests where note_enc is not null`)
    expect(rows.length).toBe(1)
    expect(rows[0]?.note_enc).not.toContain('回老家')
  })

  it('the member sees only their own applications: not an impostor’s filed with their ID number, nor the request meant for it', async () => {
    const r = registry()
    const key = r.cli(['platform', 'create', '--name', '冒名平台', '--id', 'P-IMP'])['secret_key'] as string
    const nanjing = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京']).key as string)
    const who = person(41, '施本人')
    const { applicationId } = await applyInNanjing(r.baseUrl, key, who, 'own-u1')
    await staffJson(nanjing, `/v1/review/applications/${applicationId}/approve`, {})
    // Another platform user files with the member's ID number, another name and mobile: taken in, flagged; the reviewer asks them for more.
    const impostor = await applyInNanjing(r.baseUrl, key, { ...who, name: '冒名者', mobile: person(42).mobile }, 'own-u2')
    expect((await staffJson<{ flags: { possible_duplicate?: unknown } }>(nanjing, `/v1/review/applications/${impostor.applicationId}`)).flags.possible_duplicate).toBeTruthy()
    await staffJson(nanjing, `/v1/review/applications/${impostor.applicationId}/request_info`, { reason: '请补充驾驶证照片' })

    const member = await driverSession(r.baseUrl, key, 'own-u1')
    const mine = await member.membership.retrieve()
    expect(mine).toMatchObject({ status: 'active', member_name: '**人', information_request: null })
    expect(mine.applications.map((a) => a.id)).toEqual([applicationId])
    // The impostor's own session sees their application and the request, and nothing of the membership.
    const theirs = await impostor.driver.membership.retrieve()
    expect(theirs).toMatchObject({ status: null, union: null, card: null, applications: [{ id: impostor.applicationId, status: 'needs_info' }] })
    expect(theirs.information_request).not.toBeNull()
  })

  it('at once: one request to leave, one transfer, one answer win; the rest are refused and nothing is doubled', async () => {
    const r = registry()
    const key = r.cli(['platform', 'create', '--name', '并发平台', '--id', 'P-RACE'])['secret_key'] as string
    const nanjing = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京'])['key'] as string)
    const { applicationId } = await applyInNanjing(r.baseUrl, key, person(31, '何并发'), 'race-u1')
    await staffJson(nanjing, `/v1/review/applications/${applicationId}/approve`, {})
    const member = await driverSession(r.baseUrl, key, 'race-u1')
    const settle = <T>(ps: Array<Promise<T>>) => Promise.all(ps.map((p) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? 'error')))
    const leaves = await settle(Array.from({ length: 6 }, () => member.membership.leave({ reason: 'personal' })))
    expect(leaves.filter((x) => x === 'ok')).toHaveLength(1)
    expect(new Set(leaves.filter((x) => x !== 'ok'))).toEqual(new Set(['leave_pending']))
    expect(await queryRows(r, `select id from leave_requests where status = 'pending'`)).toHaveLength(1)
    await member.membership.cancelLeave()
    const moves = await settle(Array.from({ length: 6 }, () => member.membership.transfer({ base_region: { county: '340104' }, to_org_id: 'org_nf_340104', reason: 'relocation' })))
    expect(moves.filter((x) => x === 'ok')).toHaveLength(1)
    expect(new Set(moves.filter((x) => x !== 'ok'))).toEqual(new Set(['transfer_in_progress']))
    expect(await queryRows(r, `select id from transfers where status = 'requested'`)).toHaveLength(1)
  })

  it('cards: a tampered or foreign payload is unknown; the check needs no credential and is limited per address', async () => {
    const r = registry()
    const verify = (payload: string) => fetch(`${r.baseUrl}/v1/cards/verify?payload=${encodeURIComponent(payload)}`)
    const unknown = await verify('RUHUI1.eyJubyI6IlJIMSJ9.AAAA')
    expect(unknown.status).toBe(200)
    expect(await unknown.json()).toMatchObject({ object: 'card_verification', result: 'unknown', card_number: null, union_name: null, member_name: null })
    expect(((await (await verify('hello')).json()) as { result: string }).result).toBe('unknown')
    expect((await fetch(`${r.baseUrl}/v1/cards/verify`)).status).toBe(400)
    expect((await verify('x'.repeat(3000))).status).toBe(400)
    // A burst of checks from one address runs into the limit (5 a second, a burst of 10).
    const statuses = await Promise.all(Array.from({ length: 30 }, () => verify('RUHUI1.a.b').then((res) => res.status)))
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0)
    const limited = await verify('RUHUI1.a.b')
    if (limited.status === 429) {
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited')
    }
  })
})
