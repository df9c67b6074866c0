/** Who is calling: a platform's secret key (sk_), a driver's join token (jt_) or a reviewer's key (rk_). */
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
    const r = await ctx.db.selectFrom('reviewers').select(['id', 'org_id']).where('key_hash', '=', hash).executeTakeFirst()
    if (!r) throw new Refusal('invalid_api_key')
    return { kind: 'reviewer', id: `reviewer:${r.id}`, orgId: r.org_id }
  }
  throw new Refusal('invalid_api_key')
}
