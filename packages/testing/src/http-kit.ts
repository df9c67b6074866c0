/** What a sandbox handler works with, and small helpers for ids and times. */
import { toChinaTime } from '@ruhui/core/contract'
import type { SandboxState } from './state'

export interface Ctx {
  state: SandboxState
  requestId: string
  /** Set by the auth step. */
  platformId?: string
  sessionId?: string
  credential: 'secret_key' | 'join_token' | 'none'
  locale: 'zh-CN' | 'en'
}

/** The caller's platform as the sandbox registered it (its credit code feeds matching's tier 2). */
export function callerPlatform(ctx: Ctx): { id: string; uscc?: string | undefined } {
  const p = ctx.state.platforms.find((x) => x.id === ctx.platformId)
  return { id: ctx.platformId as string, uscc: p?.uscc }
}

export function nextId(state: SandboxState, prefix: string): string {
  state.seq += 1
  return `${prefix}_sandbox${String(state.seq).padStart(8, '0')}`
}

export function nowIso(state: SandboxState): string {
  return toChinaTime(state.now())
}

/** A domain error thrown inside a handler and turned into a response by the dispatcher: the one class of @ruhui/core/server. */
export { Refusal } from '@ruhui/core/server'
