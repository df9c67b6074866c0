import type { JoinSession, JoinSessionCreate } from '@ruhui/core/contract'
import { toChinaTime } from '@ruhui/core/contract'
import { type Reply, reply } from '@ruhui/core/server'
import { type Ctx, Refusal, nextId, nowIso } from '../http-kit'
import type { SessionRecord } from '../state'
import { sessionMode } from './membership'

function mintToken(ctx: Ctx): string {
  return `jt_${nextId(ctx.state, 'x').slice(2)}${Math.random().toString(36).slice(2, 14)}`
}

function view(ctx: Ctx, r: SessionRecord, withToken: boolean): JoinSession {
  const status = r.session.status === 'open' && ctx.state.now() > r.tokenExpiresAt ? 'expired' : r.session.status
  // The registry's hosted page for the session, as the registry answers it (token in the fragment).
  const hosted_url = `${ctx.state.baseUrl}/join?p=${encodeURIComponent(r.session.platform_id)}#session=${r.session.id}&token=${r.token}`
  return { ...r.session, status, expires_at: toChinaTime(r.tokenExpiresAt), ...(withToken ? { join_token: r.token, hosted_url } : {}) }
}

/** A registered return URL, exactly, or 400 `return_url_not_allowed` (as the registry). */
function allowedReturnUrl(ctx: Ctx, returnUrl: string | undefined): string | undefined {
  if (returnUrl === undefined) return undefined
  const platform = ctx.state.platforms.find((p) => p.id === ctx.platformId)
  if (!platform?.returnUrls?.includes(returnUrl)) throw new Refusal('return_url_not_allowed', { param: 'return_url' })
  return returnUrl
}

export function createSession(ctx: Ctx, body: JoinSessionCreate): Reply<JoinSession> {
  const { state } = ctx
  const platformId = ctx.platformId as string
  if (body.platform_user_id.startsWith('user_error_')) throw new Refusal('internal_error')
  const returnUrl = allowedReturnUrl(ctx, body.return_url)
  // Idempotent per platform user: an open, unexpired session is handed back, with its token.
  for (const r of state.sessions.values()) {
    if (r.session.platform_id === platformId && r.session.platform_user_id === body.platform_user_id && r.session.status === 'open' && state.now() <= r.tokenExpiresAt) {
      if (returnUrl !== undefined) r.session.return_url = returnUrl // a return URL given now replaces the one it had
      return reply(200, view(ctx, r, true))
    }
  }
  const record: SessionRecord = {
    session: {
      id: nextId(state, 'jsess'),
      object: 'join_session',
      platform_id: platformId,
      platform_user_id: body.platform_user_id,
      status: 'open',
      expires_at: '',
      created_at: nowIso(state),
      application_id: null,
      locale: body.locale ?? 'zh-CN',
      ...(returnUrl !== undefined ? { return_url: returnUrl } : {}),
    },
    token: mintToken(ctx),
    tokenExpiresAt: state.now() + state.tokenTtlMs,
    ...(body.prefill ? { prefill: body.prefill } : {}),
  }
  state.sessions.set(record.session.id, record)
  state.tokens.set(record.token, record.session.id)
  return reply(201, view(ctx, record, true))
}

export function findSession(ctx: Ctx, id: string): SessionRecord {
  const r = ctx.state.sessions.get(id)
  const mine = r && (ctx.credential === 'secret_key' ? r.session.platform_id === ctx.platformId : r.session.id === ctx.sessionId)
  if (!r || !mine) throw new Refusal('not_found', { param: 'id' })
  return r
}

export function retrieveSession(ctx: Ctx, id: string): JoinSession {
  const r = findSession(ctx, id)
  const v = view(ctx, r, false)
  // Read with its own token, the session says whether the flow opens the member centre (issue #16); the platform's read does not.
  // With its own token it also carries the platform's prefill of this driver (as the registry).
  return ctx.credential === 'join_token' ? { ...v, mode: sessionMode(ctx.state, r.session.platform_id, r.session.platform_user_id), ...(r.prefill ? { prefill: r.prefill } : {}) } : v
}

export function refreshSession(ctx: Ctx, id: string): JoinSession {
  const r = findSession(ctx, id)
  if (r.session.status !== 'open') throw new Refusal('session_completed')
  ctx.state.tokens.delete(r.token)
  r.token = mintToken(ctx)
  r.tokenExpiresAt = ctx.state.now() + ctx.state.tokenTtlMs
  ctx.state.tokens.set(r.token, r.session.id)
  return view(ctx, r, true)
}
