/**
 * The platform hears that a membership ended (退会 confirmed, 开除会籍) only if the driver let it
 * know of the membership (share_membership_with_platform, not withdrawn): the platform learns
 * status, not membership (ARCHITECTURE.md). The event carries the platform's view of the member's
 * application, so the platform finds its driver by the session; nothing else.
 */
import type { Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { RegistryContext } from './context'
import { recordEvent } from './outbox'
import { applicationView } from './views'

export async function noticeMembershipEnded(ctx: RegistryContext, trx: Transaction<Database>, type: 'membership.withdrawn' | 'membership.expelled', personKey: string): Promise<string | undefined> {
  const member = await trx.selectFrom('members').select(['application_id']).where('person_key', '=', personKey).executeTakeFirst()
  if (!member) return undefined
  const app = await trx.selectFrom('applications').selectAll().where('id', '=', member.application_id).executeTakeFirst()
  if (!app || app.shares_with_platform !== 1) return undefined
  return recordEvent(ctx, trx, type, app.platform_id, applicationView(app))
}
