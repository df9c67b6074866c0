/**
 * The review loop (issue #16): a reviewer's request for information (要求补充材料) names the
 * fields to correct and the photos to add, with a message; the driver answers with the fields and
 * uploads (`POST /v1/applications/{id}/respond`), and the application goes back to review.
 */
import * as z from 'zod/mini'
import { EMPLOYMENT_FORMS, INFO_FIELDS, UPLOAD_PURPOSES } from '../enums'
import { baseRegion, prefixedId, timestamp } from './common'

export { INFO_FIELDS }

export const informationRequest = z.object({
  id: prefixedId('irq'),
  object: z.literal('information_request'),
  application_id: prefixedId('app'),
  /** Fields of the application to give again (corrected). */
  fields: z.array(z.enum(INFO_FIELDS)),
  /** Photos to upload, one upload of each purpose at least. */
  documents: z.array(z.enum(UPLOAD_PURPOSES)),
  /** The reviewer's words to the driver. */
  message: z.string(),
  requested_at: timestamp,
  /** Null while the driver has not answered. */
  answered_at: z.nullable(timestamp),
})

/** The driver's answer: every field asked for, an upload for every photo asked for, and an optional note. */
export const applicationResponse = z.object({
  fields: z.optional(
    z.object({
      name: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
      mobile: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
      employment_form: z.optional(z.enum(EMPLOYMENT_FORMS)),
      employer_uscc: z.optional(z.string().check(z.maxLength(64))),
      plate: z.optional(z.string().check(z.maxLength(32))),
      trailer_plate: z.optional(z.string().check(z.maxLength(32))),
      license_class: z.optional(z.string().check(z.maxLength(40))),
      base_region: z.optional(baseRegion),
    }),
  ),
  /** Uploads made by this session for this application (`POST /v1/uploads`), each used once. */
  upload_ids: z.optional(z.array(prefixedId('upl')).check(z.maxLength(8))),
  note: z.optional(z.string().check(z.maxLength(500))),
})

export type InformationRequest = z.infer<typeof informationRequest>
export type ApplicationResponse = z.infer<typeof applicationResponse>
