/**
 * The member's history (issue #16): one row per thing that happened to a membership, written in
 * the transaction of the change itself. Read back by GET /v1/me/membership (newest first).
 *
 *   await recordMembershipEvent(trx, { personKey, kind: 'expelled', orgId: member.org_id, reason, now })
 */
import type { MEMBERSHIP_EVENT_KINDS } from '@ruhui/core/contract'
import type { Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { iso } from './context'

export type MembershipEventKind = (typeof MEMBERSHIP_EVENT_KINDS)[number]

export interface MembershipEventInput {
  personKey: string
  kind: MembershipEventKind
  /** The union concerned (the new one for 'transferred'). */
  orgId: string | null
  /** Words the member sees with it (a reviewer's reason), or null. */
  reason?: string | null
  now: number
}

export async function recordMembershipEvent(trx: Transaction<Database>, e: MembershipEventInput): Promise<void> {
  await trx.insertInto('membership_events').values({ person_key: e.personKey, kind: e.kind, org_id: e.orgId, reason: e.reason ?? null, created_at: iso(e.now) }).execute()
}
