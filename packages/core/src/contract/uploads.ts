/**
 * Uploads (issue #16): a photo a reviewer asked for (e.g. the driving licence), sent by the driver
 * with the join token for one of the driver's own applications, then named in the answer to the
 * request (`POST /v1/applications/{id}/respond`). JPEG or PNG only, told by the bytes (not by any
 * header), at most `MAX_UPLOAD_BYTES`; stored encrypted; seen by the reviewers of that
 * application's union only. An upload can be used by the session that sent it, once.
 */
import * as z from 'zod/mini'
import { UPLOAD_PURPOSES } from '../enums'
import { prefixedId, timestamp } from './common'

export { UPLOAD_PURPOSES }

/** The largest image the registry keeps: 2 MiB (2,097,152 bytes) once decoded. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024
/** The request body's limit for `POST /v1/uploads`: the base64 of the largest image, with room for the JSON around it. */
export const MAX_UPLOAD_BODY_BYTES = 3 * 1024 * 1024
export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png'] as const

export const uploadCreate = z.object({
  /** The application the photo is for: one of the driver's own. */
  application_id: prefixedId('app'),
  purpose: z.enum(UPLOAD_PURPOSES),
  /** The image file, base64 (RFC 4648, standard alphabet, no `data:` prefix); JPEG or PNG, at most 2 MiB decoded. */
  data_base64: z.string().check(z.minLength(1), z.maxLength(MAX_UPLOAD_BODY_BYTES)),
})

export const upload = z.object({
  id: prefixedId('upl'),
  object: z.literal('upload'),
  application_id: prefixedId('app'),
  purpose: z.enum(UPLOAD_PURPOSES),
  /** What the bytes are, whatever the client said. */
  content_type: z.enum(UPLOAD_CONTENT_TYPES),
  /** Bytes, decoded. */
  size: z.number(),
  created_at: timestamp,
})

export type UploadCreate = z.infer<typeof uploadCreate>
export type Upload = z.infer<typeof upload>
