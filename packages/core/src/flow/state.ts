/**
 * The flow's state: what the driver sees (FlowState), what the reducer keeps beside it, and
 * what is written to the host's storage — never the ID number when the storage is not private.
 */
import type { Application } from '../contract/applications'
import { bundledTexts } from './texts'
import { type Outbox, forStorage } from './outbox'
import type { FieldName, FlowPrefill, FlowState, FlowStep, ResultKind } from './types'

export const FIELDS: FieldName[] = ['name', 'idNumber', 'mobile', 'employmentForm', 'county', 'township', 'homeParkId', 'employerUscc', 'plate', 'licenseClass']
const STEPS: FlowStep[] = ['intro', 'consent', 'identity', 'union', 'share', 'charter', 'submitting', 'queued', 'result']

/** What stays the same for the whole flow. */
export interface FlowConfig {
  sessionId: string
  /** Who runs the registry, named in the consents. */
  operator: string
  locale: 'zh-CN' | 'en'
  /** Which host capabilities exist (a missing one makes its method do nothing). */
  phone: boolean
  hostPhone: boolean
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

export const closedPicker = (): FlowState['regionPicker'] => ({ open: false, path: [], items: [], loading: false, query: '', results: null })

/** The prefilled fields shown read-only: the ones the platform gave (the township goes with the county). */
const PREFILLABLE: FieldName[] = ['name', 'idNumber', 'mobile', 'employmentForm', 'county', 'plate']

export function initialModel(config: FlowConfig, prefill: FlowPrefill = {}, online = true): FlowModel {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, typeof prefill[f] === 'string' ? prefill[f].trim() : ''])) as Record<FieldName, string>
  return {
    view: {
      sessionId: config.sessionId,
      step: 'intro',
      fields,
      fieldIssues: {},
      consent: { sensitive: null, union: null, charter: null, shareWithPartners: false, shareMembershipWithPlatform: false },
      operator: config.operator,
      texts: bundledTexts(),
      prefilled: PREFILLABLE.filter((f) => fields[f] !== ''),
      prefillVerified: prefill.verified === true,
      volunteered: false,
      regionPicker: closedPicker(),
      regionProvinces: [],
      countyLabel: null,
      townshipLabel: null,
      parks: [],
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

/** What of the driver's view the draft keeps (the step, the typed fields, the consent, the choices, the result). */
const KEPT = ['step', 'fields', 'consent', 'texts', 'prefilled', 'verification', 'countyLabel', 'townshipLabel', 'parks', 'match', 'selectedOrgId', 'result'] as const

/** The draft in storage (v2: the consents as separate grants, issue #13; a v1 draft is discarded). */
export type Persisted = Pick<FlowState, (typeof KEPT)[number]> & { v: 2; queued: Outbox | null }

/** What to store for this state (null once the flow has ended: nothing is kept). */
export function toPersisted(m: FlowModel, isPrivate: boolean): Persisted | null {
  const v = m.view
  if (v.finished) return null
  const p = { v: 2, queued: m.outbox && forStorage(m.outbox, isPrivate) } as Persisted
  for (const k of KEPT) (p as Record<string, unknown>)[k] = v[k]
  // Mid-request, a restart resumes with the same submission (same key) queued.
  if (v.step === 'submitting') p.step = m.outbox ? 'queued' : 'charter'
  if (!isPrivate) p.fields = { ...v.fields, idNumber: '' }
  return p
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null

/** A stored draft, or null when it is not one (corrupt, or from another version): then it is discarded. */
export function parsePersisted(text: string): Persisted | null {
  try {
    const p = JSON.parse(text) as Persisted
    const q = p.queued
    const ok = p.v === 2 && STEPS.includes(p.step) && isObject(p.consent) && isObject(p.texts) && Array.isArray(p.prefilled) && Object.values(p.fields).every((x) => typeof x === 'string') && (!q || isObject(q.body.applicant))
    return ok ? p : null
  } catch {
    return null // not JSON, or not the shape (a property of null)
  }
}

/** The state a stored draft resumes to. */
export function restore(m: FlowModel, p: Persisted): FlowModel {
  const v = { ...m.view }
  const outbox = p.queued ?? null
  for (const k of KEPT) if (p[k] != null) (v as Record<string, unknown>)[k] = p[k]
  v.fields = { ...m.view.fields, ...p.fields }
  v.consent = { ...m.view.consent, ...p.consent, shareWithPartners: p.consent.shareWithPartners === true, shareMembershipWithPlatform: p.consent.shareMembershipWithPlatform === true }
  if (v.step === 'submitting' || (v.step === 'queued' && !outbox)) v.step = 'charter'
  // Without private storage the ID number was not kept: ask for it again before sending.
  if (outbox && !outbox.body.applicant.id_number) v.step = 'identity'
  return { ...m, outbox, view: v }
}

export const resultKindOf = (status: Application['status']): ResultKind =>
  status === 'approved' ? 'approved' : status === 'awaiting_assignment' ? 'needs_assignment' : status === 'needs_info' ? 'needs_info' : status === 'rejected' ? 'rejected' : 'pending_review'
