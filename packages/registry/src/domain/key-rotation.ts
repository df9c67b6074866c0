/**
 * Rolling and disabling credentials (admins, in the console). A roll issues a new key or webhook
 * secret, shown once, and keeps honouring the old one for an overlap the admin chooses (0–168 h,
 * default 24) so the platform can switch without downtime; while both webhook secrets are valid,
 * every delivery is signed with both. Disabling a platform refuses its keys and its drivers' join
 * tokens and stops its webhooks; disabling a partner refuses its key. Every change is audit-logged.
 */
import { encryptField } from '../crypto/field-cipher'
import { hashSecret, newSecret } from '../crypto/hashing'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { requireAdmin } from './scope'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>

const MAX_OVERLAP_HOURS = 168
const PLATFORM_SECRETS = ['secret_key', 'webhook_secret'] as const

/** How long the old secret stays valid: `expires_in_hours`, a whole number of hours from 0 to 168. */
function overlapMs(body: Record<string, unknown>): number {
  const hours = body.expires_in_hours ?? 24
  if (typeof hours !== 'number' || !Number.isInteger(hours) || hours < 0 || hours > MAX_OVERLAP_HOURS) {
    throw new Refusal('parameter_invalid', { param: 'expires_in_hours', message: `旧密钥继续有效的时间应为 0 到 ${MAX_OVERLAP_HOURS} 之间的整数小时` })
  }
  return hours * 3_600_000
}

/**
 * Two admins rolling the same key at once: the key each read is compared when written (the row is
 * locked by the first write on PostgreSQL, and SQLite has one writer), so the second gets a clean
 * 409 instead of silently retiring the key the first was just shown.
 */
const rolledMeanwhile = () => new Refusal('lock_conflict', { message: '另一位管理员刚刚轮换了这个密钥，请刷新后查看；新密钥只向轮换的人显示一次' })

async function findOwner(ctx: RegistryContext, table: 'platforms' | 'partners', id: string) {
  const row = await ctx.db.selectFrom(table).select(['id', 'revoked_at']).where('id', '=', id).executeTakeFirst()
  if (!row) throw new Refusal('not_found', { message: table === 'platforms' ? '没有这个平台' : '没有这个数据共享单位' })
  return row
}

async function activeOwner(ctx: RegistryContext, table: 'platforms' | 'partners', id: string) {
  if ((await findOwner(ctx, table, id)).revoked_at) throw new Refusal('invalid_request', { message: '已停用，不能再轮换密钥' })
}

export async function rollPlatformSecret(ctx: RegistryContext, reviewer: Reviewer, platformId: string, body: Record<string, unknown>) {
  requireAdmin(reviewer, '只有管理员可以轮换平台密钥')
  const what = body.what
  if (!PLATFORM_SECRETS.includes(what as never)) throw new Refusal(what === undefined ? 'parameter_missing' : 'parameter_invalid', { param: 'what', message: '请选择轮换 secret_key（接口密钥）或 webhook_secret（事件签名密钥）' })
  const overlap = overlapMs(body)
  await activeOwner(ctx, 'platforms', platformId)
  // What the admin is rolling: the roll applies only if it is still current when written.
  const seen = await ctx.db.selectFrom('platforms').select(['secret_key_hash', 'webhook_secret_enc']).where('id', '=', platformId).executeTakeFirstOrThrow()
  const now = ctx.now()
  const expiresAt = iso(now + overlap)
  const fresh = newSecret(what === 'secret_key' ? 'sk_live' : 'whsec')
  await ctx.writer.run(async (trx) => {
    if (what === 'secret_key') {
      const r = await trx.updateTable('platforms').set({ secret_key_hash: hashSecret(fresh) }).where('id', '=', platformId).where('secret_key_hash', '=', seen.secret_key_hash).executeTakeFirst()
      if (Number(r.numUpdatedRows) !== 1) throw rolledMeanwhile()
      if (overlap > 0) await trx.insertInto('retired_secrets').values({ kind: 'secret_key', owner_id: platformId, secret_hash: seen.secret_key_hash, secret_enc: null, expires_at: expiresAt, created_at: iso(now) }).execute()
    } else {
      const r = await trx.updateTable('platforms').set({ webhook_secret_enc: encryptField(ctx.keys, fresh, 'webhook_secret') }).where('id', '=', platformId)
        .where((eb) => (seen.webhook_secret_enc === null ? eb('webhook_secret_enc', 'is', null) : eb('webhook_secret_enc', '=', seen.webhook_secret_enc))).executeTakeFirst()
      if (Number(r.numUpdatedRows) !== 1) throw rolledMeanwhile()
      if (overlap > 0 && seen.webhook_secret_enc) await trx.insertInto('retired_secrets').values({ kind: 'webhook_secret', owner_id: platformId, secret_hash: null, secret_enc: seen.webhook_secret_enc, expires_at: expiresAt, created_at: iso(now) }).execute()
    }
    await trx.insertInto('audit_log').values({ actor: reviewer.id, action: `platform_roll_${what}`, subject: platformId, created_at: iso(now) }).execute()
  })
  return { object: 'platform', id: platformId, [what as string]: fresh, previous_expires_at: overlap > 0 ? expiresAt : iso(now), shown_once: true }
}

