/** The small moves every part of the reducer makes: patch the view, report a failure, send the outbox, end the flow. */
import type { Effect, Failure } from './actions'
import type { FlowModel } from './state'
import type { ExitReason, FlowEvent, FlowEventName, FlowState, JoinFlowOptions } from './types'

/** A reducer's answer: the next state and what to do. */
export interface Next {
  state: FlowModel
  effects: Effect[]
}

export const none = (state: FlowModel, effects: Effect[] = []): Next => ({ state, effects })
export const patch = (m: FlowModel, p: Partial<FlowState>): FlowModel => ({ ...m, view: { ...m.view, ...p } })
export const emit = (name: FlowEventName, metadata?: FlowEvent['metadata']): Effect => (metadata ? { type: 'emit', name, metadata } : { type: 'emit', name })
export const andThen = (first: Effect[], next: Next): Next => ({ state: next.state, effects: [...first, ...next.effects] })

/** Show a problem on the current step. */
export const fail = (m: FlowModel, f: Failure): Next => none(patch(m, { error: { code: f.code, message: f.message }, busy: false }), [emit('ERROR', { code: f.code })])

/** Send the outbox now (`synced`: it had been queued). */
export const sendNow = (m: FlowModel, synced: boolean): Next =>
  m.outbox ? none({ ...patch(m, { step: 'submitting', busy: true, error: null }), waitingFor: 'submit' }, [{ type: 'call', call: 'submit', input: m.outbox, done: synced ? 'synced' : 'submitted', failed: 'submitFailed' }]) : none(m)

/**
 * The end: exactly one of onSuccess / onExit, once. The draft is discarded, unless a submission is
 * still queued (`keepDraft`): it is sent when the flow next opens for this session.
 */
export function finish(m: FlowModel, end: { success: Parameters<JoinFlowOptions['onSuccess']>[0] } | { exit: ExitReason }, keepDraft = false): Next {
  if (m.view.finished) return none(m)
  const state: FlowModel = { ...patch(m, { finished: true, busy: false }), waitingFor: null }
  const effects: Effect[] = keepDraft ? [] : [{ type: 'discardDraft' }]
  if ('success' in end) effects.push({ type: 'succeed', result: end.success })
  else effects.push(emit('EXIT', { reason: end.exit }), { type: 'exited', reason: end.exit })
  return none(state, effects)
}
