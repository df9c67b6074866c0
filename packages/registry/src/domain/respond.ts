/**
 * The driver answers a request for information (issue #16, POST /v1/applications/{id}/respond):
 * every field asked for, given again and checked like a submission; an upload of every photo asked
 * for, made by this session for this application and not used before; an optional note. The
 * application returns to review (under_review), the request is marked answered, the uploads are
 * tied to it — all in one transaction, or nothing.
 */
import { checkDriverIdentity, enumLabel, formatIssue, maskMobile, maskPersonName } from '@ruhui/core'
import type { Locale } from '@ruhui/core'
import type { Application, ApplicationResponse } from '@ruhui/core/contract'
import { applicantProfile } from '@ruhui/core/server'
import { lookupRegion } from '@ruhui/core/regions'
import { decryptField, encryptField } from '../crypto/field-cipher'
import type { ApplicationTable } from '../db/schema'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { driverApplication } from './driver-applications'
import { informationRequestView, latestInformationRequest } from './information-requests'
import { recordEvent } from './outbox'
import { applicationView } from './views'

type TokenCaller = Extract<Caller, { kind: 'join_token' }>
type Applicant = Parameters<typeof applicantProfile>[0] & Record<string, unknown>

const PROFILE_PARAM: Record<string, string> = { name: 'name', idNumber: 'name', mobile: 'mobile', employmentForm: 'employment_form', employerUscc: 'employer_uscc', plate: 'plate', trailerPlate: 'trailer_plate', licenseClass: 'license_class' }

export async function respondToApplication(ctx: RegistryContext, caller: TokenCaller, id: string, body: ApplicationResponse, locale: Locale): Promise<Application> {
  const app = await driverApplication(ctx.db, caller, id)
  if (app.status !== 'needs_info') throw new Refusal('not_awaiting_information')
  const open = await latestInformationRequest(ctx.db, id)
  const request = open && open.answered_at === null ? open : undefined
  const fields = body.fields ?? {}
  const given = Object.keys(fields) as Array<keyof typeof fields>
  const uploadIds = [...new Set(body.upload_ids ?? [])]
  const askedFields: string[] = request ? JSON.parse(request.fields) : []
  const askedDocs: string[] = request ? JSON.parse(request.documents) : []
  if (!request && given.length === 0 && uploadIds.length === 0 && !body.note?.trim()) throw new Refusal('information_incomplete', { message: '请填写答复内容或上传照片' })
  // Only what was asked may change (a request without fields asks for none).
  const notAsked = given.find((f) => !askedFields.includes(f))
  if (notAsked) throw new Refusal('parameter_invalid', { param: `fields.${notAsked}`, message: `工会没有要求修改“${enumLabel('infoField', notAsked as 'name', 'zh-CN')}”`, en: `The reviewer did not ask for ${notAsked}` })
  const missing = askedFields.find((f) => fields[f as keyof typeof fields] === undefined)
  if (missing) throw new Refusal('information_incomplete', { param: `fields.${missing}`, message: `请填写工会要求补充的“${enumLabel('infoField', missing as 'name', 'zh-CN')}”`, en: `The reviewer asked for ${missing}` })

  const uploads = uploadIds.length ? await ctx.db.selectFrom('uploads').select(['id', 'session_id', 'application_id', 'purpose', 'request_id']).where('id', 'in', uploadIds).execute() : []
  for (const [i, uid] of uploadIds.entries()) {
    const u = uploads.find((x) => x.id === uid)
    if (!u || u.session_id !== caller.sessionId || u.application_id !== id || u.request_id !== null) throw new Refusal('upload_not_usable', { param: `upload_ids.${i}` })
  }
  const missingDoc = askedDocs.find((d) => !uploads.some((u) => u.purpose === d))
  if (missingDoc) throw new Refusal('information_incomplete', { param: 'upload_ids', message: `请上传工会要求的${enumLabel('uploadPurpose', missingDoc as 'other_photo', 'zh-CN')}`, en: `The reviewer asked for a ${missingDoc}` })

  // The applicant with the answers, checked as a submission is.
  const applicant = JSON.parse(decryptField(ctx.keys, app.applicant_enc, 'applicant')) as Applicant
  const { base_region: base, ...applicantFields } = fields
  const merged = { ...applicant, ...Object.fromEntries(Object.entries(applicantFields).filter(([, v]) => v !== undefined)) } as Applicant
  if (fields.mobile !== undefined) merged.mobile_verified_at = null // a new number is not the one the host verified
  const checked = checkDriverIdentity(applicantProfile(merged), { asOf: new Date(ctx.now()) })
  if (!checked.ok) {
    const first = checked.issues[0]
    throw new Refusal('parameter_invalid', { param: `fields.${PROFILE_PARAM[String(first?.path[0] ?? '')] ?? 'name'}`, ...(first ? { message: formatIssue(first, locale) } : {}) })
  }
  if (base && !lookupRegion(base.county)) throw new Refusal('parameter_invalid', { param: 'fields.base_region.county', message: '没有这个区县，请重新选择常驻地' })
  if (base?.township !== undefined && !base.township.startsWith(base.county)) throw new Refusal('parameter_invalid', { param: 'fields.base_region.township', message: '乡镇（街道）不在所选区县内' })
  const identity = checked.value

  return ctx.writer.run(async (trx) => {
    const now = ctx.now()
    const patch: Partial<ApplicationTable> = { status: 'under_review', status_reason: null, updated_at: iso(now) }
    if (given.length > 0) {
      Object.assign(patch, {
        applicant_enc: encryptField(ctx.keys, JSON.stringify({ ...merged, name: identity.name.name, mobile: identity.mobile.number }), 'applicant'),
        name_masked: maskPersonName(identity.name.name),
        mobile_masked: maskMobile(identity.mobile.number),
      })
    }
    if (base) Object.assign(patch, { base_county: base.county, base_township: base.township ?? null })
    // Conditional on the state read: a withdrawal or a second answer meanwhile wins.
    const r = await trx.updateTable('applications').set(patch).where('id', '=', id).where('status', '=', 'needs_info').executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) throw new Refusal('not_awaiting_information')
    let answered = request
    if (request) {
      const answer = encryptField(ctx.keys, JSON.stringify({ fields, note: body.note?.trim() || null }), 'information_answer')
      await trx.updateTable('information_requests').set({ answered_at: iso(now), answer_enc: answer, upload_ids: JSON.stringify(uploadIds) }).where('id', '=', request.id).execute()
      answered = { ...request, answered_at: iso(now), answer_enc: answer, upload_ids: JSON.stringify(uploadIds) }
    }
    if (uploadIds.length) {
      const tied = await trx.updateTable('uploads').set({ request_id: request?.id ?? `answer:${id}` }).where('id', 'in', uploadIds).where('request_id', 'is', null).executeTakeFirst()
      if (Number(tied.numUpdatedRows) !== uploadIds.length) throw new Refusal('upload_not_usable', { param: 'upload_ids' }) // used by a concurrent answer
    }
    const row = { ...app, ...patch } as ApplicationTable
    const view = applicationView(row)
    await recordEvent(ctx, trx, 'application.under_review', app.platform_id, view)
    return answered ? { ...view, information_request: informationRequestView(answered) } : view
  })
}
