// The sandbox serves issue #16 like the registry: the member centre, moving, leaving, card checks,
// the review loop with a photo — so an integrator's tests can walk a whole membership over msw.
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { TEST_SECRET_KEY, createRegistrySandbox, makeTestIdNumber, testCharter, testConsents, testIdentities } from '@ruhui/testing'

const sandbox = createRegistrySandbox()
const server = setupServer(...sandbox.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
const backend = createRegistryClient({ baseUrl: sandbox.baseUrl, secretKey: TEST_SECRET_KEY, transport: createFetchTransport(), maxRetries: 0 })
const driverFor = async (user: string) => {
  const s = await backend.joinSessions.create({ platform_user_id: user })
  return Object.assign(createRegistryClient({ baseUrl: sandbox.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport(), maxRetries: 0 }), { sessionId: s.id })
}
const submitIn = (d: Awaited<ReturnType<typeof driverFor>>, who = testIdentities.standard) =>
  d.applications.submit({ applicant: { ...who, employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_sandbox_nanjing_freight', consents: testConsents(), charter: testCharter() })
// A real 1×1 PNG (its IHDR, IDAT, IEND).
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC'

it('a member reopens the app in the member centre, moves from Nanjing to Hefei, leaves; the card follows', async () => {
  const first = await driverFor('sb-member')
  const app = await submitIn(first)
  sandbox.review(app.id, 'approve')
  const later = await driverFor('sb-member')
  expect((await later.joinSessions.retrieve(later.sessionId)).mode).toBe('member_centre')
  expect((await backend.joinSessions.retrieve(later.sessionId)).mode).toBeUndefined()
  const m = await later.membership.retrieve()
  expect(m).toMatchObject({ status: 'active', union: { org_id: 'org_sandbox_nanjing_freight' }, member_name: '**试', history: [{ kind: 'joined' }] })
  const card = m.card?.qr_payload as string
  expect(await backend.cards.verify(card)).toMatchObject({ result: 'valid', union_name: '南京市道路货运行业工会联合会（沙箱）', member_name: '**试' })
  expect((await backend.cards.verify('RUHUI1.x.y')).result).toBe('unknown')

  expect((await later.membership.transferOptions({ base_region: { county: '340104' } })).candidates.map((c) => c.org_id)).toContain('org_sandbox_hefei_freight')
  const t = await later.membership.transfer({ base_region: { county: '340104' }, to_org_id: 'org_sandbox_hefei_freight', reason: 'relocation' })
  await expect(later.membership.leave({ reason: 'personal' })).rejects.toMatchObject({ code: 'transfer_in_progress' })
  sandbox.advanceTransfer(t.id, 'release')
  sandbox.advanceTransfer(t.id, 'accept')
  const moved = await later.membership.retrieve()
  expect(moved).toMatchObject({ status: 'active', union: { org_id: 'org_sandbox_hefei_freight' }, join_date: m.join_date })
  expect(await backend.cards.verify(card)).toMatchObject({ result: 'revoked' })
  expect(await backend.cards.verify(moved.card?.qr_payload as string)).toMatchObject({ result: 'valid', union_name: '合肥市道路货运行业工会联合会（沙箱）' })

  const leaving = await later.membership.leave({ reason: 'no_longer_driving' })
  expect(leaving.leave_request?.status).toBe('pending')
  sandbox.decideLeave(leaving.leave_request?.id as string, 'confirm')
  expect(await later.membership.retrieve()).toMatchObject({ status: 'withdrawn', card: null })
  expect(await backend.cards.verify(moved.card?.qr_payload as string)).toMatchObject({ result: 'revoked' })
  await expect(later.membership.updateProfile({ mobile: '13912345678' })).rejects.toMatchObject({ code: 'membership_not_active' })
  await expect((await driverFor('sb-nobody')).membership.retrieve()).rejects.toMatchObject({ code: 'membership_not_found' })
})

it('the review loop: request, refused uploads, a photo, the answer; the application returns to review', async () => {
  const d = await driverFor('sb-loop')
  const app = await submitIn(d, { ...testIdentities.standard, id_number: makeTestIdNumber({ regionCode: '320102', birthDate: '1986-04-02', sequence: '124' }) })
  sandbox.requestInformation(app.id, { fields: ['plate'], documents: ['driving_licence_photo'], message: '请补充车牌号和驾驶证照片' })
  expect(await d.applications.retrieve(app.id)).toMatchObject({ status: 'needs_info', information_request: { fields: ['plate'], documents: ['driving_licence_photo'] } })
  await expect(d.uploads.create({ application_id: app.id, purpose: 'driving_licence_photo', data_base64: btoa('%PDF-1.4 not a photo') })).rejects.toMatchObject({ code: 'upload_not_image' })
  const photo = await d.uploads.create({ application_id: app.id, purpose: 'driving_licence_photo', data_base64: PNG })
  expect(photo).toMatchObject({ content_type: 'image/png', size: 69 })
  await expect(d.applications.respond(app.id, { upload_ids: [photo.id] })).rejects.toMatchObject({ code: 'information_incomplete', param: 'fields.plate' })
  const answered = await d.applications.respond(app.id, { fields: { plate: '苏A12345' }, upload_ids: [photo.id] })
  expect(answered).toMatchObject({ status: 'under_review', information_request: { answered_at: expect.any(String) } })
  expect(sandbox.upload(photo.id)?.contentType).toBe('image/png')
  expect(sandbox.events.map((e) => e.type).slice(-2)).toEqual(['application.needs_info', 'application.under_review'])
})

it('moving, as the registry: the platform hears of a transfer only with share_membership_with_platform; a retained member cannot move; the home region changes on completion', async () => {
  const first = await driverFor('sb-mover-consent')
  const who = { ...testIdentities.standard, id_number: makeTestIdNumber({ regionCode: '320102', birthDate: '1986-04-02', sequence: '131' }) }
  const app = await first.applications.submit({ applicant: { ...who, employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_sandbox_nanjing_freight', consents: testConsents(undefined, ['share_membership_with_platform']), charter: testCharter() })
  sandbox.review(app.id, 'approve')
  const later = await driverFor('sb-mover-consent')
  const member = [...sandbox.state.members.values()].find((m) => m.applicationId === app.id)
  if (!member) throw new Error('no member')
  member.status = 'retained'
  const move = { base_region: { county: '340104' }, to_org_id: 'org_sandbox_hefei_freight', reason: 'relocation' } as const
  await expect(later.membership.transfer(move)).rejects.toMatchObject({ code: 'membership_retained', param: 'membership.status', statusCode: 409 })
  member.status = 'active'
  const before = sandbox.events.length
  const refused = await later.membership.transfer(move)
  expect((await later.membership.retrieve()).home_region).not.toEqual({ county: '340104' })
  sandbox.advanceTransfer(refused.id, 'reject')
  expect(member.status).toBe('active')
  const t = await later.membership.transfer(move)
  expect(Object.keys(await backend.transfers.retrieve(t.id)).sort()).toEqual(['created_at', 'id', 'object', 'session_id', 'status', 'updated_at'])
  sandbox.advanceTransfer(t.id, 'release')
  sandbox.advanceTransfer(t.id, 'accept')
  expect((await later.membership.retrieve()).home_region).toEqual({ county: '340104' })
  expect(sandbox.events.slice(before).map((e) => e.type)).toEqual(['transfer.requested', 'transfer.rejected', 'transfer.requested', 'transfer.completed'])
  // Withdrawn, the platform reads it no more.
  await first.consents.withdraw({ kind: 'share_membership_with_platform' })
  await expect(backend.transfers.retrieve(t.id)).rejects.toMatchObject({ code: 'not_found' })
})
