/** Events: the webhook payloads a platform receives. Status only (the platform's view of an application), no personal data. */
import * as z from 'zod/mini'
import { platformApplication } from './applications'
import { prefixedId, timestamp } from './common'
import { platformTransfer } from './transfers'

export const EVENT_TYPES = [
  'application.submitted',
  'application.under_review',
  'application.needs_info',
  'application.approved',
  'application.rejected',
  'application.withdrawn',
  // Only members have transfers: sent only for a driver who let the platform know of the membership
  // (share_membership_with_platform, not withdrawn); the object is the transfer's platform view.
  'transfer.requested',
  'transfer.completed',
  'transfer.rejected',
  // Issue #16: the union confirmed the member's 退会, or ended the membership (开除会籍). Sent only for a driver who
  // let the platform know of the membership (share_membership_with_platform); the object is the application's platform view.
  'membership.withdrawn',
  'membership.expelled',
] as const

export const event = z.object({
  id: prefixedId('evt'),
  object: z.literal('event'),
  type: z.enum(EVENT_TYPES),
  api_version: z.string(),
  created_at: timestamp,
  data: z.object({ object: z.union([platformApplication, platformTransfer]) }),
})

export type RegistryEvent = z.infer<typeof event>
export type EventType = (typeof EVENT_TYPES)[number]
