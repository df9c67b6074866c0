/**
 * SMS to drivers through the outbox: a message is written in the transaction of the decision it
 * tells of (so a decision is never without its message, and a refused request sends nothing),
 * with the mobile encrypted; the worker sends due messages, retrying with the webhooks' backoff,
 * each claimed with a lease so any number of registry processes may run it.
 */
import { type Transaction, sql } from 'kysely'
import { decryptField, encryptField } from '../crypto/field-cipher'
import { newId } from '../crypto/hashing'
import type { Database } from '../db/schema'
import { type RegistryContext, iso } from '../domain/context'
import { postSms } from './sms-provider'
import type { SmsParams, SmsTemplate } from './sms-templates'

/** Queue one message, in the decision's transaction; nothing when no SMS provider is configured. */
export async function queueSms(ctx: RegistryContext, trx: Transaction<Database>, message: { subjectId: string; personKey: string; to: string; template: SmsTemplate; params: SmsParams }): Promise<string | undefined> {
  if (!ctx.config.sms) return undefined
  const now = iso(ctx.now())
  const id = newId('sms')
  await trx
    .insertInto('sms_messages')
    .values({ id, subject_id: message.subjectId, person_key: message.personKey, template: message.template, params: JSON.stringify(message.params), to_enc: encryptField(ctx.keys, message.to, 'sms_to'), status: 'pending', attempts: 0, next_attempt_at: now, last_status: null, last_error: null, created_at: now, updated_at: now })
    .execute()
  return id
}

/** Send what is due once; returns how many were tried. */
export async function deliverSmsDue(ctx: RegistryContext, fetchImpl: typeof fetch = fetch): Promise<number> {
  const sms = ctx.config.sms
  if (!sms) return 0
  const now = ctx.now()
  const leaseUntil = iso(now + sms.timeoutMs * 3)
  const lock = ctx.dialect === 'postgres' ? sql` for update skip locked` : sql``
  const claimed = await sql<{ id: string }>`update sms_messages set next_attempt_at = ${leaseUntil}
    where id in (select s.id from sms_messages s where s.status = 'pending' and s.next_attempt_at <= ${iso(now)}
      and not exists (select 1 from sms_messages o where o.person_key = s.person_key and o.status = 'pending' and o.created_at < s.created_at and o.next_attempt_at > ${iso(now)})
      order by s.created_at limit 20${lock})
    returning id`.execute(ctx.db)
  if (claimed.rows.length === 0) return 0
  const due = await ctx.db.selectFrom('sms_messages').selectAll().where('id', 'in', claimed.rows.map((r) => r.id)).orderBy('created_at').execute()
  // One person's messages go in the order of the decisions, one after another (a later one waits
  // for an earlier one that failed, here and in the claim); different people's side by side, so a slow provider holds the
  // worker (and the webhooks after it) for about one timeout, not twenty.
  const byPerson = new Map<string, Array<(typeof due)[number] & { to: string }>>()
  for (const m of due) byPerson.set(m.person_key, [...(byPerson.get(m.person_key) ?? []), { ...m, to: decryptField(ctx.keys, m.to_enc, 'sms_to') }])
  const settle = (id: string, patch: { status: string; attempts: number; last_status: number | null; last_error: string | null; next_attempt_at: string }) =>
    ctx.db.updateTable('sms_messages').set({ ...patch, updated_at: iso(ctx.now()) }).where('id', '=', id).where('next_attempt_at', '=', leaseUntil).execute() // still our lease
  await Promise.all(
    [...byPerson.values()].map(async (messages) => {
      for (const [i, m] of messages.entries()) {
        const outcome = await postSms(fetchImpl, sms, { id: m.id, to: m.to, template: m.template as SmsTemplate, params: JSON.parse(m.params) as SmsParams })
        const attempts = m.attempts + 1
        const status = outcome.sent ? 'sent' : !outcome.retry || attempts >= sms.maxAttempts ? 'failed' : 'pending'
        const next = iso(ctx.now() + Math.min(ctx.config.webhook.maxDelayMs, ctx.config.webhook.baseDelayMs * 2 ** (attempts - 1)))
        await settle(m.id, { status, attempts, last_status: outcome.status, last_error: outcome.sent ? null : outcome.error, next_attempt_at: next })
        if (status === 'failed') ctx.log.warn({ sms: m.id, template: m.template, attempts, last_status: outcome.status }, 'sms given up')
        if (status === 'pending') {
          // Tried again later: the driver's later messages wait for it, untried.
          for (const later of messages.slice(i + 1)) await settle(later.id, { status: 'pending', attempts: later.attempts, last_status: later.last_status, last_error: later.last_error, next_attempt_at: next })
          return
        }
      }
    }),
  )
  return due.length
}
