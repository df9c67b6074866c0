// The review loop with a photo, over real HTTP on both dialects (issue #16): a reviewer asks for a
// plate and the driving licence; uploads that are not images, too large, for someone else's
// application, or another session's are refused with their codes and nothing is stored; the
// answer puts the application back to review; the reviewer of the subtree (only) sees the photo.
// And a rejected driver applies again. Synthetic identities and images only.
import { expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { testCharter, testConsents } from '@ruhui/testing'
import { eachDialect } from './dialects'
import { makeJpegBytes, makePng, NOT_IMAGES } from './image-fixtures'
import { applyInNanjing, driverSession, person, staffClient, staffJson } from './membership-fixtures'
import { queryRows, rowCounts } from './row-counts'

const MiB = 1024 * 1024
const b64 = (b: Buffer) => b.toString('base64')

eachDialect('review loop', (registry) => {
  it('request → refused uploads store nothing → upload → answer → the reviewer sees the photo → approve', async () => {
    const r = registry()
    const key = r.cli(['platform', 'create', '--name', '补充材料平台', '--id', 'P-RL']).secret_key as string
    const nanjing = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京']).key as string)
    const hefei = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3401', '--name', '合肥']).key as string)
    const { applicationId, driver } = await applyInNanjing(r.baseUrl, key, person(21, '赵补充'), 'rl-u1')
    const other = await applyInNanjing(r.baseUrl, key, person(22, '钱旁人'), 'rl-u2')

    // Before any request: nothing to upload for.
    await expect(driver.uploads.create({ application_id: applicationId, purpose: 'driving_licence_photo', data_base64: b64(makePng()) })).rejects.toMatchObject({ code: 'not_awaiting_information', statusCode: 409 })
    await staffJson(nanjing, `/v1/review/applications/${applicationId}/request_info`, { reason: '请补充车牌号，并上传驾驶证照片', fields: ['plate'], documents: ['driving_licence_photo'] })
    await staffJson(nanjing, `/v1/review/applications/${other.applicationId}/request_info`, { reason: '请上传驾驶证照片', documents: ['driving_licence_photo'] })

    // The driver sees the request in the flow (the application) and, days later in a new session, in the member centre.
    const seen = await driver.applications.retrieve(applicationId)
    expect(seen).toMatchObject({ status: 'needs_info', information_request: { fields: ['plate'], documents: ['driving_licence_photo'], message: '请补充车牌号，并上传驾驶证照片', answered_at: null } })
    const later = await driverSession(r.baseUrl, key, 'rl-u1')
    expect((await later.membership.retrieve()).information_request).toMatchObject({ application_id: applicationId, fields: ['plate'] })
    // The new session opens the member centre where the request waits (one read of the session); a stranger's opens the join flow.
    expect((await later.joinSessions.retrieve(later.sessionId)).mode).toBe('member_centre')
    const stranger = await driverSession(r.baseUrl, key, 'rl-u9')
    expect((await stranger.joinSessions.retrieve(stranger.sessionId)).mode).toBe('join')
    // The platform's view carries no request.
    const platform = createRegistryClient({ baseUrl: r.baseUrl, secretKey: key, transport: createFetchTransport() })
    expect((await platform.applications.retrieve(applicationId)) as Record<string, unknown>).not.toHaveProperty('information_request')

    const elsewhere = await driverSession(r.baseUrl, key, 'rl-u2')
    const before = await rowCounts(r)
    const upload = (data: string, id = applicationId, who = later) => who.uploads.create({ application_id: id, purpose: 'driving_licence_photo', data_base64: data })
    for (const bytes of Object.values(NOT_IMAGES)) await expect(upload(b64(bytes))).rejects.toMatchObject({ code: 'upload_not_image', statusCode: 415, param: 'data_base64' })
    await expect(upload(b64(makeJpegBytes(2 * MiB + 1)))).rejects.toMatchObject({ code: 'upload_too_large', statusCode: 413 })
    await expect(upload('not base64!')).rejects.toMatchObject({ code: 'parameter_invalid', param: 'data_base64' })
    await expect(upload(b64(makePng()), other.applicationId)).rejects.toMatchObject({ code: 'not_found', statusCode: 404, param: 'application_id' })
    // A body past the route's limit (3 MiB) is refused before it is read, before anything else.
    const huge = await fetch(`${r.baseUrl}/v1/uploads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ application_id: applicationId, purpose: 'other_photo', data_base64: 'A'.repeat(3 * MiB + 10) }) })
    expect(huge.status).toBe(413)
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')
    // Answers that do not give what was asked, or use what is not theirs.
    const othersUpload = await elsewhere.uploads.create({ application_id: other.applicationId, purpose: 'driving_licence_photo', data_base64: b64(makePng()) })
    await expect(later.applications.respond(applicationId, { fields: { plate: '苏A12345' }, upload_ids: [othersUpload.id] })).rejects.toMatchObject({ code: 'upload_not_usable', param: 'upload_ids.0' })
    await expect(later.applications.respond(other.applicationId, { upload_ids: [othersUpload.id] })).rejects.toMatchObject({ code: 'not_found', statusCode: 404 })
    const after = await rowCounts(r)
    expect(after).toEqual({ ...before, uploads: (before.uploads ?? 0) + 1, idempotency_keys: after.idempotency_keys }) // only the other driver's own upload

    // A JPEG and a PNG; one made by an earlier session of the same driver cannot be used by this one.
    const jpeg = await driver.uploads.create({ application_id: applicationId, purpose: 'driving_licence_photo', data_base64: b64(makeJpegBytes(4096)) })
    expect(jpeg).toMatchObject({ object: 'upload', content_type: 'image/jpeg', size: 4096, application_id: applicationId })
    const png = makePng(8, 6)
    const photo = await later.uploads.create({ application_id: applicationId, purpose: 'driving_licence_photo', data_base64: b64(png) })
    expect(photo).toMatchObject({ content_type: 'image/png', size: png.length })
    await expect(later.applications.respond(applicationId, { upload_ids: [photo.id] })).rejects.toMatchObject({ code: 'information_incomplete', param: 'fields.plate' })
    await expect(later.applications.respond(applicationId, { fields: { plate: '苏A12345' } })).rejects.toMatchObject({ code: 'information_incomplete', param: 'upload_ids' })
    await expect(later.applications.respond(applicationId, { fields: { plate: '苏A12345', name: '赵改名' }, upload_ids: [photo.id] })).rejects.toMatchObject({ code: 'parameter_invalid', param: 'fields.name' })
    await expect(later.applications.respond(applicationId, { fields: { plate: '苏A12345' }, upload_ids: [jpeg.id] })).rejects.toMatchObject({ code: 'upload_not_usable' })
    await expect(later.applications.respond(applicationId, { fields: { plate: '不是车牌' }, upload_ids: [photo.id] })).rejects.toMatchObject({ code: 'parameter_invalid', param: 'fields.plate' })
    expect((await later.applications.retrieve(applicationId).catch((e: { code: string }) => e.code))).toBe('not_found') // a session reads its own application; the member centre lists the rest

    const answered = await later.applications.respond(applicationId, { fields: { plate: '苏A12345' }, upload_ids: [photo.id], note: '已上传驾驶证' })
    const afterAnswer = await driverSession(r.baseUrl, key, 'rl-u1')
    expect((await afterAnswer.joinSessions.retrieve(afterAnswer.sessionId)).mode).toBe('join') // answered: nothing waits on the driver
    expect(answered).toMatchObject({ id: applicationId, status: 'under_review', information_request: { answered_at: expect.any(String) } })
    await expect(later.applications.respond(applicationId, { fields: { plate: '苏A12345' }, upload_ids: [photo.id] })).rejects.toMatchObject({ code: 'not_awaiting_information' })
    await expect(later.uploads.create({ application_id: applicationId, purpose: 'other_photo', data_base64: b64(png) })).rejects.toMatchObject({ code: 'not_awaiting_information' })

    // Stored encrypted: neither the PNG's bytes nor its base64 are in the row.
    const [row] = await queryRows<{ data_enc: string; size: number }>(r, `select data_enc, size from uploads where id = '${photo.id}'`)
    expect(row?.data_enc.startsWith('v1.')).toBe(true)
    expect(row?.data_enc).not.toContain(b64(png).slice(0, 16))
    expect(row?.data_enc).not.toContain(png.toString('base64url').slice(0, 16))

    // The reviewer of the subtree sees the photo; another union's, a driver and a platform do not.
    const view = await nanjing(`/v1/review/uploads/${photo.id}`)
    expect(view.status).toBe(200)
    expect(view.headers.get('content-type')).toBe('image/png')
    expect(view.headers.get('cache-control')).toBe('no-store')
    expect(Buffer.from(await view.arrayBuffer()).equals(png)).toBe(true)
    expect((await hefei(`/v1/review/uploads/${photo.id}`)).status).toBe(404)
    expect((await fetch(`${r.baseUrl}/v1/review/uploads/${photo.id}`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(403)
    expect((await fetch(`${r.baseUrl}/v1/review/uploads/${photo.id}`)).status).toBe(401)
    const audit = await queryRows<{ action: string }>(r, `select action from audit_log where subject = '${photo.id}'`)
    expect(audit.map((a) => a.action)).toEqual(['view_upload'])
    // What the reviewer's detail can show: the answer's field names, the note, the photo's id.
    const detail = await queryRows<{ answered_at: string | null; upload_ids: string }>(r, `select answered_at, upload_ids from information_requests where application_id = '${applicationId}'`)
    expect(detail).toEqual([{ answered_at: expect.any(String), upload_ids: JSON.stringify([photo.id]) }])

    const approved = await staffJson<{ status: string }>(nanjing, `/v1/review/applications/${applicationId}/approve`, {})
    expect(approved.status).toBe('approved')
  })

  it('a rejected driver applies again, in a new session of the same platform user', async () => {
    const r = registry()
    const key = r.cli(['platform', 'create', '--name', '再次申请平台', '--id', 'P-RA']).secret_key as string
    const nanjing = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京']).key as string)
    const who = person(23, '孙再来')
    const { applicationId, driver } = await applyInNanjing(r.baseUrl, key, who, 'ra-u1')
    await staffJson(nanjing, `/v1/review/applications/${applicationId}/reject`, { reason: '材料不全' })
    const body = { applicant: { ...who, employment_form: 'platform_self_employed' as const }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter: testCharter() }
    await expect(driver.applications.submit(body)).rejects.toMatchObject({ code: 'session_completed' }) // the same session was used
    const again = await driverSession(r.baseUrl, key, 'ra-u1')
    const second = await again.applications.submit(body)
    expect(second).toMatchObject({ status: 'under_review' })
    expect((await again.membership.retrieve()).applications.map((a) => [a.id, a.status])).toEqual([
      [second.id, 'under_review'],
      [applicationId, 'rejected'],
    ])
    expect((await staffJson<{ status: string }>(nanjing, `/v1/review/applications/${second.id}/approve`, {})).status).toBe('approved')
  })
})
