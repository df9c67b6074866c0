/** Events: the webhook payloads a platform receives. Status only, no personal data. */
import * as z from 'zod/mini'
import { application } from './applications'
import { prefixedId, timestamp } from './common'
import { transfer } from './transfers'

export const EVENT_TYPES = [
  'application.submitted',
  'application.under_review',
  'application.needs_info',
  'application.approved',
  'application.rejected',
  'application.withdrawn',
  'transfer.requested',
  'transfer.completed',
  'transfer.rejected',
] as const

export const event = z.object({
  id: prefixedId('evt'),
  object: z.literal('event'),
  type: z.enum(EVENT_TYPES),
  api_version: z.string(),
  created_at: timestamp,
  data: z.object({ object: z.union([application, transfer]) }),
})

export type RegistryEvent = z.infer<typeof event>
export type EventType = (typeof EVENT_TYPES)[number]
