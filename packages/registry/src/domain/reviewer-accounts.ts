/**
 * Console sign-in for reviewer accounts: a login and a password (scrypt), traded for a
 * session token (rs_…, 8 hours) that the console sends as a bearer token. Only hashes are kept.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import { hashSecret, newSecret } from '../crypto/hashing'
import { Refusal, type RegistryContext, iso } from './context'

const SESSION_MS = 8 * 3_600_000

export function hashPassword(password: string): string {
  const salt = randomBytes(16)
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`
}

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>

/** Checks a password off the event loop (libuv's pool): sign-ins never stall other requests. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const [scheme, salt, hash] = (stored ?? '').split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'hex')
  const actual = await scryptAsync(password, Buffer.from(salt, 'hex'), expected.length)
  return timingSafeEqual(actual, expected)
}

/** An unknown login costs the same scrypt as a known one: no telling them apart by time. */
let decoy: Promise<string> | undefined
const decoyHash = () =>
  (decoy ??= (async () => {
    const salt = randomBytes(16)
    return `scrypt$${salt.toString('hex')}$${(await scryptAsync(randomBytes(12).toString('hex'), salt, 32)).toString('hex')}`
  })())

/** A password a person can type and read out: 4 groups of 4 from an unambiguous alphabet. */
export function newPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  const bytes = randomBytes(16)
  return Array.from(bytes, (b, i) => (i > 0 && i % 4 === 0 ? '-' : '') + alphabet[b % alphabet.length]).join('')
}

export async function signIn(ctx: RegistryContext, body: Record<string, unknown>) {
  const login = typeof body.login === 'string' ? body.login.trim() : ''
  const password = typeof body.password === 'string' ? body.password : ''
  if (login.length > 64) throw new Refusal('parameter_invalid', { param: 'login', message: '登录名太长' })
  if (password.length > 256) throw new Refusal('parameter_invalid', { param: 'password', message: '密码太长' })
  if (!login) throw new Refusal('parameter_missing', { param: 'login', message: '请填写登录名' })
  if (!password) throw new Refusal('parameter_missing', { param: 'password', message: '请填写密码' })
  const r = await ctx.db.selectFrom('reviewers').select(['id', 'name', 'org_id', 'role', 'password_hash']).where('login', '=', login).executeTakeFirst()
  // The same answer, and the same work, for an unknown login and a wrong password.
  const ok = await verifyPassword(password, r?.password_hash ?? (await decoyHash()))
  if (!r || !r.password_hash || !ok) throw new Refusal('invalid_api_key', { message: '登录名或密码不正确' })
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
  // role: 'reviewer' | 'admin'; registry_admin says whether the admin's rights are registry-wide (scope.ts).
  const role = r.role === 'registry_admin' ? 'admin' : r.role
  const registryAdmin = r.role === 'registry_admin' || (r.role === 'admin' && org !== undefined && org.parentId === undefined)
  return { id: r.id, name: r.name, login: r.login, role, registry_admin: registryAdmin, org_id: r.org_id, org_name: org?.name ?? null, org_region: org?.regionCode ?? null }
}
