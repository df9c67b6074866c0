// The staff side of issue #16 against real registry processes on both dialects: a request for
// information naming fields and a photo, the driver's answer seen in the reviewer's detail, then
// approval; 保留会籍, restore, 开除会籍 (with a reason; the card revoked), a member's 退会 confirmed
// (the card revoked); batch approval answered per application; applications waiting more than five
// working days flagged. Staff outside the member's subtree get 404; every action is recorded; a
// refused request changes nothing.
import { beforeAll, expect, it } from 'vitest'
import { eachDialect } from './dialects'
import { type Staff, applyInNanjing, driverSession, nanjingMember, person, staffClient, staffJson, submitInNanjing } from './membership-fixtures'
import { queryRows, runSql } from './row-counts'

// A 1×1 PNG (a real one: the registry tells the type by the bytes).
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

eachDialect('staff actions', (registry, dialect) => {
  let key = ''
  let nanjing: Staff
  let hefei: Staff
  const n0 = dialect === 'sqlite' ? 300 : 400
  beforeAll(() => {
    const r = registry()
    key = r.cli(['platform', 'create', '--name', '平台甲', '--id', 'P-S'])['secret_key'] as string
    nanjing = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京'])['key'] as string)
    hefei = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3401', '--name', '合肥'])['key'] as string)
  })
  const errorOf = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { code: string; param?: string } }).error })

  it('a request for information names fields and a photo; the driver’s answer and photo reach the reviewer’s detail; then approval', async () => {
    const r = registry()
    const { applicationId: id, driver } = await applyInNanjing(r.baseUrl, key, person(n0 + 1), 'loop-1')
    // Refused: a field not on the list; nothing is stored and the status stays.
    const bad = await nanjing(`/v1/review/applications/${id}/request_info`, { body: { reason: '请补充', fields: ['id_number'] } })
    expect(await errorOf(bad)).toMatchObject({ status: 400, code: 'parameter_invalid', param: 'fields.0' })
    expect(await queryRows(r, `select id from information_requests where application_id = '${id}'`)).toEqual([])
    const asked = await staffJson<{ status: string }>(nanjing, `/v1/review/applications/${id}/request_info`, { reason: '请上传驾驶证照片并核对车牌', fields: ['plate'], documents: ['driving_licence_photo'] })
    expect(asked.status).toBe('needs_info')
    const detail = await staffJson<{ information_requests: Array<{ fields: string[]; documents: string[]; message: string; answered_at: string | null }> }>(nanjing, `/v1/review/applications/${id}`)
    expect(detail.information_requests).toMatchObject([{ fields: ['plate'], documents: ['driving_licence_photo'], message: '请上传驾驶证照片并核对车牌', answered_at: null }])
    // Another union's reviewer cannot ask.
    expect((await hefei(`/v1/review/applications/${id}/request_info`, { body: { reason: 'x' } })).status).toBe(404)

    const upload = await driver.uploads.create({ application_id: id, purpose: 'driving_licence_photo', data_base64: PNG })
    await driver.applications.respond(id, { fields: { plate: '苏A12345' }, upload_ids: [upload.id], note: '已上传' })
    const answered = await staffJson<{ status: string; information_requests: Array<{ answer: { fields: string[]; note: string } | null; uploads: Array<{ id: string; purpose: string; content_type: string }> }> }>(nanjing, `/v1/review/applications/${id}`)
    expect(answered.status).toBe('under_review')
    expect(answered.information_requests[0]).toMatchObject({ answer: { fields: ['plate'], note: '已上传' }, uploads: [{ id: upload.id, purpose: 'driving_licence_photo', content_type: 'image/png' }] })
    // The photo itself, for the reviewer of the subtree only.
    const photo = await nanjing(`/v1/review/uploads/${upload.id}`)
    expect([photo.status, photo.headers.get('content-type')]).toEqual([200, 'image/png'])
    expect(Buffer.from(await photo.arrayBuffer()).equals(Buffer.from(PNG, 'base64'))).toBe(true)
    expect((await hefei(`/v1/review/uploads/${upload.id}`)).status).toBe(404)
    expect((await staffJson<{ status: string }>(nanjing, `/v1/review/applications/${id}/approve`, {})).status).toBe('approved')
  })

  it('retain, restore, expel (a reason needed; the card revoked), restore after an appeal (a new card): subtree only, recorded', async () => {
    const r = registry()
    const { card } = await nanjingMember(r.baseUrl, key, nanjing, person(n0 + 2), 'life-1')
    const status = async () => (await queryRows<{ status: string }>(r, `select status from members where card_number = '${card}'`))[0]?.status
    const cardsInForce = async () => (await queryRows<{ n: number }>(r, `select count(*) as n from member_cards where card_number = '${card}' and revoked_at is null`))[0]?.n
    expect((await hefei(`/v1/review/members/${card}/retain`, { body: {} })).status).toBe(404)
    expect((await staffJson<{ status: string }>(nanjing, `/v1/review/members/${card}/retain`, { reason: '退休' })).status).toBe('retained')
    expect(Number(await cardsInForce())).toBe(1) // 保留会籍 keeps the card
    expect(await errorOf(await nanjing(`/v1/review/members/${card}/retain`, { body: {} }))).toMatchObject({ status: 409, code: 'membership_not_active' })
    expect((await staffJson<{ status: string }>(nanjing, `/v1/review/members/${card}/restore`, {})).status).toBe('active')
    expect(await errorOf(await nanjing(`/v1/review/members/${card}/expel`, { body: {} }))).toMatchObject({ status: 400, code: 'parameter_missing', param: 'reason' })
    expect(await status()).toBe('active')
    expect((await hefei(`/v1/review/members/${card}/expel`, { body: { reason: '严重违反章程' } })).status).toBe(404)
    expect((await staffJson<{ status: string }>(nanjing, `/v1/review/members/${card}/expel`, { reason: '严重违反章程' })).status).toBe('expelled')
    expect(Number(await cardsInForce())).toBe(0)
    expect((await staffJson<{ status: string }>(nanjing, `/v1/review/members/${card}/restore`, { reason: '申诉成立' })).status).toBe('active')
    expect(Number(await cardsInForce())).toBe(1)
    const actions = await queryRows<{ action: string; reason: string | null }>(r, `select action, reason from review_actions where subject_id = '${card}' order by created_at`)
    expect(actions.map((a) => a.action)).toEqual(['member_retain', 'member_restore', 'member_expel', 'member_restore'])
    expect(actions[2]?.reason).toBe('严重违反章程')
    expect((await queryRows<{ action: string }>(r, `select action from audit_log where subject = '${card}' order by id`)).map((a) => a.action)).toEqual(['member_retain', 'member_restore', 'member_expel', 'member_restore'])
    expect((await nanjing('/v1/review/members/CARD-NONE/expel', { body: { reason: 'x' } })).status).toBe(404)
    expect((await nanjing(`/v1/review/members/${card}/promote`, { body: {} })).status).toBe(404)
  })

  it('a member asks to leave; the union sees it and confirms it; the card is revoked', async () => {
    const r = registry()
    const who = person(n0 + 3)
    const { card } = await nanjingMember(r.baseUrl, key, nanjing, who, 'leave-1')
    const later = await driverSession(r.baseUrl, key, 'leave-1') // the driver opens the app again
    const m = await later.membership.leave({ reason: 'retired' })
    expect(m.leave_request?.status).toBe('pending')
    const list = await staffJson<{ data: Array<{ id: string; card_number: string; member_name: string; reason: string }> }>(nanjing, '/v1/review/leave-requests')
    const mine = list.data.find((l) => l.card_number === card)
    expect(mine).toMatchObject({ member_name: '**试', reason: 'retired' })
    expect((await staffJson<{ data: unknown[] }>(hefei, '/v1/review/leave-requests')).data.find((l) => (l as { card_number: string }).card_number === card)).toBeUndefined()
    expect((await hefei(`/v1/review/leave-requests/${mine?.id}/confirm`, { body: {} })).status).toBe(404)
    expect(await errorOf(await nanjing(`/v1/review/leave-requests/${mine?.id}/decline`, { body: {} }))).toMatchObject({ status: 400, code: 'parameter_missing' })
    expect((await staffJson<{ status: string }>(nanjing, `/v1/review/leave-requests/${mine?.id}/confirm`, {})).status).toBe('confirmed')
    expect((await queryRows<{ status: string }>(r, `select status from members where card_number = '${card}'`))[0]?.status).toBe('withdrawn')
    expect(Number((await queryRows<{ n: number }>(r, `select count(*) as n from member_cards where card_number = '${card}' and revoked_at is null`))[0]?.n)).toBe(0)
    expect((await queryRows(r, `select id from audit_log where action = 'leave_confirm' and subject = '${mine?.id}'`)).length).toBe(1)
    // Decided once: a second confirmation is refused.
    expect((await nanjing(`/v1/review/leave-requests/${mine?.id}/confirm`, { body: {} })).status).toBe(400)
  })

  it('batch approval: each approved on its own, failures reported per application, another union’s not touched', async () => {
    const r = registry()
    const ours = [await submitInNanjing(r.baseUrl, key, person(n0 + 10), 'b-1'), await submitInNanjing(r.baseUrl, key, person(n0 + 11), 'b-2'), await submitInNanjing(r.baseUrl, key, person(n0 + 12), 'b-3')]
    const decided = await submitInNanjing(r.baseUrl, key, person(n0 + 13), 'b-4')
    await staffJson(nanjing, `/v1/review/applications/${decided}/reject`, { reason: '非货车司机' })
    const res = await staffJson<{ approved: number; failed: number; results: Array<{ application_id: string; ok: boolean; status?: string; error?: { code: string; message: string } }> }>(nanjing, '/v1/review/batch-approvals', { application_ids: [...ours, decided, 'app_nothing_here'] })
    expect([res.approved, res.failed]).toEqual([3, 2])
    expect(res.results.filter((x) => x.ok).map((x) => [x.application_id, x.status])).toEqual(ours.map((id) => [id, 'approved']))
    expect(res.results.find((x) => x.application_id === decided)?.error).toMatchObject({ code: 'invalid_request' })
    expect(res.results.find((x) => x.application_id === 'app_nothing_here')?.error).toMatchObject({ code: 'not_found' })
    for (const id of ours) expect((await queryRows(r, `select id from review_actions where subject_id = '${id}' and action = 'approve'`)).length).toBe(1)
    // Recorded in each approval's own transaction (the same moment as its review action), for the approved ones only.
    const logged = await queryRows<{ subject: string; created_at: string }>(r, `select subject, created_at from audit_log where action = 'batch_approve' order by subject`)
    expect(logged.map((x) => x.subject)).toEqual([...ours].sort())
    for (const row of logged) expect((await queryRows<{ created_at: string }>(r, `select created_at from review_actions where subject_id = '${row.subject}' and action = 'approve'`))[0]?.created_at).toBe(row.created_at)
    // Hefei's reviewer cannot approve Nanjing's applications in a batch either.
    const other = await submitInNanjing(r.baseUrl, key, person(n0 + 14), 'b-5')
    const theirs = await staffJson<{ approved: number; results: Array<{ error?: { code: string } }> }>(hefei, '/v1/review/batch-approvals', { application_ids: [other] })
    expect([theirs.approved, theirs.results[0]?.error?.code]).toEqual([0, 'not_found'])
    expect((await queryRows<{ status: string }>(r, `select status from applications where id = '${other}'`))[0]?.status).not.toBe('approved')
    for (const body of [{ application_ids: [] }, { application_ids: 'app_1' }, {}, { application_ids: Array.from({ length: 101 }, (_, i) => `app_${i}`) }]) expect((await nanjing('/v1/review/batch-approvals', { body })).status).toBe(400)
  })

  it('an application waiting more than five working days is flagged; a new one is not', async () => {
    const r = registry()
    const old = await submitInNanjing(r.baseUrl, key, person(n0 + 20), 'w-1')
    const fresh = await submitInNanjing(r.baseUrl, key, person(n0 + 21), 'w-2')
    // Submitted two calendar weeks ago (ten working days, whatever the weekday today).
    await runSql(r, `update applications set submitted_at = '${new Date(Date.now() - 14 * 86_400_000).toISOString()}' where id = '${old}'`)
    const q = await staffJson<{ data: Array<{ id: string; overdue: boolean; waiting_working_days: number | null }> }>(nanjing, '/v1/review/applications?limit=200')
    expect(q.data.find((a) => a.id === old)).toMatchObject({ overdue: true, waiting_working_days: 10 })
    expect(q.data.find((a) => a.id === fresh)).toMatchObject({ overdue: false, waiting_working_days: 0 })
  })
})
