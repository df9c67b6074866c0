/**
 * Requests for information (要求补充材料, issue #16): what a reviewer asks of the driver (fields
 * to give again, photos to upload, a message), kept with the application; the driver's answer is
 * recorded on the same row (respond.ts). The review API writes them with `requestInformation`
 * inside its own action's transaction, which also sets the application to `needs_info`.
 */
import { INFO_FIELDS, type InformationRequest, UPLOAD_PURPOSES, toChinaTime } from '@ruhui/core/contract'
import type { Kysely, Transaction } from 'kysely'
import { newId } from '../crypto/hashing'
import type { Database, InformationRequestTable } from '../db/schema'
import { decryptField } from '../crypto/field-cipher'
import { Refusal, type RegistryContext, iso } from './context'

export interface InformationRequestInput {
  applicationId: string
  reviewerId: string
  /** Fields of the application to give again: INFO_FIELDS. */
  fields: readonly string[]
  /** Photos to upload: UPLOAD_PURPOSES. */
  documents: readonly string[]
  /** The reviewer's words to the driver (1–500 characters). */
  message: string
  now: number
}

/**
 * Record a request for information in the caller's transaction; an earlier unanswered request of
 * the application is closed by it (the newest one is what the driver answers). Refuses (400, naming
 * the field) unknown fields or photo kinds, a request asking nothing, or an empty message.
 *
 *   await requestInformation(trx, { applicationId, reviewerId: reviewer.reviewerId, fields: ['plate'], documents: ['driving_licence_photo'], message, now })
 */
export async function requestInformation(trx: Transaction<Database>, input: InformationRequestInput): Promise<InformationRequest> {
  const bad = input.fields.findIndex((f) => !(INFO_FIELDS as readonly string[]).includes(f))
  if (bad >= 0) throw new Refusal('parameter_invalid', { param: `fields.${bad}`, message: '要求补充的内容不在可选范围内' })
  const badDoc = input.documents.findIndex((d) => !(UPLOAD_PURPOSES as readonly string[]).includes(d))
  if (badDoc >= 0) throw new Refusal('parameter_invalid', { param: `documents.${badDoc}`, message: '要求上传的材料不在可选范围内' })
  const message = input.message.trim()
  if (message === '' || message.length > 500) throw new Refusal('parameter_invalid', { param: 'reason', message: '请写明需要司机补充什么（不超过 500 字）' })
  const row: InformationRequestTable = {
    id: newId('irq'),
    application_id: input.applicationId,
    reviewer_id: input.reviewerId,
    fields: JSON.stringify([...new Set(input.fields)]),
    documents: JSON.stringify([...new Set(input.documents)]),
    message,
    created_at: iso(input.now),
    answered_at: null,
    answer_enc: null,
    upload_ids: null,
  }
  // An older open request is superseded: it is closed as if answered, without an answer.
  await trx.updateTable('information_requests').set({ answered_at: row.created_at }).where('application_id', '=', input.applicationId).where('answered_at', 'is', null).execute()
  await trx.insertInto('information_requests').values(row).execute()
  return informationRequestView(row)
}

export function informationRequestView(r: InformationRequestTable): InformationRequest {
  return {
    id: r.id,
    object: 'information_request',
    application_id: r.application_id,
    fields: JSON.parse(r.fields),
    documents: JSON.parse(r.documents),
    message: r.message,
    requested_at: toChinaTime(Date.parse(r.created_at)),
    answered_at: r.answered_at ? toChinaTime(Date.parse(r.answered_at)) : null,
  }
}

/** The newest request of an application (answered or not), or undefined. */
export async function latestInformationRequest(db: Kysely<Database> | Transaction<Database>, applicationId: string): Promise<InformationRequestTable | undefined> {
  return db.selectFrom('information_requests').selectAll().where('application_id', '=', applicationId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst()
}

/**
 * Every request of an application with the driver's answer (the names of the fields given again,
 * whose values are in the applicant record behind the audited reveal, and the driver's note) and
 * the uploads that answered it (ids, kinds, sizes; the images through GET /v1/review/uploads/{id}),
 * oldest first: for the reviewer's detail view. Call it after the scope check of the application.
 */
export async function informationRequestsOf(ctx: RegistryContext, applicationId: string) {
  const rows = await ctx.db.selectFrom('information_requests').selectAll().where('application_id', '=', applicationId).orderBy('created_at').execute()
  const uploads = await ctx.db.selectFrom('uploads').select(['id', 'purpose', 'content_type', 'size', 'request_id', 'created_at']).where('application_id', '=', applicationId).where('request_id', 'is not', null).execute()
  return rows.map((r) => {
    const answer = r.answer_enc ? (JSON.parse(decryptField(ctx.keys, r.answer_enc, 'information_answer')) as { fields: Record<string, unknown>; note: string | null }) : null
    return {
      ...informationRequestView(r),
      answer: answer ? { fields: Object.keys(answer.fields), note: answer.note } : null,
      uploads: uploads.filter((u) => u.request_id === r.id).map((u) => ({ id: u.id, purpose: u.purpose, content_type: u.content_type, size: u.size, created_at: toChinaTime(Date.parse(u.created_at)) })),
    }
  })
}
