/** Applications: what a driver submits with the join token, and its status. */
import * as z from 'zod/mini'
import { APPLICATION_STATUSES, CONSENT_KINDS, TIER_IDS, VERIFICATION_METHODS, VOLUNTEER_ROLES } from '../enums'
import { baseRegion, employmentForm, prefixedId, reason, timestamp } from './common'
import { informationRequest } from './information-requests'
import { charterRecord, textHash } from './consent-texts'

export { APPLICATION_STATUSES }

export const consent = z.object({
  /**
   * Separate consents (PIPL Art. 29 and Art. 23); `share_with_partners` is optional: the driver's
   * record may be shared with transport departments and industry associations (共享数据信息);
   * `share_membership_with_platform` is optional: the platform learns that the driver is a member and the union's name.
   */
  kind: z.enum(CONSENT_KINDS),
  text_version: z.string().check(z.minLength(1), z.maxLength(32)),
  /** SHA-256 of the published consent text (GET /v1/consent-texts), hex. */
  text_hash: textHash,
  granted_at: z.string().check(z.minLength(1), z.maxLength(40)),
})

export const applicationSubmit = z.object({
  applicant: z.object({
    name: z.string().check(z.minLength(1), z.maxLength(100)),
    id_number: z.string().check(z.minLength(1), z.maxLength(64)),
    mobile: z.string().check(z.minLength(1), z.maxLength(40)),
    employment_form: employmentForm,
    employer_uscc: z.optional(z.string().check(z.maxLength(64))),
    plate: z.optional(z.string().check(z.maxLength(32))),
    trailer_plate: z.optional(z.string().check(z.maxLength(32))),
    license_class: z.optional(z.string().check(z.maxLength(40))),
  }),
  base_region: baseRegion,
  home_park_id: z.optional(z.string().check(z.maxLength(64))),
  /** The union the driver confirmed; checked against the registry's own candidates. */
  org_id: prefixedId('org'),
  consents: z.array(consent).check(z.minLength(2), z.maxLength(4)),
  /** The charter declaration the driver accepted (its own step): a published version of the `charter` text. */
  charter: charterRecord,
  /** When the host verified the mobile (WeChat's phone-number button, exchanged by the host's backend). */
  mobile_verified_at: z.optional(z.string().check(z.maxLength(40))),
  /** The host's own check of the driver (its facial verification, or its real-name record). */
  identity_verification: z.optional(z.object({ method: z.enum(VERIFICATION_METHODS), verified_at: z.string().check(z.minLength(1), z.maxLength(40)) })),
  volunteer: z.optional(z.boolean()),
})

/** A driver offers to help as a union activist or volunteer (积极分子/志愿者). */
export const volunteerOffer = z.object({
  roles: z.array(z.enum(VOLUNTEER_ROLES)).check(z.minLength(1), z.maxLength(2)),
})

export const memberCard = z.object({
  number: z.string(),
  /** Signed by the registry; verifiable offline with its public key. */
  qr_payload: z.string(),
  issued_at: z.string(),
})

export const application = z.object({
  id: prefixedId('app'),
  object: z.literal('application'),
  session_id: prefixedId('jsess'),
  platform_id: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  org_id: z.nullable(z.string()),
  org_name: z.nullable(z.string()),
  tier: z.nullable(z.enum(TIER_IDS)),
  status_reason: z.nullable(reason),
  member_card: z.nullable(memberCard),
  /** The reviewer's latest request for information (issue #16): to the driver's own join token only, never to the platform. */
  information_request: z.optional(informationRequest),
  submitted_at: timestamp,
  updated_at: timestamp,
})

/**
 * What the platform sees of an application (its secret key, its list, every webhook): the status,
 * never the membership. A refusal carries its reason's code only (no reviewer's words). The
 * union's name appears as `membership` only for a driver who gave the separate, optional consent
 * `share_membership_with_platform` and has not withdrawn it, and only once the driver is a member.
 */
export const platformApplication = z.object({
  id: prefixedId('app'),
  object: z.literal('application'),
  session_id: prefixedId('jsess'),
  platform_id: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  /** When `status` is 'rejected': the reason's code (e.g. 'not_a_driver'); otherwise null. */
  reason_code: z.nullable(z.string()),
  /** Only with the driver's consent `share_membership_with_platform`, while they are a member. */
  membership: z.optional(z.object({ member: z.literal(true), org_name: z.string() })),
  submitted_at: timestamp,
  updated_at: timestamp,
})

export const applicationListQuery = z.object({
  status: z.optional(z.enum(APPLICATION_STATUSES)),
  limit: z.optional(z.string().check(z.regex(/^(?:[1-9]|[1-9]\d|100)$/))),
  starting_after: z.optional(prefixedId('app')),
})

export type ApplicationSubmit = z.infer<typeof applicationSubmit>
export type Application = z.infer<typeof application>
export type PlatformApplication = z.infer<typeof platformApplication>
export type { ApplicationStatus } from '../enums'
export type Consent = z.infer<typeof consent>
export type VolunteerOffer = z.infer<typeof volunteerOffer>
