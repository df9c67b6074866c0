/**
 * Transactional outbox: an event is written in the same transaction as the change that
 * caused it, with one delivery row per platform that has a webhook URL. A worker delivers
 * due rows, signed with signWebhook, retrying with backoff; the rows are the delivery history.
 * Any number of registry processes may run the worker: each delivery is claimed with a lease.
 */
import { type Transaction, sql } from 'kysely'
import { API_VERSION, type Application, type EventType, type Transfer, platformTransferView, toChinaTime } from '@ruhui/core/contract'
import { signWebhook } from '@ruhui/core/node'
import { decryptField } from '../crypto/field-cipher'
import { newId } from '../crypto/hashing'
import type { Database } from '../db/schema'
import { type RegistryContext, iso } from './context'
import { retiredWebhookSecrets } from './key-rotation'
import { postWebhook } from './webhook-target'
import { platformViews } from './platform-view'

async function platformEventObject(trx: Transaction<Database>, a: Application) {
  const row = await trx.selectFrom('applications').select(['id', 'session_id', 'platform_id', 'status', 'status_reason', 'submitted_at', 'updated_at', 'person_key', 'org_id', 'org_name', 'shares_with_platform']).where('id', '=', a.id).executeTakeFirst()
  if (!row) throw new Error(`event for an application not stored: ${a.id}`)
  const [view] = await platformViews(trx, [row])
  return view
}
import { smsForEvent } from '../notify/decision-sms'

export async function recordEvent(ctx: RegistryContext, trx: Transaction<Database>, type: EventType, platformId: string, object: Application | Transfer): Promise<string> {
  const now = ctx.now()
  const id = newId('evt')
  // The platform's view of an application (status, not membership), read in this transaction (issue #13).
  const data = object.object === 'application' ? await platformEventObject(trx, object) : platformTransferView(object)
  const payload = JSON.stringify({ id, object: 'event', type, api_version: API_VERSION, created_at: toChinaTime(now), data: { object: data } })
  await trx.insertInto('events').values({ id, type, platform_id: platformId, payload, created_at: iso(now) }).execute()
  // A delivery if the platform has a webhook address now, read in this transaction: never from a
  // cache, so an address set a moment ago (by `platform set-webhook` or another process) is used.
  await trx
    .insertInto('deliveries')
    .columns(['event_id', 'platform_id', 'status', 'attempts', 'next_attempt_at', 'last_status', 'last_error', 'updated_at'])
    .expression((eb) =>
      eb.selectFrom('platforms').select([sql.lit(id).as('event_id'), 'id', sql.lit('pending').as('status'), sql.lit(0).as('attempts'), sql.lit(iso(now)).as('next_attempt_at'), sql.lit(null).as('last_status'), sql.lit(null).as('last_error'), sql.lit(iso(now)).as('updated_at')]).where('id', '=', platformId).where('webhook_url', 'is not', null),
    )
    .execute()
  // The driver hears of a decision by SMS too, when a provider is configured (issue #16).
  await smsForEvent(ctx, trx, type, object)
  return id
}

/**
 * Claim up to `limit` due deliveries with a lease: their next attempt is moved to the lease's end,
 * in one statement, so no other process takes them meanwhile; if this process dies, they are due
 * again when the lease runs out. PostgreSQL skips rows another process is claiming (SKIP LOCKED);
 * SQLite runs one writer at a time, so the statement alone is enough.
 */
async function claimDue(ctx: RegistryContext, now: number, leaseUntil: string, limit: number): Promise<number[]> {
  const lock = ctx.dialect === 'postgres' ? sql` for update of d skip locked` : sql``
  const res = await sql<{ id: number }>`update deliveries set next_attempt_at = ${leaseUntil}
    where id in (select d.id from deliveries d join platforms p on p.id = d.platform_id
      where d.status = 'pending' and d.next_attempt_at <= ${iso(now)} and p.revoked_at is null
      order by d.id limit ${limit}${lock})
    returning id`.execute(ctx.db)
  return res.rows.map((r) => Number(r.id))
}

/** Deliver what is due once; returns how many were attempted. */
export async function deliverDue(ctx: RegistryContext, fetchImpl: typeof fetch = fetch): Promise<number> {
  const now = ctx.now()
  const leaseUntil = iso(now + ctx.config.webhook.timeoutMs * 3)
  const ids = await claimDue(ctx, now, leaseUntil, 20)
  if (ids.length === 0) return 0
  // The address and secret as they are now (a change on any process is seen at the next pass).
  const due = await ctx.db
    .selectFrom('deliveries')
    .innerJoin('events', 'events.id', 'deliveries.event_id')
    .innerJoin('platforms', 'platforms.id', 'deliveries.platform_id')
    .select(['deliveries.id', 'deliveries.attempts', 'events.payload', 'platforms.id as platform_id', 'platforms.webhook_url', 'platforms.webhook_secret_enc'])
    .where('deliveries.id', 'in', ids)
    .orderBy('deliveries.id')
    .execute()
  // A platform's rolled-out webhook secrets still honoured: read once per pass, not per delivery.
  const retired = new Map<string, Promise<string[]>>()
  const retiredFor = (platformId: string) => {
    let secrets = retired.get(platformId)
    if (!secrets) retired.set(platformId, (secrets = retiredWebhookSecrets(ctx.db, platformId, now)))
    return secrets
  }
  for (const d of due) {
    if (!d.webhook_url || !d.webhook_secret_enc) continue // tried again when the lease runs out
    let status: number | null = null
    let error: string | null = null
    try {
      // The current secret first, then any rolled out but still honoured: one v1 each.
      const secrets = [d.webhook_secret_enc, ...(await retiredFor(d.platform_id))].map((enc) => decryptField(ctx.keys, enc, 'webhook_secret'))
      const res = await postWebhook(fetchImpl, d.webhook_url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'ruhui-signature': signWebhook(d.payload, secrets), 'user-agent': 'ruhui-registry' },
        body: d.payload,
        signal: AbortSignal.timeout(ctx.config.webhook.timeoutMs),
      })
      status = res.status
      await res.arrayBuffer().catch(() => undefined)
    } catch (e) {
      error = String((e as Error)?.name ?? e)
    }
    const attempts = d.attempts + 1
    const delivered = status !== null && status >= 200 && status < 300
    const gaveUp = !delivered && attempts >= ctx.config.webhook.maxAttempts
    const delay = Math.min(ctx.config.webhook.maxDelayMs, ctx.config.webhook.baseDelayMs * 2 ** (attempts - 1))
    await ctx.db
      .updateTable('deliveries')
      .set({ status: delivered ? 'delivered' : gaveUp ? 'failed' : 'pending', attempts, last_status: status, last_error: error, next_attempt_at: iso(ctx.now() + delay), updated_at: iso(ctx.now()) })
      .where('id', '=', d.id)
      .where('next_attempt_at', '=', leaseUntil) // still our lease (not expired and taken by another process)
      .execute()
  }
  return due.length
}
