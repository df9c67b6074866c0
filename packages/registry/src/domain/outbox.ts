/**
 * Transactional outbox: an event is written in the same transaction as the change that
 * caused it, with one delivery row per platform that has a webhook URL. A worker delivers
 * due rows, signed with signWebhook, retrying with backoff; the rows are the delivery history.
 */
import type { Transaction } from 'kysely'
import { API_VERSION, type Application, type EventType, type Transfer, toChinaTime } from '@ruhui/core/contract'
import { signWebhook } from '@ruhui/core/node'
import { decryptField } from '../crypto/field-cipher'
import { newId } from '../crypto/hashing'
import type { Database } from '../db/schema'
import { type RegistryContext, iso } from './context'
import { retiredWebhookSecrets } from './key-rotation'

// Whether a platform has a webhook URL, cached briefly: it is asked on every event.
const webhookCache = new Map<string, { has: boolean; until: number }>()
async function hasWebhook(ctx: RegistryContext, trx: Transaction<Database>, platformId: string): Promise<boolean> {
  const now = ctx.now()
  const hit = webhookCache.get(platformId)
  if (hit && hit.until > now) return hit.has
  const platform = await trx.selectFrom('platforms').select(['webhook_url']).where('id', '=', platformId).executeTakeFirst()
  const has = Boolean(platform?.webhook_url)
  webhookCache.set(platformId, { has, until: now + 5000 })
  return has
}

export async function recordEvent(ctx: RegistryContext, trx: Transaction<Database>, type: EventType, platformId: string, object: Application | Transfer): Promise<string> {
  const now = ctx.now()
  const id = newId('evt')
  const payload = JSON.stringify({ id, object: 'event', type, api_version: API_VERSION, created_at: toChinaTime(now), data: { object } })
  await trx.insertInto('events').values({ id, type, platform_id: platformId, payload, created_at: iso(now) }).execute()
  if (await hasWebhook(ctx, trx, platformId)) {
    await trx.insertInto('deliveries').values({ event_id: id, platform_id: platformId, status: 'pending', attempts: 0, next_attempt_at: iso(now), last_status: null, last_error: null, updated_at: iso(now) }).execute()
  }
  return id
}

/** Deliver what is due once; returns how many were attempted. */
export async function deliverDue(ctx: RegistryContext, fetchImpl: typeof fetch = fetch): Promise<number> {
  const now = ctx.now()
  const due = await ctx.db
    .selectFrom('deliveries')
    .innerJoin('events', 'events.id', 'deliveries.event_id')
    .innerJoin('platforms', 'platforms.id', 'deliveries.platform_id')
    .select(['deliveries.id', 'deliveries.attempts', 'deliveries.next_attempt_at', 'events.payload', 'platforms.id as platform_id', 'platforms.webhook_url', 'platforms.webhook_secret_enc'])
    .where('deliveries.status', '=', 'pending')
    .where('platforms.revoked_at', 'is', null) // a disabled platform gets nothing more
    .where('deliveries.next_attempt_at', '<=', iso(now))
    .orderBy('deliveries.id')
    .limit(20)
    .execute()
  // A platform's rolled-out webhook secrets still honoured: read once per pass, not per delivery.
  const retired = new Map<string, Promise<string[]>>()
  const retiredFor = (platformId: string) => {
    let secrets = retired.get(platformId)
    if (!secrets) retired.set(platformId, (secrets = retiredWebhookSecrets(ctx.db, platformId, now)))
    return secrets
  }
  for (const d of due) {
    // Claim it: another registry process may be looking at the same row.
    const claimed = await ctx.db
      .updateTable('deliveries')
      .set({ next_attempt_at: iso(now + ctx.config.webhook.timeoutMs * 3) })
      .where('id', '=', d.id)
      .where('next_attempt_at', '=', d.next_attempt_at)
      .executeTakeFirst()
    if (Number(claimed.numUpdatedRows) !== 1 || !d.webhook_url || !d.webhook_secret_enc) continue
    let status: number | null = null
    let error: string | null = null
    try {
      // The current secret first, then any rolled out but still honoured: one v1 each.
      const secrets = [d.webhook_secret_enc, ...(await retiredFor(d.platform_id))].map((enc) => decryptField(ctx.keys, enc, 'webhook_secret'))
      const res = await fetchImpl(d.webhook_url, {
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
      .execute()
  }
  return due.length
}
