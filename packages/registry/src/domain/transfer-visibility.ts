/**
 * What the platform may learn of a member's transfer (issue #13; security review H2). Only members
 * have transfers, so a `transfer.*` event or a secret-key read of a transfer tells the platform its
 * driver is a member. Both follow the rule of the application's `membership` field (platform-view.ts):
 * the application behind the membership (members.application_id) is this platform's, approved, its
 * `share_membership_with_platform` granted and not withdrawn (the application's shares_with_platform
 * flag, cleared by a withdrawal), and the person a member now. Otherwise no event reaches the
 * platform and its secret key reads the transfer as one that does not exist. The driver still hears
 * of a decision by SMS: that is the driver's own channel, not the platform's.
 */
import type { EventType, Transfer } from '@ruhui/core/contract'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { smsForEvent } from '../notify/decision-sms'
import type { RegistryContext } from './context'
import { recordEvent } from './outbox'

const MEMBER_STATUSES = ['active', 'transferring', 'retained']

/** Whether `platformId` may know that the person behind `personKey` is a member (and so hear of their transfers). */
export async function platformMayKnowMembership(db: Kysely<Database> | Transaction<Database>, personKey: string, platformId: string): Promise<boolean> {
  const r = await db
    .selectFrom('members')
    .innerJoin('applications', 'applications.id', 'members.application_id')
    .select(['members.status as member_status', 'applications.status as application_status', 'applications.platform_id', 'applications.shares_with_platform'])
    .where('members.person_key', '=', personKey)
    .executeTakeFirst()
  return !!r && Number(r.shares_with_platform) === 1 && r.application_status === 'approved' && r.platform_id === platformId && MEMBER_STATUSES.includes(r.member_status)
}

/** A transfer's event for the platform, in the caller's transaction, only when it may know; the driver's SMS either way. */
export async function recordTransferEvent(ctx: RegistryContext, trx: Transaction<Database>, type: EventType, platformId: string, personKey: string, view: Transfer): Promise<void> {
  if (await platformMayKnowMembership(trx, personKey, platformId)) await recordEvent(ctx, trx, type, platformId, view)
  else await smsForEvent(ctx, trx, type, view)
}
