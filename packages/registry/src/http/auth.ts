/** Who is calling: a platform's secret key (sk_), a driver's join token (jt_), a reviewer's key (rk_) or console sign-in (rs_), a partner's key (pk_). */
import { hashSecret } from '../crypto/hashing'
import { type Caller, Refusal, type RegistryContext } from '../domain/context'

export async function authenticate(ctx: RegistryContext, header: string | undefined): Promise<Caller> {
  const value = header?.startsWith('Bearer ') ? header.slice(7).trim() : ''
  if (value === '') return { kind: 'none', id: 'anonymous' }
  const hash = hashSecret(value)
  if (value.startsWith('sk_')) {
    const p = await ctx.db.selectFrom('platforms').select(['id']).where('secret_key_hash', '=', hash).executeTakeFirst()
    if (!p) throw new Refusal('invalid_api_key')
    return { kind: 'secret_key', id: `platform:${p.id}`, platformId: p.id }
  }
  if (value.startsWith('jt_')) {
    const s = await ctx.db.selectFrom('sessions').select(['id', 'platform_id', 'token_expires_at']).where('token_hash', '=', hash).executeTakeFirst()
    if (!s) throw new Refusal('invalid_token')
    if (Date.parse(s.token_expires_at) < ctx.now()) throw new Refusal('expired_token')
    return { kind: 'join_token', id: `session:${s.id}`, platformId: s.platform_id, sessionId: s.id }
  }
  if (value.startsWith('rk_')) {
    const r = await ctx.db.selectFrom('reviewers').select(['id', 'org_id', 'role']).where('key_hash', '=', hash).executeTakeFirst()
    if (!r) throw new Refusal('invalid_api_key')
    return { kind: 'reviewer', id: `reviewer:${r.id}`, reviewerId: r.id, orgId: r.org_id, role: r.role === 'admin' ? 'admin' : 'reviewer' }
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
    return { kind: 'reviewer', id: `reviewer:${r.id}`, reviewerId: r.id, orgId: r.org_id, role: r.role === 'admin' ? 'admin' : 'reviewer' }
  }
  if (value.startsWith('pk_')) {
    const p = await ctx.db.selectFrom('partners').select(['id']).where('key_hash', '=', hash).executeTakeFirst()
    if (!p) throw new Refusal('invalid_api_key')
    return { kind: 'partner', id: `partner:${p.id}`, partnerId: p.id }
  }
  throw new Refusal('invalid_api_key')
}
