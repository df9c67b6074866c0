/**
 * The flow's state: what the driver sees (FlowState), what the reducer keeps beside it, and
 * what is written to the host's storage — never the ID number when the storage is not private.
 */
import type { Application } from '../contract/applications'
import type { ConsentTexts } from './consent-texts'
import { type Outbox, forStorage } from './outbox'
import type { FieldName, FlowState, FlowStep, ResultKind } from './types'

export const FIELDS: FieldName[] = ['name', 'idNumber', 'mobile', 'employmentForm', 'county', 'township', 'employerUscc', 'plate', 'licenseClass']
const STEPS: FlowStep[] = ['intro', 'consent', 'identity', 'union', 'submitting', 'queued', 'result']

/** What stays the same for the whole flow. */
export interface FlowConfig {
  sessionId: string
  texts: ConsentTexts
  locale: 'zh-CN' | 'en'
  /** Which host capabilities exist (a missing one makes its method do nothing). */
  phone: boolean
  face: boolean
}

/** The reducer's whole state: the driver's view plus what only the flow needs. */
export interface FlowModel {
  view: FlowState
  config: FlowConfig
  /** Fields the driver has touched: only these show issues before a confirm. */
  touched: FieldName[]
  /** The submission waiting to be sent, frozen with its idempotency key. */
  outbox: Outbox | null
  /** A request whose answer decides the outcome (exit() waits for it). */
  waitingFor: 'submit' | 'transfer' | null
  /** exit() was called while waitingFor was set. */
  exitRequested: boolean
  /** Only the latest region list is shown (a tap may overtake a slow list). */
  regionRequest: number
}

export const closedPicker = (): FlowState['regionPicker'] => ({ open: false, path: [], items: [], loading: false })

export function initialModel(config: FlowConfig, prefill: Partial<Record<FieldName, string>> = {}, online = true): FlowModel {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, typeof prefill[f] === 'string' ? prefill[f] : ''])) as Record<FieldName, string>
  return {
    view: {
      sessionId: config.sessionId,
      step: 'intro',
      fields,
      fieldIssues: {},
      consent: { granted: false, version: null, grantedAt: null, shareWithPartners: false },
      volunteered: false,
      regionPicker: closedPicker(),
      countyLabel: null,
      townshipLabel: null,
      verification: { mobileVerifiedAt: null, faceVerifiedAt: null },
      match: null,
      selectedOrgId: null,
      services: [],
      result: null,
      error: null,
      busy: false,
      online,
      finished: false,
    },
    config,
    touched: [],
    outbox: null,
    waitingFor: null,
    exitRequested: false,
    regionRequest: 0,
  }
}

/** The draft in storage. */
export interface Persisted {
  v: 1
  step: FlowStep
  fields: Record<FieldName, string>
  consent: FlowState['consent']
  verification: FlowState['verification']
  countyLabel: string | null
  townshipLabel: string | null
  match: FlowState['match']
  selectedOrgId: string | null
  queued: Outbox | null
  result: FlowState['result']
}

/** What to store for this state (null once the flow has ended: nothing is kept). */
export function toPersisted(m: FlowModel, isPrivate: boolean): Persisted | null {
  const v = m.view
  if (v.finished) return null
  // Mid-request, a restart resumes with the same submission (same key) queued.
  const step = v.step === 'submitting' ? (m.outbox ? 'queued' : 'union') : v.step
  const fields = isPrivate ? v.fields : { ...v.fields, idNumber: '' }
  const { consent, verification, countyLabel, townshipLabel, match, selectedOrgId, result } = v
  return { v: 1, step, fields, consent, verification, countyLabel, townshipLabel, match, selectedOrgId, queued: m.outbox && forStorage(m.outbox, isPrivate), result }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

/** A stored draft, or null when it is not one (corrupt, or from another version): then it is discarded. */
export function parsePersisted(text: string): Persisted | null {
  let p: unknown
  try {
    p = JSON.parse(text)
  } catch {
    return null
  }
  if (!isObject(p) || p.v !== 1 || !STEPS.includes(p.step as FlowStep) || !isObject(p.fields) || !isObject(p.consent)) return null
  if (!Object.values(p.fields).every((x) => typeof x === 'string')) return null
  const q = p.queued
  if (q != null && !(isObject(q) && typeof q.idempotencyKey === 'string' && isObject(q.body) && isObject(q.body.applicant))) return null
  return p as unknown as Persisted
}

/** The state a stored draft resumes to. */
export function restore(m: FlowModel, p: Persisted): FlowModel {
  const v = m.view
  const queued = p.queued ?? null
  let step = p.step === 'submitting' ? 'union' : p.step
  if (step === 'queued' && !queued) step = 'union'
  // Without private storage the ID number was not kept: ask for it again before sending.
  if (queued && !queued.body.applicant.id_number) step = 'identity'
  return {
    ...m,
    outbox: queued,
    view: {
      ...v,
      step,
      fields: { ...v.fields, ...p.fields },
      consent: { ...v.consent, ...p.consent, shareWithPartners: p.consent.shareWithPartners === true },
      verification: p.verification ?? v.verification,
      countyLabel: p.countyLabel ?? null,
      townshipLabel: p.townshipLabel ?? null,
      match: p.match ?? null,
      selectedOrgId: p.selectedOrgId ?? null,
      result: p.result ?? null,
    },
  }
}

export const resultKindOf = (status: Application['status']): ResultKind =>
  status === 'approved' ? 'approved' : status === 'awaiting_assignment' ? 'needs_assignment' : status === 'needs_info' ? 'needs_info' : status === 'rejected' ? 'rejected' : 'pending_review'