export async function rollPartnerKey(ctx: RegistryContext, reviewer: Reviewer, partnerId: string, body: Record<string, unknown>) {
  requireAdmin(reviewer, '只有管理员可以管理数据共享单位')
  const overlap = overlapMs(body)
  await activeOwner(ctx, 'partners', partnerId)
  const seen = await ctx.db.selectFrom('partners').select(['key_hash']).where('id', '=', partnerId).executeTakeFirstOrThrow()
  const now = ctx.now()
  const expiresAt = iso(now + overlap)
  const fresh = newSecret('pk_live')
  await ctx.writer.run(async (trx) => {
    const r = await trx.updateTable('partners').set({ key_hash: hashSecret(fresh) }).where('id', '=', partnerId).where('key_hash', '=', seen.key_hash).executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) throw rolledMeanwhile()
    if (overlap > 0) await trx.insertInto('retired_secrets').values({ kind: 'partner_key', owner_id: partnerId, secret_hash: seen.key_hash, secret_enc: null, expires_at: expiresAt, created_at: iso(now) }).execute()
    await trx.insertInto('audit_log').values({ actor: reviewer.id, action: 'partner_roll_key', subject: partnerId, created_at: iso(now) }).execute()
  })
  return { object: 'partner', id: partnerId, key: fresh, previous_expires_at: overlap > 0 ? expiresAt : iso(now), shown_once: true }
}

/** Disable a platform or a partner for good. Disabling twice is a no-op. */
export async function revokeOwner(ctx: RegistryContext, reviewer: Reviewer, table: 'platforms' | 'partners', id: string) {
  requireAdmin(reviewer, table === 'platforms' ? '只有管理员可以停用平台' : '只有管理员可以管理数据共享单位')
  const row = await findOwner(ctx, table, id)
  const revokedAt = row.revoked_at ?? iso(ctx.now())
  if (!row.revoked_at) {
    await ctx.writer.run(async (trx) => {
      await trx.updateTable(table).set({ revoked_at: revokedAt }).where('id', '=', id).execute()
      await trx.insertInto('audit_log').values({ actor: reviewer.id, action: table === 'platforms' ? 'platform_revoke' : 'partner_revoke', subject: id, created_at: revokedAt }).execute()
    })
  }
  return { object: table === 'platforms' ? 'platform' : 'partner', id, revoked_at: revokedAt }
}

/** A rolled-out key: whose it was and until when it is honoured. */
export async function retiredKey(db: RegistryContext['db'], kind: 'secret_key' | 'partner_key', hash: string) {
  return db.selectFrom('retired_secrets').select(['owner_id', 'expires_at']).where('kind', '=', kind).where('secret_hash', '=', hash).executeTakeFirst()
}

/** A platform's rolled-out webhook secrets still inside their overlap (encrypted). */
export async function retiredWebhookSecrets(db: RegistryContext['db'], platformId: string, now: number): Promise<string[]> {
  const rows = await db.selectFrom('retired_secrets').select(['secret_enc']).where('kind', '=', 'webhook_secret').where('owner_id', '=', platformId).where('expires_at', '>', iso(now)).orderBy('id', 'desc').execute()
  return rows.flatMap((r) => (r.secret_enc ? [r.secret_enc] : []))
}

/** When each owner's rolled-out secrets stop being honoured (for the console's lists). */
export async function retiredExpiries(db: RegistryContext['db'], kinds: string[], now: number): Promise<Map<string, string>> {
  const rows = await db.selectFrom('retired_secrets').select(['owner_id', 'kind', 'expires_at']).where('kind', 'in', kinds).where('expires_at', '>', iso(now)).execute()
  const out = new Map<string, string>()
  for (const r of rows) {
    const key = `${r.owner_id}:${r.kind}`
    if ((out.get(key) ?? '') < r.expires_at) out.set(key, r.expires_at)
  }
  return out
}
