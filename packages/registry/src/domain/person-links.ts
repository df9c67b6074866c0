/**
 * The member a platform user is (issue #16). When an application is approved, the platform user
 * whose session submitted it is linked to the member (by person_key, the HMAC of the ID number),
 * so a later session of the same platform user — minted the same way as a join session — reads
 * the membership. Not on submission: anyone can type an ID number, and a pending application must
 * not open someone's membership (their card) to another platform user.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { iso } from './context'

export async function linkPerson(trx: Transaction<Database>, link: { platformId: string; platformUserId: string; personKey: string; now: number }): Promise<void> {
  const row = { platform_id: link.platformId, platform_user_id: link.platformUserId, person_key: link.personKey, linked_at: iso(link.now) }
  await trx.insertInto('person_links').values(row).onConflict((oc) => oc.columns(['platform_id', 'platform_user_id']).doUpdateSet({ person_key: row.person_key, linked_at: row.linked_at })).execute()
}

/** The session's platform user to link, in the caller's transaction. */
export async function linkSessionPerson(trx: Transaction<Database>, sessionId: string, personKey: string, now: number): Promise<void> {
  const s = await trx.selectFrom('sessions').select(['platform_id', 'platform_user_id']).where('id', '=', sessionId).executeTakeFirst()
  if (s) await linkPerson(trx, { platformId: s.platform_id, platformUserId: s.platform_user_id, personKey, now })
}

/** The person behind a session's platform user, if that user ever submitted. */
export async function personOfSession(db: Kysely<Database> | Transaction<Database>, sessionId: string): Promise<{ personKey: string; platformId: string; platformUserId: string } | undefined> {
  const r = await db
    .selectFrom('sessions')
    .innerJoin('person_links', (j) => j.onRef('person_links.platform_id', '=', 'sessions.platform_id').onRef('person_links.platform_user_id', '=', 'sessions.platform_user_id'))
    .select(['person_links.person_key', 'sessions.platform_id', 'sessions.platform_user_id'])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst()
  return r ? { personKey: r.person_key, platformId: r.platform_id, platformUserId: r.platform_user_id } : undefined
}
