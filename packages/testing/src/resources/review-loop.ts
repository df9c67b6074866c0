/**
 * The review loop in the sandbox (issue #16): `sandbox.requestInformation` stands for the reviewer;
 * the driver uploads (JPEG/PNG by their bytes, at most 2 MiB, for their own application while it
 * waits) and answers (every field and photo asked for); the application returns to review. Same
 * codes as the registry.
 */
import { checkDriverIdentity, enumLabel, formatIssue } from '@ruhui/core'
import { type Application, type ApplicationResponse, type InformationRequest, MAX_UPLOAD_BYTES, type Upload, type UploadCreate } from '@ruhui/core/contract'
import { emit } from '../events'
import { type Ctx, Refusal, nextId, nowIso } from '../http-kit'
import type { ApplicationRecord, SandboxState } from '../state'
import { findSession } from './sessions'

/** The application, if the caller's platform user submitted it (from any of their sessions). */
function driverApplication(ctx: Ctx, id: string, param = 'id'): ApplicationRecord {
  const me = findSession(ctx, ctx.sessionId as string).session
  const r = ctx.state.applications.get(id)
  const owner = r ? ctx.state.sessions.get(r.application.session_id)?.session : undefined
  if (!r || !owner || owner.platform_id !== me.platform_id || owner.platform_user_id !== me.platform_user_id) throw new Refusal('not_found', { param })
  return r
}

/** The reviewer asks (the sandbox's stand-in for the console): the application goes to needs_info. */
export function requestInformation(state: SandboxState, applicationId: string, ask: { fields?: InformationRequest['fields']; documents?: InformationRequest['documents']; message: string }): InformationRequest {
  const r = state.applications.get(applicationId)
  if (!r) throw new Refusal('not_found')
  const request: InformationRequest = { id: nextId(state, 'irq'), object: 'information_request', application_id: applicationId, fields: ask.fields ?? [], documents: ask.documents ?? [], message: ask.message, requested_at: nowIso(state), answered_at: null }
  state.informationRequests.set(applicationId, request)
  r.application.status = 'needs_info'
  r.application.status_reason = { code: 'more_information', params: {}, message: ask.message }
  r.application.updated_at = nowIso(state)
  emit(state, 'application.needs_info', r.application)
  return request
}

function decodeBase64(text: string): Uint8Array | undefined {
  const s = text.replace(/\s+/g, '')
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return undefined
  return Uint8Array.from(atob(s), (c) => c.charCodeAt(0))
}

function sniff(b: Uint8Array): 'image/jpeg' | 'image/png' | undefined {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    for (let i = b.length - 2; i >= Math.max(0, b.length - 64); i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return 'image/jpeg'
    return undefined
  }
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  return b.length >= 33 && png.every((x, i) => b[i] === x) && String.fromCharCode(b[12] ?? 0, b[13] ?? 0, b[14] ?? 0, b[15] ?? 0) === 'IHDR' ? 'image/png' : undefined
}

export function createUpload(ctx: Ctx, body: UploadCreate): Upload {
  const r = driverApplication(ctx, body.application_id, 'application_id')
  if (r.application.status !== 'needs_info') throw new Refusal('not_awaiting_information', { param: 'application_id' })
  const bytes = decodeBase64(body.data_base64)
  if (!bytes || bytes.length === 0) throw new Refusal('parameter_invalid', { param: 'data_base64', message: '照片数据不是有效的 base64 编码', en: 'data_base64 is not valid base64' })
  if (bytes.length > MAX_UPLOAD_BYTES) throw new Refusal('upload_too_large', { param: 'data_base64' })
  const contentType = sniff(bytes)
  if (!contentType) throw new Refusal('upload_not_image', { param: 'data_base64' })
  const u = { id: nextId(ctx.state, 'upl'), sessionId: ctx.sessionId as string, applicationId: r.application.id, purpose: body.purpose, contentType, bytes, createdAt: nowIso(ctx.state), used: false }
  ctx.state.uploads.set(u.id, u)
  return { id: u.id, object: 'upload', application_id: u.applicationId, purpose: body.purpose, content_type: contentType, size: bytes.length, created_at: u.createdAt }
}

export function respondToApplication(ctx: Ctx, id: string, body: ApplicationResponse): Application {
  const r = driverApplication(ctx, id)
  if (r.application.status !== 'needs_info') throw new Refusal('not_awaiting_information')
  const open = ctx.state.informationRequests.get(id)
  const request = open && open.answered_at === null ? open : undefined
  const fields = body.fields ?? {}
  const given = Object.keys(fields)
  const uploadIds = [...new Set(body.upload_ids ?? [])]
  const asked = request?.fields ?? []
  if (!request && given.length === 0 && uploadIds.length === 0 && !body.note?.trim()) throw new Refusal('information_incomplete', { message: '请填写答复内容或上传照片' })
  const notAsked = given.find((f) => !(asked as string[]).includes(f))
  if (notAsked) throw new Refusal('parameter_invalid', { param: `fields.${notAsked}`, message: `工会没有要求修改“${enumLabel('infoField', notAsked as 'name', 'zh-CN')}”`, en: `The reviewer did not ask for ${notAsked}` })
  const missing = asked.find((f) => fields[f] === undefined)
  if (missing) throw new Refusal('information_incomplete', { param: `fields.${missing}`, message: `请填写工会要求补充的“${enumLabel('infoField', missing, 'zh-CN')}”`, en: `The reviewer asked for ${missing}` })
  const uploads = uploadIds.map((uid, i) => {
    const u = ctx.state.uploads.get(uid)
    if (!u || u.sessionId !== ctx.sessionId || u.applicationId !== id || u.used) throw new Refusal('upload_not_usable', { param: `upload_ids.${i}` })
    return u
  })
  const missingDoc = request?.documents.find((d) => !uploads.some((u) => u.purpose === d))
  if (missingDoc) throw new Refusal('information_incomplete', { param: 'upload_ids', message: `请上传工会要求的${enumLabel('uploadPurpose', missingDoc, 'zh-CN')}`, en: `The reviewer asked for a ${missingDoc}` })
  if (fields.mobile !== undefined || fields.name !== undefined || fields.plate !== undefined) {
    // The same checks as a submission, on the fields given (a sandbox keeps no ID number to check with).
    const checked = checkDriverIdentity({ name: fields.name ?? '测试', idNumber: '11010519491231002X', mobile: fields.mobile ?? '13800138000', employmentForm: fields.employment_form ?? 'platform_self_employed', plate: fields.plate })
    if (!checked.ok) {
      const first = checked.issues[0]
      throw new Refusal('parameter_invalid', { param: `fields.${String(first?.path[0] ?? 'name')}`, ...(first ? { message: formatIssue(first, ctx.locale) } : {}) })
    }
  }
  for (const u of uploads) u.used = true
  const now = nowIso(ctx.state)
  if (request) request.answered_at = now
  if (fields.base_region && r.applicant) r.applicant.baseRegion = fields.base_region
  r.application.status = 'under_review'
  r.application.status_reason = null
  r.application.updated_at = now
  emit(ctx.state, 'application.under_review', r.application)
  return request ? { ...r.application, information_request: { ...request } } : r.application
}

/** An upload's bytes, for a test standing in for the reviewer. */
export function uploadBytes(state: SandboxState, id: string): { contentType: string; bytes: Uint8Array } | undefined {
  const u = state.uploads.get(id)
  return u ? { contentType: u.contentType, bytes: u.bytes } : undefined
}
