/**
 * The member's own view (我的会籍, issue #16), read and acted on with a join token of a session
 * whose platform user is linked to the person (the platform's `platform_user_id` that submitted
 * an application). The platform mints it like any join session; the session read with its own
 * token says `mode: 'member_centre'` when the driver is a member.
 */
import * as z from 'zod/mini'
import { APPLICATION_STATUSES, EMPLOYMENT_FORMS, LEAVE_REASONS, LEAVE_REQUEST_STATUSES, MEMBERSHIP_EVENT_KINDS, MEMBERSHIP_STATUSES, TRANSFER_REASONS, TRANSFER_STATUSES } from '../enums'
import { memberCard } from './applications'
import { baseRegion, prefixedId, timestamp } from './common'
import { informationRequest } from './information-requests'
import { orgContact } from './organisations'

export { LEAVE_REASONS, MEMBERSHIP_EVENT_KINDS, MEMBERSHIP_STATUSES }

const unionRef = z.object({ org_id: z.string(), name: z.string(), contact: z.nullable(orgContact) })

export const leaveRequest = z.object({
  id: prefixedId('lvr'),
  object: z.literal('leave_request'),
  status: z.enum(LEAVE_REQUEST_STATUSES),
  reason: z.enum(LEAVE_REASONS),
  requested_at: timestamp,
  decided_at: z.nullable(timestamp),
})

export const membership = z.object({
  object: z.literal('membership'),
  /** Null: not a member (yet): an application is open, or was rejected or withdrawn. */
  status: z.nullable(z.enum(MEMBERSHIP_STATUSES)),
  /** The union that holds the membership (its contact for the member); null when not a member. */
  union: z.nullable(unionRef),
  /** 入会时间, 'YYYY-MM-DD': kept across transfers (会龄 continues). */
  join_date: z.nullable(z.string()),
  /** Masked, as on the card: '*三'. */
  member_name: z.string(),
  /** Masked: '138****5678'. */
  mobile: z.string(),
  /** 常驻地: where the member lives and works from (changing it does not move the membership; a transfer does). */
  home_region: baseRegion,
  /** The card in force; null when the member left or was expelled, or before approval. */
  card: z.nullable(memberCard),
  /** The latest request to leave (退会), while pending or after it was decided; null if none. */
  leave_request: z.nullable(leaveRequest),
  /** A transfer under way (requested or released), or null. */
  open_transfer: z.nullable(
    z.object({ id: prefixedId('trf'), status: z.enum(TRANSFER_STATUSES), to_org_id: z.string(), to_org_name: z.nullable(z.string()), reason: z.enum(TRANSFER_REASONS), created_at: timestamp }),
  ),
  /** The reviewer's open request for information on the driver's open application, or null. */
  information_request: z.nullable(informationRequest),
  /** Every application of the person, newest first. */
  applications: z.array(
    z.object({ id: prefixedId('app'), status: z.enum(APPLICATION_STATUSES), org_name: z.nullable(z.string()), submitted_at: timestamp, decided_at: z.nullable(timestamp) }),
  ),
  /** Transfers, newest first. */
  transfers: z.array(
    z.object({
      id: prefixedId('trf'),
      status: z.enum(TRANSFER_STATUSES),
      from_org_name: z.nullable(z.string()),
      to_org_name: z.nullable(z.string()),
      reason: z.enum(TRANSFER_REASONS),
      created_at: timestamp,
      updated_at: timestamp,
    }),
  ),
  /** What happened to the membership, newest first. */
  history: z.array(z.object({ kind: z.enum(MEMBERSHIP_EVENT_KINDS), at: timestamp, org_name: z.nullable(z.string()), reason: z.nullable(z.string()) })),
})

/** Change the member's own mobile and/or home region (常驻地); at least one. */
export const membershipProfileUpdate = z.object({
  mobile: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  /** When the host verified the new mobile (WeChat's phone-number button). */
  mobile_verified_at: z.optional(z.string().check(z.maxLength(40))),
  home_region: z.optional(baseRegion),
})

/** Which union the member would move to from a new base (relocation, job or platform change). */
export const transferOptionsRequest = z.object({
  base_region: baseRegion,
  /** Defaults to what the member's application said. */
  employment_form: z.optional(z.enum(EMPLOYMENT_FORMS)),
  employer_uscc: z.optional(z.string().check(z.maxLength(64))),
  home_park_id: z.optional(z.string().check(z.maxLength(64))),
})

/** Move the membership: `to_org_id` must be one of the unions offered for the new base (the same match as transfer-options). */
export const memberTransferRequest = z.object({
  ...transferOptionsRequest.shape,
  to_org_id: prefixedId('org'),
  reason: z.enum(TRANSFER_REASONS),
})

/** 退会: pending until the union confirms. */
export const leaveRequestCreate = z.object({
  reason: z.enum(LEAVE_REASONS),
  note: z.optional(z.string().check(z.maxLength(200))),
})

export type Membership = z.infer<typeof membership>
export type LeaveRequest = z.infer<typeof leaveRequest>
export type MembershipProfileUpdate = z.infer<typeof membershipProfileUpdate>
export type TransferOptionsRequest = z.infer<typeof transferOptionsRequest>
export type MemberTransferRequest = z.infer<typeof memberTransferRequest>
export type LeaveRequestCreate = z.infer<typeof leaveRequestCreate>
