// Helpers for the join flow's reducer tests (packages/core/src/flow/*.test.ts): a model at any
// step, built by dispatching actions — no network, no msw, no clock.
import type { ActionBody, Call, Effect } from '../src/flow/actions'
import { reduce } from '../src/flow/reduce'
import { type FlowConfig, type FlowModel, initialModel } from '../src/flow/state'
import type { FlowEventName } from '../src/flow/types'
import type { Application } from '../src/contract/applications'
import type { OrganisationMatch } from '../src/contract/organisations'
import { makeIdNumber } from './synthetic-ids'

export const T0 = Date.parse('2026-11-28T02:00:00Z') // 10:00 in China
export const SESSION = 'jsess_reducer'
export const ID_NUMBER = makeIdNumber('320102', '19850315', '123')
export const UNDERAGE_ID = makeIdNumber('320102', '20150101', '124')
export const DRIVER = { name: '张测试', idNumber: ID_NUMBER, mobile: '13800000001', employmentForm: 'platform_self_employed', county: '320115' } as const

export const config = (extra: Partial<FlowConfig> = {}): FlowConfig => ({ sessionId: SESSION, operator: '测试运营方', locale: 'zh-CN', phone: true, hostPhone: true, face: true, ...extra })

/** Dispatch actions in turn (stamped at T0 unless they say otherwise); every effect is collected. */
export function run(m: FlowModel, ...actions: Array<ActionBody & { at?: number }>): { state: FlowModel; effects: Effect[] } {
  const effects: Effect[] = []
  for (const a of actions) {
    const next = reduce(m, { at: T0, ...a })
    m = next.state
    effects.push(...next.effects)
  }
  return { state: m, effects }
}

export const events = (effects: Effect[]): FlowEventName[] => effects.flatMap((e) => (e.type === 'emit' ? [e.name] : []))
export const ofType = <T extends Effect['type']>(effects: Effect[], type: T) => effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type)
/** The calls among the effects, by name. */
export const calls = <N extends Call['call']>(effects: Effect[], name: N) => effects.filter((e): e is Extract<Effect, { type: 'call' }> & Extract<Call, { call: N }> => e.type === 'call' && e.call === name)

export const match: OrganisationMatch = {
  object: 'organisation_match',
  status: 'matched',
  config_version: 'test.1',
  tier: 'industry',
  candidates: [
    { org_id: 'org_freight', name: '南京市道路货运行业工会联合会（示例）', tier: 'industry', rank: 1, reasons: [] },
    { org_id: 'org_park', name: '江宁物流园区工会（示例）', tier: 'industry', rank: 2, reasons: [] },
  ],
  assigner: null,
  reasons: [],
} as unknown as OrganisationMatch

export const application = (status: Application['status'] = 'under_review', updated = '2026-11-28T10:05:00+08:00'): Application => ({
  id: 'app_1',
  object: 'application',
  session_id: SESSION,
  platform_id: 'plat_test',
  status,
  org_id: 'org_freight',
  org_name: '南京市道路货运行业工会联合会（示例）',
  tier: 'industry',
  status_reason: null,
  member_card: null,
  submitted_at: '2026-11-28T10:05:00+08:00',
  updated_at: updated,
}) as unknown as Application

/** A fresh flow, opened with nothing saved. */
export const opened = (c: Partial<FlowConfig> = {}, online = true): FlowModel => run(initialModel(config(c), {}, online), { type: 'open', saved: null }).state

/** At the identity step with every field typed (not yet confirmed). */
export function typed(m = opened(), who: Record<string, string> = DRIVER): FlowModel {
  const steps: ActionBody[] = [{ type: 'next' }, { type: 'grantConsent' }]
  for (const [name, value] of Object.entries(who)) steps.push({ type: 'setField', name: name as never, value })
  return run(m, ...steps).state
}

/** At the union step: confirmed and matched. */
export const atUnion = (m = typed()): FlowModel => run(m, { type: 'confirmIdentity' }, { type: 'matched', result: match }).state

/** At the charter step: the union confirmed and the provision to it agreed (Art. 23). */
export const atCharter = (m = atUnion()): FlowModel => run(m, { type: 'confirmUnion' }, { type: 'grantShare' }).state

/** Submitting (the charter accepted with the same tap), with the outbox key 'key-1'. */
export const submitting = (m = atCharter()): FlowModel => run(m, { type: 'submit', key: 'key-1', at: T0 + 60_000 }).state

/** Offline at the charter step, submitted: queued with 'key-1'. */
export const queuedOffline = (m = atCharter()): FlowModel => run(m, { type: 'networkChanged', online: false }, { type: 'submit', key: 'key-1' }).state
