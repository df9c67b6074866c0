/**
 * The driver's own consents (issue #13): what they agreed to, and withdrawing an optional one
 * (`share_with_partners`, `share_membership_with_platform`) at any time with their join token.
 * From the withdrawal on, partners and the platform no longer receive that driver's record: the
 * application's flag is cleared in the same transaction as the withdrawal is recorded. Withdrawing
 * the basic consents is leaving the union (the membership API, issue #16).
 */
import type { ConsentState, ConsentWithdrawal } from '@ruhui/core/contract'
import { toChinaTime } from '@ruhui/core/contract'
import type { ApplicationTable } from '../db/schema'
import { type Caller, Refusal, type RegistryContext, iso } from './context'

type TokenCaller = Extract<Caller, { kind: 'join_token' }>

/** The session's application, else the latest one the same platform user submitted (a later session, e.g. the member centre). */
async function driversApplication(ctx: RegistryContext, caller: TokenCaller): Promise<ApplicationTable> {
  const s = await ctx.db.selectFrom('sessions').select(['application_id', 'platform_id', 'platform_user_id']).where('id', '=', caller.sessionId).executeTakeFirst()
  let id = s?.application_id ?? null
  if (!id && s) {
    const earlier = await ctx.db.selectFrom('sessions').select(['application_id']).where('platform_id', '=', s.platform_id).where('platform_user_id', '=', s.platform_user_id).where('application_id', 'is not', null).orderBy('created_at', 'desc').executeTakeFirst()
    id = earlier?.application_id ?? null
  }
  const a = id ? await ctx.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst() : undefined
  if (!a) throw new Refusal('not_found', { message: '还没有您的入会申请，没有可撤回的同意', en: 'No application of yours yet: nothing to withdraw' })
  return a
}

async function stateOf(ctx: RegistryContext, a: ApplicationTable): Promise<ConsentState> {
  const withdrawals = await ctx.db.selectFrom('consent_withdrawals').select(['kind', 'withdrawn_at']).where('application_id', '=', a.id).execute()
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
  return stateOf(ctx, await driversApplication(ctx, caller))
}

/** Withdraw an optional consent; withdrawing one not given, or twice, changes nothing and answers the same state. */
export async function withdrawConsent(ctx: RegistryContext, caller: TokenCaller, body: ConsentWithdrawal): Promise<ConsentState> {
  const a = await driversApplication(ctx, caller)
  const granted = (JSON.parse(a.consents) as Array<{ kind: string }>).some((c) => c.kind === body.kind)
  if (granted) {
    await ctx.writer.run(async (trx) => {
      const done = await trx.selectFrom('consent_withdrawals').select(['id']).where('application_id', '=', a.id).where('kind', '=', body.kind).executeTakeFirst()
      if (done) return
      const now = iso(ctx.now())
      await trx.insertInto('consent_withdrawals').values({ application_id: a.id, kind: body.kind, session_id: caller.sessionId, withdrawn_at: now }).execute()
      await trx.updateTable('applications').set(body.kind === 'share_with_partners' ? { shares_with_partners: 0 } : { shares_with_platform: 0 }).where('id', '=', a.id).execute()
      await trx.insertInto('audit_log').values({ actor: caller.id, action: 'consent_withdrawn', subject: JSON.stringify({ application_id: a.id, kind: body.kind }), created_at: now }).execute()
    })
  }
  return stateOf(ctx, (await ctx.db.selectFrom('applications').selectAll().where('id', '=', a.id).executeTakeFirst()) ?? a)
}
