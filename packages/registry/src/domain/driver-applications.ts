/**
 * A driver's own application (issue #16): one submitted from any session of the same platform user
 * as the caller's session (the driver reopening the app days later has a new session). Anything
 * else — another driver's, another platform's — is answered as if it did not exist.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { type Caller, Refusal } from './context'

type TokenCaller = Extract<Caller, { kind: 'join_token' }>

export async function driverApplication(db: Kysely<Database> | Transaction<Database>, caller: TokenCaller, id: string, param = 'id') {
  const row = await db
    .selectFrom('applications')
    .innerJoin('sessions as owner', 'owner.id', 'applications.session_id')
    .innerJoin('sessions as me', (j) => j.onRef('me.platform_id', '=', 'owner.platform_id').onRef('me.platform_user_id', '=', 'owner.platform_user_id'))
    .selectAll('applications')
    .where('applications.id', '=', id)
    .where('me.id', '=', caller.sessionId)
    .executeTakeFirst()
  if (!row) throw new Refusal('not_found', { param })
  return row
}
