/**
 * Console sign-in for reviewer accounts: a login and a password (scrypt), traded for a
 * session token (rs_…, 8 hours) that the console sends as a bearer token. Only hashes are kept.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import { hashSecret, newSecret } from '../crypto/hashing'
import { Refusal, type RegistryContext, iso } from './context'

const SESSION_MS = 8 * 3_600_000

export function hashPassword(password: string): string {
  const salt = randomBytes(16)
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`
}

export function verifyPassword(password: string, stored: string | null): boolean {
  const [scheme, salt, hash] = (stored ?? '').split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'hex')
  const actual = scryptSync(password, Buffer.from(salt, 'hex'), expected.length)
  return timingSafeEqual(actual, expected)
}

/** A password a person can type and read out: 4 groups of 4 from an unambiguous alphabet. */
export function newPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  const bytes = randomBytes(16)
  return Array.from(bytes, (b, i) => (i > 0 && i % 4 === 0 ? '-' : '') + alphabet[b % alphabet.length]).join('')
}

export async function signIn(ctx: RegistryContext, body: Record<string, unknown>) {
  const login = typeof body.login === 'string' ? body.login.trim() : ''
  const password = typeof body.password === 'string' ? body.password : ''
  if (!login) throw new Refusal('parameter_missing', { param: 'login', message: '请填写登录名' })
  if (!password) throw new Refusal('parameter_missing', { param: 'password', message: '请填写密码' })
  const r = await ctx.db.selectFrom('reviewers').select(['id', 'name', 'org_id', 'role', 'password_hash']).where('login', '=', login).executeTakeFirst()
  // The same answer for an unknown login and a wrong password.
  if (!r || !verifyPassword(password, r.password_hash)) throw new Refusal('invalid_api_key', { message: '登录名或密码不正确' })
  const token = newSecret('rs_live')
  const now = ctx.now()
  const expiresAt = iso(now + SESSION_MS)
  await ctx.writer.run(async (trx) => {
    await trx.deleteFrom('reviewer_sessions').where('expires_at', '<', iso(now)).execute()
    await trx.insertInto('reviewer_sessions').values({ token_hash: hashSecret(token), reviewer_id: r.id, expires_at: expiresAt, created_at: iso(now) }).execute()
    await trx.insertInto('audit_log').values({ actor: `reviewer:${r.id}`, action: 'sign_in', subject: r.id, created_at: iso(now) }).execute()
  })
  return { object: 'reviewer_session', token, expires_at: expiresAt, reviewer: await reviewerProfile(ctx, r.id) }
}

export async function signOut(ctx: RegistryContext, token: string) {
  await ctx.writer.run((trx) => trx.deleteFrom('reviewer_sessions').where('token_hash', '=', hashSecret(token)).execute())
  return { object: 'reviewer_session', signed_out: true }
}

export async function reviewerProfile(ctx: RegistryContext, reviewerId: string) {
  const r = await ctx.db.selectFrom('reviewers').select(['id', 'name', 'org_id', 'role', 'login']).where('id', '=', reviewerId).executeTakeFirstOrThrow()
  const org = ctx.directory().byId.get(r.org_id)
  return { id: r.id, name: r.name, login: r.login, role: r.role, org_id: r.org_id, org_name: org?.name ?? null, org_region: org?.regionCode ?? null }
}
