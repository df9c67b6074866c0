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

export type TransferRequest = z.infer<typeof transferRequest>
export type Transfer = z.infer<typeof transfer>
