/** Who is calling: a platform's secret key (sk_), a driver's join token (jt_), a reviewer's key (rk_) or console sign-in (rs_), a partner's key (pk_). */
import { hashSecret } from '../crypto/hashing'
import { type Caller, Refusal, type RegistryContext } from '../domain/context'
import { retiredKey } from '../domain/key-rotation'

export async function authenticate(ctx: RegistryContext, header: string | undefined): Promise<Caller> {
  const value = header?.startsWith('Bearer ') ? header.slice(7).trim() : ''
  if (value === '') return { kind: 'none', id: 'anonymous' }
  const hash = hashSecret(value)
  if (value.startsWith('sk_')) {
    // The current key, or a rolled-out one still inside its overlap.
    const p =
      (await ctx.db.selectFrom('platforms').select(['id', 'revoked_at']).where('secret_key_hash', '=', hash).executeTakeFirst()) ??
      (await ownerOfRetired(ctx, 'platforms', 'secret_key', hash))
    if (!p) throw new Refusal('invalid_api_key')
    if (p.revoked_at) throw new Refusal('api_key_expired', { message: '该平台已停用，密钥不再有效' })
    return { kind: 'secret_key', id: `platform:${p.id}`, platformId: p.id }
  }
  if (value.startsWith('jt_')) {
    const s = await ctx.db
      .selectFrom('sessions')
      .innerJoin('platforms', 'platforms.id', 'sessions.platform_id')
      .select(['sessions.id', 'sessions.platform_id', 'sessions.token_expires_at', 'sessions.locale', 'platforms.revoked_at', 'platforms.uscc'])
      .where('sessions.token_hash', '=', hash)
      .executeTakeFirst()
    if (!s) throw new Refusal('invalid_token')
    if (s.revoked_at) throw new Refusal('invalid_token', { message: '该平台的网上入会已停用，请联系平台客服' })
    if (Date.parse(s.token_expires_at) < ctx.now()) throw new Refusal('expired_token')
    return { kind: 'join_token', id: `session:${s.id}`, platformId: s.platform_id, sessionId: s.id, locale: s.locale === 'en' ? 'en' : 'zh-CN', platformUscc: s.uscc }
  }
  if (value.startsWith('rk_')) {
    const r = await ctx.db.selectFrom('reviewers').select(['id', 'org_id', 'role']).where('key_hash', '=', hash).executeTakeFirst()
    if (!r) throw new Refusal('invalid_api_key')
    return { kind: 'reviewer', id: `reviewer:${r.id}`, reviewerId: r.id, orgId: r.org_id, role: r.role === 'admin' || r.role === 'registry_admin' ? 'admin' : 'reviewer' }
  }
  // A console sign-in (rs_…): the same reviewer, for the session's lifetime.
  if (value.startsWith('rs_')) {
    const r = await ctx.db
      .selectFrom('reviewer_sessions')
      .innerJoin('reviewers', 'reviewers.id', 'reviewer_sessions.reviewer_id')
      .select(['reviewers.id', 'reviewers.org_id', 'reviewers.role', 'reviewer_sessions.expires_at'])
      .where('reviewer_sessions.token_hash', '=', hash)
      .executeTakeFirst()
    if (!r) throw new Refusal('invalid_token', { message: '登录已失效，请重新登录' })
    if (Date.parse(r.expires_at) < ctx.now()) throw new Refusal('expired_token', { message: '登录已过期，请重新登录' })
    return { kind: 'reviewer', id: `reviewer:${r.id}`, reviewerId: r.id, orgId: r.org_id, role: r.role === 'admin' || r.role === 'registry_admin' ? 'admin' : 'reviewer' }
  }
  if (value.startsWith('pk_')) {
    const p =
      (await ctx.db.selectFrom('partners').select(['id', 'revoked_at']).where('key_hash', '=', hash).executeTakeFirst()) ??
      (await ownerOfRetired(ctx, 'partners', 'partner_key', hash))
    if (!p) throw new Refusal('invalid_api_key')
    if (p.revoked_at) throw new Refusal('api_key_expired', { message: '该单位的数据共享已停用，密钥不再有效' })
    return { kind: 'partner', id: `partner:${p.id}`, partnerId: p.id }
  }
  throw new Refusal('invalid_api_key')
}

/** The owner of a rolled-out key still inside its overlap; past it, the key is refused as expired. */
async function ownerOfRetired(ctx: RegistryContext, table: 'platforms' | 'partners', kind: 'secret_key' | 'partner_key', hash: string) {
  const retired = await retiredKey(ctx.db, kind, hash)
  if (!retired) return undefined
  if (Date.parse(retired.expires_at) <= ctx.now()) throw new Refusal('api_key_expired', { message: '该密钥已轮换，旧密钥已过期，请使用新密钥' })
  return ctx.db.selectFrom(table).select(['id', 'revoked_at']).where('id', '=', retired.owner_id).executeTakeFirst()
}
