/**
 * Uploads (issue #16, POST /v1/uploads): a photo for one of the driver's own applications while it
 * waits for information. The type is told by the bytes (image-sniff.ts), the size is at most
 * MAX_UPLOAD_BYTES, the bytes are encrypted with the registry's data keys, and the upload belongs
 * to the session that sent it. Staff see it through the review API (uploadForReviewer), within
 * the application's subtree only, each view audit-logged. Nothing is stored from a refused upload.
 */
import { MAX_UPLOAD_BYTES, type Upload, type UploadCreate, toChinaTime } from '@ruhui/core/contract'
import { decryptBytes, encryptBytes } from '../crypto/blob-cipher'
import { newId } from '../crypto/hashing'
import type { UploadTable } from '../db/schema'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { driverApplication } from './driver-applications'
import { sniffImage } from './image-sniff'
import { requireInScope } from './scope'

type TokenCaller = Extract<Caller, { kind: 'join_token' }>
type Reviewer = Extract<Caller, { kind: 'reviewer' }>

/** Unused uploads a session may hold for one application (a photo retaken a few times). */
export const MAX_PENDING_UPLOADS = 12

function decodeBase64(text: string): Buffer | undefined {
  const s = text.replace(/\s+/g, '')
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return undefined
  return Buffer.from(s, 'base64')
}

export async function createUpload(ctx: RegistryContext, caller: TokenCaller, body: UploadCreate): Promise<Upload> {
  const app = await driverApplication(ctx.db, caller, body.application_id, 'application_id')
  if (app.status !== 'needs_info') throw new Refusal('not_awaiting_information', { param: 'application_id' })
  const bytes = decodeBase64(body.data_base64)
  if (!bytes || bytes.length === 0) throw new Refusal('parameter_invalid', { param: 'data_base64', message: '照片数据不是有效的 base64 编码', en: 'data_base64 is not valid base64' })
  if (bytes.length > MAX_UPLOAD_BYTES) throw new Refusal('upload_too_large', { param: 'data_base64' })
  const type = sniffImage(bytes)
  if (!type) throw new Refusal('upload_not_image', { param: 'data_base64' })
  const row: UploadTable = {
    id: newId('upl'),
    session_id: caller.sessionId,
    application_id: app.id,
    purpose: body.purpose,
    content_type: type,
    size: bytes.length,
    data_enc: '',
    created_at: iso(ctx.now()),
    request_id: null,
  }
  row.data_enc = encryptBytes(ctx.keys, bytes, `upload:${row.id}`) // bound to its row: a sealed photo cannot be moved to another
  return ctx.writer.run(async (trx) => {
    const pending = await trx.selectFrom('uploads').select((eb) => eb.fn.countAll<number>().as('n')).where('session_id', '=', caller.sessionId).where('application_id', '=', app.id).where('request_id', 'is', null).executeTakeFirstOrThrow()
    if (Number(pending.n) >= MAX_PENDING_UPLOADS) throw new Refusal('invalid_request', { message: `未使用的照片已有 ${MAX_PENDING_UPLOADS} 张，请先提交答复`, en: `This session already holds ${MAX_PENDING_UPLOADS} unused uploads for the application` })
    await trx.insertInto('uploads').values(row).execute()
    return uploadView(row)
  })
}

export function uploadView(u: UploadTable): Upload {
  return { id: u.id, object: 'upload', application_id: u.application_id, purpose: u.purpose as Upload['purpose'], content_type: u.content_type as Upload['content_type'], size: u.size, created_at: toChinaTime(Date.parse(u.created_at)) }
}

/** The photo for a reviewer of the application's union (or above it); audit-logged. Outside the subtree: 404. */
export async function uploadForReviewer(ctx: RegistryContext, reviewer: Reviewer, id: string): Promise<{ contentType: string; bytes: Buffer }> {
  const u = await ctx.db
    .selectFrom('uploads')
    .innerJoin('applications', 'applications.id', 'uploads.application_id')
    .select(['uploads.id', 'uploads.content_type', 'uploads.data_enc', 'applications.org_id'])
    .where('uploads.id', '=', id)
    .executeTakeFirst()
  if (!u) throw new Refusal('not_found', { param: 'id' })
  requireInScope(ctx, reviewer, u.org_id)
  await ctx.writer.run((trx) => trx.insertInto('audit_log').values({ actor: reviewer.id, action: 'view_upload', subject: id, created_at: iso(ctx.now()) }).execute())
  return { contentType: u.content_type, bytes: decryptBytes(ctx.keys, u.data_enc, `upload:${u.id}`) }
}

/** An upload no answer used is kept this long (the driver may answer later the same week). */
export const UNUSED_UPLOAD_TTL_MS = 7 * 86_400_000
/** Photos of an application rejected or withdrawn are kept this long after the decision (DOMAIN.md §6.3: 30 days). */
export const CLOSED_APPLICATION_UPLOAD_TTL_MS = 30 * 86_400_000

/**
 * Delete photos no longer needed (data minimisation, DOMAIN.md §6.3): uploads no answer used after
 * a week, and the photos of applications rejected or withdrawn 30 days ago; returns how many. Those
 * of approved applications stay with the member's record. A plain read first keeps most passes out
 * of the write queue; at most 200 a pass.
 */
export async function purgeStaleUploads(ctx: RegistryContext): Promise<number> {
  const now = ctx.now()
  const unusedBefore = iso(now - UNUSED_UPLOAD_TTL_MS)
  const closedBefore = iso(now - CLOSED_APPLICATION_UPLOAD_TTL_MS)
  const due = await ctx.db
    .selectFrom('uploads')
    .innerJoin('applications', 'applications.id', 'uploads.application_id')
    .select('uploads.id')
    .where((eb) =>
      eb.or([
        eb.and([eb('uploads.request_id', 'is', null), eb('uploads.created_at', '<', unusedBefore)]),
        eb.and([eb('applications.status', 'in', ['rejected', 'withdrawn']), eb('applications.decided_at', '<', closedBefore)]),
      ]),
    )
    .limit(200)
    .execute()
  if (due.length === 0) return 0
  return ctx.writer.run(async (trx) => {
    const r = await trx.deleteFrom('uploads').where('id', 'in', due.map((u) => u.id)).executeTakeFirst()
    return Number(r.numDeletedRows)
  })
}
