/**
 * `ruhui-bridge/1`: what the hosted join page says to the app around it, and what the app answers.
 * Framework-neutral (no Taro, no React): the page, the tests and the docs (docs/hosts/) share it.
 *
 * Page → host: `ready`, `event`, `success`, `exit`; requests `need_token`, `need_face`, `need_phone`
 * (each with an `id`). Host → page: `answer` with the request's `id` and its result, or `error`.
 */
export const BRIDGE_PROTOCOL = 'ruhui-bridge/1'

/** The flow's event, as `onEvent` reports it (never personal data). */
export interface BridgeEvent {
  name: string
  at: string
  metadata?: Record<string, unknown>
}

export type PageMessage =
  | { protocol: typeof BRIDGE_PROTOCOL; type: 'ready'; session_id: string }
  | { protocol: typeof BRIDGE_PROTOCOL; type: 'event'; session_id: string; event: BridgeEvent }
  | { protocol: typeof BRIDGE_PROTOCOL; type: 'success'; session_id: string; application_id: string | null; transfer_id: string | null; status: string }
  | { protocol: typeof BRIDGE_PROTOCOL; type: 'exit'; session_id: string; reason: string }
  | { protocol: typeof BRIDGE_PROTOCOL; type: RequestType; id: string; session_id: string }

export type RequestType = 'need_token' | 'need_face' | 'need_phone'

/** What each request is answered with (`result` of the host's `answer`). */
export interface Answers {
  /** The platform's backend refreshed the session (`POST /v1/join-sessions/{id}/refresh`). */
  need_token: { token: string }
  /** The app ran its own face check. */
  need_face: { passed: boolean; verified_at?: string }
  /** The app's own verified phone number of the driver. */
  need_phone: { mobile: string; verified_at?: string }
}

export type HostMessage =
  | { protocol: typeof BRIDGE_PROTOCOL; type: 'answer'; id: string; result: Answers[RequestType] }
  | { protocol: typeof BRIDGE_PROTOCOL; type: 'error'; id: string; message?: string }

/** A host's message, as an object or its JSON text; anything else is `null` (ignored). */
export function parseHostMessage(input: unknown): HostMessage | null {
  let v = input
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v)
    } catch {
      return null
    }
  }
  if (!v || typeof v !== 'object') return null
  const m = v as Record<string, unknown>
  if (m.protocol !== BRIDGE_PROTOCOL || typeof m.id !== 'string') return null
  if (m.type === 'answer' && m.result && typeof m.result === 'object') return m as unknown as HostMessage
  if (m.type === 'error') return { protocol: BRIDGE_PROTOCOL, type: 'error', id: m.id, ...(typeof m.message === 'string' ? { message: m.message } : {}) }
  return null
}

/** Whether an answer fits its request (a host answering need_token with no token is not an answer). */
export function fitsRequest(type: RequestType, result: unknown): boolean {
  const r = result as Record<string, unknown>
  if (type === 'need_token') return typeof r.token === 'string' && /^jt_[A-Za-z0-9_]{16,128}$/.test(r.token)
  if (type === 'need_face') return typeof r.passed === 'boolean'
  return typeof r.mobile === 'string' && r.mobile.length > 0
}

/** Where the page sends the driver when no channel exists: the registered return URL with the outcome appended. */
export function returnTarget(returnUrl: string, outcome: { status: 'success' | 'exit'; sessionId: string; reason?: string; applicationId?: string | null }): string {
  const url = new URL(returnUrl)
  url.searchParams.set('ruhui_status', outcome.status)
  url.searchParams.set('session_id', outcome.sessionId)
  if (outcome.reason) url.searchParams.set('reason', outcome.reason)
  if (outcome.applicationId) url.searchParams.set('application_id', outcome.applicationId)
  return url.toString()
}
