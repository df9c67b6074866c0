/** Join sessions: one open session per platform user; short-lived tokens; refresh in place. */
import type { JoinSession, JoinSessionCreate } from '@ruhui/core/contract'
import { type Reply, reply } from '@ruhui/core/server'
import { decryptField, encryptField } from '../crypto/field-cipher'
import { hashSecret, newId, newSecret } from '../crypto/hashing'
import { isUniqueViolation, jobHook } from '../db/write-queue'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { platformWeb } from './platform-web'
import { sealPrefill } from './identity-evidence'
import { sessionView } from './views'

type PlatformCaller = Extract<Caller, { kind: 'secret_key' }>

/** The hosted page for a session (issue #14): the token in the fragment, the platform in the query (its frame-ancestors). */
export function hostedUrl(ctx: RegistryContext, s: { id: string; platform_id: string }, token: string): string {
  const base = ctx.config.publicUrl ?? `http://${ctx.config.host}:${ctx.config.port}`
  return `${base}/join?p=${encodeURIComponent(s.platform_id)}#session=${s.id}&token=${token}`
}

/** The platform's registered return URL, exactly, or a 400 `return_url_not_allowed`. */
async function allowedReturnUrl(ctx: RegistryContext, platformId: string, returnUrl: string | undefined): Promise<string | null> {
  if (returnUrl === undefined) return null
  const { returnUrls } = await platformWeb(ctx.db, platformId)
  if (!returnUrls.includes(returnUrl)) throw new Refusal('return_url_not_allowed', { param: 'return_url' })
  return returnUrl
}

export async function createSession(ctx: RegistryContext, caller: PlatformCaller, body: JoinSessionCreate): Promise<Reply<JoinSession>> {
  const openKey = `${caller.platformId}|${body.platform_user_id}`
  const returnUrl = await allowedReturnUrl(ctx, caller.platformId, body.return_url)
  return ctx.writer.run(async (trx) => {
    const now = ctx.now()
    // A session whose token ran out no longer counts as open.
    await trx.updateTable('sessions').set({ status: 'expired', open_key: null }).where('open_key', '=', openKey).where('token_expires_at', '<', iso(now)).execute()
    const existing = await trx.selectFrom('sessions').selectAll().where('open_key', '=', openKey).executeTakeFirst()
    if (existing) {
      // Handed back; a return URL given now replaces the one it had.
      if (returnUrl !== null && returnUrl !== existing.return_url) await trx.updateTable('sessions').set({ return_url: returnUrl }).where('id', '=', existing.id).execute()
      // A prefill sent now (the platform's backend, issue #13) replaces the one kept with the session.
      if (body.prefill) await trx.updateTable('sessions').set({ prefill_enc: sealPrefill(ctx.keys, body.prefill) }).where('id', '=', existing.id).execute()
      const token = decryptField(ctx.keys, existing.token_enc, 'join_token')
      return reply(200, sessionView({ ...existing, return_url: returnUrl ?? existing.return_url }, now, token, hostedUrl(ctx, existing, token)))
    }
    const token = newSecret('jt')
    const row = {
      id: newId('jsess'),
      platform_id: caller.platformId,
      platform_user_id: body.platform_user_id,
      status: 'open',
      open_key: openKey,
      token_hash: hashSecret(token),
      token_enc: encryptField(ctx.keys, token, 'join_token'),
      token_expires_at: iso(now + ctx.config.tokenTtlMs),
      locale: body.locale ?? 'zh-CN',
      created_at: iso(now),
      application_id: null,
      pending_transfer_enc: null,
      matched_at: null,
      return_url: returnUrl,
      // What the platform's backend prefilled and verified, kept (encrypted) for the reviewer's evidence (issue #13).
      prefill_enc: sealPrefill(ctx.keys, body.prefill),
      tried_keys: null,
    }
    try {
      await trx.insertInto('sessions').values(row).execute()
    } catch (e) {
      // Another process created it between our read and insert: a retryable 409, after which the read finds it.
      if (!isUniqueViolation(e)) throw e
      throw new Refusal('lock_conflict')
    }
    return reply(201, sessionView(row, now, token, hostedUrl(ctx, row, token)))
  })
}

async function ownSession(ctx: RegistryContext, caller: Caller, id: string) {
  const s = await ctx.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst()
  const mine = s && ((caller.kind === 'secret_key' && s.platform_id === caller.platformId) || (caller.kind === 'join_token' && s.id === caller.sessionId))
  if (!s || !mine) throw new Refusal('not_found', { param: 'id' })
  return s
}

export async function retrieveSession(ctx: RegistryContext, caller: Caller, id: string): Promise<JoinSession> {
  return sessionView(await ownSession(ctx, caller, id), ctx.now())
}

/**
 * A fresh token for the same session. A completed session keeps its status (the driver still
 * follows the application with it); an expired one opens again unless the user has a newer one.
 */
export async function refreshSession(ctx: RegistryContext, caller: PlatformCaller, id: string): Promise<JoinSession> {
  const s = await ownSession(ctx, caller, id)
  const token = newSecret('jt')
  return ctx.writer.run(async (trx) => {
    const now = ctx.now()
    const reopen = s.status !== 'completed'
    const patch = {
      token_hash: hashSecret(token),
      token_enc: encryptField(ctx.keys, token, 'join_token'),
      token_expires_at: iso(now + ctx.config.tokenTtlMs),
      ...(reopen ? { status: 'open', open_key: `${s.platform_id}|${s.platform_user_id}` } : {}),
    }
    try {
      await trx.updateTable('sessions').set(patch).where('id', '=', id).execute()
    } catch (e) {
      if (isUniqueViolation(e)) throw new Refusal('session_completed', { message: '该司机已有新的入会会话，请使用新的会话' })
      throw e
    }
    return sessionView({ ...s, ...patch }, now, token, hostedUrl(ctx, s, token))
  })
}

/** Record (once) that the session's driver reached the match, i.e. consented and filled in the form. */
export async function markMatched(ctx: RegistryContext, sessionId: string): Promise<void> {
  const s = await ctx.db.selectFrom('sessions').select(['matched_at']).where('id', '=', sessionId).executeTakeFirst()
  if (!s || s.matched_at) return
  // Not the response's own write: keep the request's idempotency record out of it.
  await jobHook.exit(() => ctx.writer.run((trx) => trx.updateTable('sessions').set({ matched_at: iso(ctx.now()) }).where('id', '=', sessionId).where('matched_at', 'is', null).execute()))
}
