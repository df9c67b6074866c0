/**
 * The driver's own consents (issue #13): what they agreed to, and withdrawing an optional one
 * (`share_with_partners`, `share_membership_with_platform`) at any time with their join token.
 * From the withdrawal on, partners and the platform no longer receive that driver's record: the
 * application's flag is cleared in the same transaction as the withdrawal is recorded. Withdrawing
 * the basic consents is leaving the union (the membership API, issue #16).
 */
import type { ConsentState, ConsentWithdrawal } from '@ruhui/core/contract'
import { toChinaTime } from '@ruhui/core/contract'
import type { Kysely, Transaction } from 'kysely'
import type { ApplicationTable, Database } from '../db/schema'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { personOfSession } from './person-links'

type TokenCaller = Extract<Caller, { kind: 'join_token' }>

/**
 * The applications whose consents are the driver's, the one shown first. For a platform user linked
 * to a member (person-links.ts), the application that made the membership (members.application_id):
 * partners' exports and the platform's view read the flags from it. Then the session's own
 * application, if another. A driver not (yet) a member: the session's application, else the latest
 * one the same platform user submitted (a later session).
 */
async function driversApplications(ctx: RegistryContext, caller: TokenCaller): Promise<[ApplicationTable, ...ApplicationTable[]]> {
  const s = await ctx.db.selectFrom('sessions').select(['application_id', 'platform_id', 'platform_user_id']).where('id', '=', caller.sessionId).executeTakeFirst()
  const linked = await personOfSession(ctx.db, caller.sessionId)
  const member = linked ? await ctx.db.selectFrom('members').select(['application_id']).where('person_key', '=', linked.personKey).executeTakeFirst() : undefined
  const ids = [member?.application_id ?? null, s?.application_id ?? null].filter((id, i, all): id is string => id !== null && all.indexOf(id) === i)
  if (!ids.length && s) {
    const earlier = await ctx.db.selectFrom('sessions').select(['application_id']).where('platform_id', '=', s.platform_id).where('platform_user_id', '=', s.platform_user_id).where('application_id', 'is not', null).orderBy('created_at', 'desc').executeTakeFirst()
    if (earlier?.application_id) ids.push(earlier.application_id)
  }
  const rows = ids.length ? await ctx.db.selectFrom('applications').selectAll().where('id', 'in', ids).execute() : []
  const found = ids.map((id) => rows.find((r) => r.id === id)).filter((a): a is ApplicationTable => a !== undefined)
  const [first, ...rest] = found
  if (!first) throw new Refusal('not_found', { message: '还没有您的入会申请，没有可撤回的同意', en: 'No application of yours yet: nothing to withdraw' })
  return [first, ...rest]
}

async function stateOf(db: Kysely<Database> | Transaction<Database>, a: ApplicationTable): Promise<ConsentState> {
  const withdrawals = await db.selectFrom('consent_withdrawals').select(['kind', 'withdrawn_at']).where('application_id', '=', a.id).execute()
  const consents = JSON.parse(a.consents) as Array<{ kind: ConsentState['consents'][number]['kind']; text_version: string; granted_at: string }>
  const charter = a.charter ? (JSON.parse(a.charter) as { text_version: string; accepted_at: string }) : null
  return {
    object: 'consent_state',
    application_id: a.id,
    consents: consents.map((c) => {
      const w = withdrawals.find((x) => x.kind === c.kind)
      return { kind: c.kind, text_version: c.text_version, granted_at: c.granted_at, withdrawn_at: w ? toChinaTime(Date.parse(w.withdrawn_at)) : null }
    }),
    charter: charter ? { text_version: charter.text_version, accepted_at: charter.accepted_at } : null,
  }
}

export async function retrieveConsents(ctx: RegistryContext, caller: TokenCaller): Promise<ConsentState> {
  return stateOf(ctx.db, (await driversApplications(ctx, caller))[0])
}

/**
 * Withdraw an optional consent, on each of the driver's applications that gave it (the membership's
 * first, so partners and the platform stop receiving the member); withdrawing one not given, or
 * twice, changes nothing and answers the same state.
 */
export async function withdrawConsent(ctx: RegistryContext, caller: TokenCaller, body: ConsentWithdrawal): Promise<ConsentState> {
  const apps = await driversApplications(ctx, caller)
  const granting = apps.filter((a) => (JSON.parse(a.consents) as Array<{ kind: string }>).some((c) => c.kind === body.kind))
  const shown = apps[0]
  if (!granting.length) return stateOf(ctx.db, shown)
  // The state is read in the transaction and returned from it: it is the answer an Idempotency-Key replays.
  return ctx.writer.run(async (trx) => {
    const now = iso(ctx.now())
    for (const a of granting) {
      const done = await trx.selectFrom('consent_withdrawals').select(['id']).where('application_id', '=', a.id).where('kind', '=', body.kind).executeTakeFirst()
      if (done) continue
      await trx.insertInto('consent_withdrawals').values({ application_id: a.id, kind: body.kind, session_id: caller.sessionId, withdrawn_at: now }).execute()
      await trx.updateTable('applications').set(body.kind === 'share_with_partners' ? { shares_with_partners: 0 } : { shares_with_platform: 0 }).where('id', '=', a.id).execute()
      await trx.insertInto('audit_log').values({ actor: caller.id, action: 'consent_withdrawn', subject: JSON.stringify({ application_id: a.id, kind: body.kind }), created_at: now }).execute()
    }
    return stateOf(trx, (await trx.selectFrom('applications').selectAll().where('id', '=', shown.id).executeTakeFirst()) ?? shown)
  })
}
