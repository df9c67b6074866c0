/**
 * Membership transfers (会员组织关系接转): a driver who is already a member elsewhere asks to
 * move. The person is the one whose submission in this join session came back `transfer_required`.
 */
import * as z from 'zod/mini'
import { TRANSFER_REASONS, TRANSFER_STATUSES } from '../enums'
import { prefixedId, timestamp } from './common'

export { TRANSFER_REASONS, TRANSFER_STATUSES }

export const transferRequest = z.object({
  to_org_id: prefixedId('org'),
  reason: z.enum(TRANSFER_REASONS),
})

export const transfer = z.object({
  id: prefixedId('trf'),
  object: z.literal('transfer'),
  session_id: prefixedId('jsess'),
  status: z.enum(TRANSFER_STATUSES),
  from_org_id: z.string(),
  to_org_id: z.string(),
  reason: z.enum(TRANSFER_REASONS),
  created_at: timestamp,
  updated_at: timestamp,
})

/**
 * What the platform sees of a transfer (its secret key, its webhooks): that one is under way and how
 * it stands, not between which unions (issue #13: the platform learns status, not membership). Only
 * for a driver who let the platform know of the membership: otherwise no event, and the secret key
 * reads the transfer as 404 not_found (only members have transfers).
 */
export const platformTransfer = z.object({
  id: prefixedId('trf'),
  object: z.literal('transfer'),
  session_id: prefixedId('jsess'),
  status: z.enum(TRANSFER_STATUSES),
  created_at: timestamp,
  updated_at: timestamp,
})

/** A transfer as the platform sees it. */
export function platformTransferView(t: Transfer): PlatformTransfer {
  return { id: t.id, object: 'transfer', session_id: t.session_id, status: t.status, created_at: t.created_at, updated_at: t.updated_at }
}

export type TransferRequest = z.infer<typeof transferRequest>
export type Transfer = z.infer<typeof transfer>
export type PlatformTransfer = z.infer<typeof platformTransfer>
