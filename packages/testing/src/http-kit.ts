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

export function nextId(state: SandboxState, prefix: string): string {
  state.seq += 1
  return `${prefix}_sandbox${String(state.seq).padStart(8, '0')}`
}

export function nowIso(state: SandboxState): string {
  return toChinaTime(state.now())
}

/** A domain error thrown inside a handler and turned into a response by the dispatcher: the one class of @ruhui/core/server. */
export { Refusal } from '@ruhui/core/server'
