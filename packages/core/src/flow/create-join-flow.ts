/**
 * The headless join flow: intro → consent → identity → union → submit → result, as a
 * framework-neutral state machine. The Taro component only renders its state.
 *
 * Guarantees: exactly one terminal callback (onSuccess or onExit), never twice, never none
 * once the flow ends; an expired join token is refreshed in place; the draft is persisted
 * after every step and resumed on reopening; a submission made offline (or cut off when the
 * app went to the background) is queued with its idempotency key and sent exactly once.
 */
import { type JoinTokenClient } from '../client/create-registry-client'
import { isRegistryError } from '../client/errors'
import { createIdempotencyKey } from '../client/request'
import type { Application, ApplicationSubmit } from '../contract/applications'
import { toChinaTime } from '../contract/common'
import { offeredOrgIdsOnWire } from '../contract/submission'
import type { MemberService } from '../contract/member-services'
import type { OrganisationMatch } from '../contract/organisations'
import type { Transfer } from '../contract/transfers'
import type { Region } from '../contract/regions'
import { checkDriverIdentity } from '../identity/driver-identity'
import { type EmploymentForm } from '../identity/eligibility'
import type { Issue } from '../issues'
import { type Platform, defaultPlatform } from '../platform'
import { type ConsentTexts, DEFAULT_CONSENT_TEXTS } from './consent-texts'
import type { FlowStorage, LifecyclePort, NetworkPort } from './ports'
import { sha256Hex } from './sha256'

export type FlowStep = 'intro' | 'consent' | 'identity' | 'union' | 'submitting' | 'queued' | 'result'
export type FieldName = 'name' | 'idNumber' | 'mobile' | 'employmentForm' | 'county' | 'township' | 'employerUscc' | 'plate' | 'licenseClass'
export type ExitReason = 'user_exit' | 'consent_denied' | 'ineligible' | 'not_in_pilot' | 'already_member' | 'application_exists' | 'session_unavailable'
export type ResultKind = 'pending_review' | 'approved' | 'needs_assignment' | 'needs_info' | 'rejected' | 'transfer_required' | 'transfer_requested'

/** The stable event contract: names never change meaning; metadata is informational. */
export type FlowEventName =
  | 'OPEN'
  | 'RESUMED'
  | 'CONSENT_GRANTED'
  | 'CONSENT_DENIED'
  | 'IDENTITY_VALID'
  | 'UNION_SELECTED'
  | 'SUBMITTED'
  | 'SUBMISSION_QUEUED_OFFLINE'
  | 'SUBMISSION_SYNCED'
  | 'TOKEN_REFRESHED'
  | 'PHONE_VERIFIED'
  | 'FACE_VERIFIED'
  | 'TRANSFER_REQUESTED'
  | 'STATUS_CHANGED'
  | 'VOLUNTEERED'
  | 'EXIT'
  | 'ERROR'

export interface FlowEvent {
  name: FlowEventName
  sessionId: string
  at: string
  /** No personal data, ever. */
  metadata?: Record<string, string | number | boolean>
}

export interface FlowState {
  sessionId: string
  step: FlowStep
  fields: Record<FieldName, string>
  /** Issues per field (words: formatIssue); only for fields the driver has touched, or all after a submit attempt. */
  fieldIssues: Partial<Record<FieldName, Issue[]>>
  /** When the driver agreed (recorded with the consent, not at submit time). */
  consent: { granted: boolean; version: string | null; grantedAt: string | null; shareWithPartners: boolean }
  /** The driver offered to be an activist or volunteer (after submitting). */
  volunteered: boolean
  /** The home-region picker: where the driver is in it (province → prefecture → county → township) and what it lists. */
  regionPicker: { open: boolean; path: Region[]; items: Region[]; loading: boolean }
  /** The chosen county in words ('江苏省 南京市 江宁区'); null when the code was typed. */
  countyLabel: string | null
  /** The township's name when it was picked from the list (null when none, or typed as a code). */
  townshipLabel: string | null
  /** What the host verified in this flow: the mobile through WeChat's phone button, the face through its backend. */
  verification: { mobileVerifiedAt: string | null; faceVerifiedAt: string | null }
  match: OrganisationMatch | null
  selectedOrgId: string | null
  services: MemberService[]
  result: { kind: ResultKind; application?: Application; transfer?: Transfer } | null
  /** A problem to show on the current step (the registry's Chinese message), or null. */
  error: { code: string; message: string } | null
  busy: boolean
  online: boolean
  finished: boolean
}

/**
 * What the host app can do that the flow cannot: both run through the host's own backend,
 * which holds the WeChat credentials. Leave one out and its button is not shown.
 */
export interface HostCapabilities {
  /** Exchange the code from WeChat's getPhoneNumber button for the verified number. */
  exchangePhoneCode?(code: string): Promise<{ mobile: string; verifiedAt?: string }>
  /** Run the host's facial verification of this driver against the platform's real-name record. */
  verifyFace?(): Promise<{ passed: boolean; verifiedAt?: string }>
}

export interface JoinFlowOptions {
  client: JoinTokenClient
  sessionId: string
  storage: FlowStorage
  network: NetworkPort
  lifecycle?: LifecyclePort
  platform?: Platform
  /** The time (ms since the epoch); tests pass a fake. @default platform.now */
  clock?: () => number
  consentTexts?: ConsentTexts
  /** What the platform already verified (the driver can correct it). */
  prefill?: Partial<Record<FieldName, string>>
  locale?: 'zh-CN' | 'en'
  capabilities?: HostCapabilities
  onSuccess(result: { sessionId: string; applicationId?: string; transferId?: string; status: string }): void
  onExit(details: { sessionId: string; reason: ExitReason }): void
  onEvent?(event: FlowEvent): void
  /** Ask the host (its backend) for a fresh join token for this session. */
  onTokenExpired?(): Promise<string>
}

export interface JoinFlow {
  getState(): FlowState
  subscribe(listener: (state: FlowState) => void): () => void
  /** Open (or resume) the flow. */
  start(): Promise<void>
  next(): void
  grantConsent(): Promise<void>
  /** The optional third consent: share the driver's record with transport departments and industry associations. */
  setShareWithPartners(share: boolean): void
  denyConsent(): void
  setField(name: FieldName, value: string): void
  /**
   * The home-region picker: open it at the pilot's provinces, go down with pickRegion, up with
   * regionPickerBack. Picking a county sets it and offers its townships (optional: close the
   * picker to skip); picking a township sets it too.
   */
  openRegionPicker(): Promise<void>
  pickRegion(code: string): Promise<void>
  regionPickerBack(): Promise<void>
  closeRegionPicker(): void
  /** The code from the host's getPhoneNumber button: fills the mobile with the number the host verified. */
  applyPhoneCode(code: string): Promise<void>
  /** Ask the host for its facial verification of the driver. */
  verifyFace(): Promise<void>
  confirmIdentity(): Promise<void>
  selectUnion(orgId: string): void
  submit(): Promise<void>
  requestTransfer(reason?: 'job_change' | 'platform_change' | 'relocation' | 'org_dissolved' | 'other'): Promise<void>
  /** Ask the registry for the application's status now (the result step polls it): approval brings the e-card. */
  refreshResult(): Promise<void>
  /** After submitting: offer to help as an activist and/or volunteer. */
  volunteer(roles?: Array<'activist' | 'volunteer'>): Promise<void>
  exit(): void
  destroy(): void
}

const FIELDS: FieldName[] = ['name', 'idNumber', 'mobile', 'employmentForm', 'county', 'township', 'employerUscc', 'plate', 'licenseClass']
const emptyFields = (): Record<FieldName, string> => Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<FieldName, string>

interface Persisted {
  v: 1
  step: FlowStep
  fields: Record<FieldName, string>
  consent: FlowState['consent']
  verification?: FlowState['verification']
  countyLabel?: string | null
  townshipLabel?: string | null
  match: OrganisationMatch | null
  selectedOrgId: string | null
  queued: Queued | null
  result: FlowState['result']
}

/** A submission waiting to be sent: its body is frozen, so every retry is the same request. */
interface Queued {
  idempotencyKey: string
  body: ApplicationSubmit
}

const resultKindOf = (status: Application['status']): ResultKind =>
  status === 'approved' ? 'approved' : status === 'awaiting_assignment' ? 'needs_assignment' : status === 'needs_info' ? 'needs_info' : status === 'rejected' ? 'rejected' : 'pending_review'

export function createJoinFlow(options: JoinFlowOptions): JoinFlow {
  const { client, sessionId, storage, network } = options
  const platform: Platform = options.clock ? { ...(options.platform ?? defaultPlatform), now: options.clock } : (options.platform ?? defaultPlatform)
  const texts = options.consentTexts ?? DEFAULT_CONSENT_TEXTS
  const storageKey = `ruhui.flow.${sessionId}`
  const listeners = new Set<(s: FlowState) => void>()
  const touched = new Set<FieldName>()
  const unsubscribers: Array<() => void> = []
  let queued: Queued | null = null
  let inflight: Promise<void> | null = null
  let destroyed = false

  let state: FlowState = {
    sessionId,
    step: 'intro',
    fields: { ...emptyFields(), ...(options.prefill ?? {}) },
    fieldIssues: {},
    consent: { granted: false, version: null, grantedAt: null, shareWithPartners: false },
    volunteered: false,
    regionPicker: { open: false, path: [], items: [], loading: false },
    countyLabel: null,
    townshipLabel: null,
    verification: { mobileVerifiedAt: null, faceVerifiedAt: null },
    match: null,
    selectedOrgId: null,
    services: [],
    result: null,
    error: null,
    busy: false,
    online: network.isOnline(),
    finished: false,
  }

  const set = (patch: Partial<FlowState>) => {
    state = { ...state, ...patch }
    for (const l of listeners) l(state)
  }
  const emit = (name: FlowEventName, metadata?: FlowEvent['metadata']) => {
    try {
      options.onEvent?.({ name, sessionId, at: toChinaTime(platform.now()), ...(metadata ? { metadata } : {}) })
    } catch {
      // a host's listener must not break the flow
    }
  }
  const persist = async () => {
    if (state.finished) return
    const fields = storage.private ? state.fields : { ...state.fields, idNumber: '' }
    const keptQueue = queued && !storage.private ? { ...queued, body: { ...queued.body, applicant: { ...queued.body.applicant, id_number: '' } } } : queued
    const step = state.step === 'submitting' ? (queued ? 'queued' : 'union') : state.step
    const data: Persisted = { v: 1, step, fields, consent: state.consent, verification: state.verification, countyLabel: state.countyLabel, townshipLabel: state.townshipLabel, match: state.match, selectedOrgId: state.selectedOrgId, queued: keptQueue, result: state.result }
    await storage.setItem(storageKey, JSON.stringify(data))
  }

  // Terminal callbacks: exactly once.
  const finish = (outcome: { success: Parameters<JoinFlowOptions['onSuccess']>[0] } | { exit: ExitReason }) => {
    if (state.finished) return
    set({ finished: true, busy: false })
    void Promise.resolve(storage.removeItem(storageKey)).catch(() => undefined)
    try {
      if ('success' in outcome) options.onSuccess(outcome.success)
      else {
        emit('EXIT', { reason: outcome.exit })
        options.onExit({ sessionId, reason: outcome.exit })
      }
    } catch {
      // a host's callback must not break the flow
    }
  }

  /** Run a registry call; on an expired token, ask the host for a new one once and try again. */
  const withFreshToken = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call()
    } catch (e) {
      if (!isRegistryError(e, 'authentication_error') || !options.onTokenExpired) throw e
      const token = await options.onTokenExpired()
      client.setJoinToken(token)
      emit('TOKEN_REFRESHED')
      return call()
    }
  }

  const fail = (e: unknown) => {
    const message = isRegistryError(e) ? e.userMessage : '出了点问题，请稍后再试'
    set({ error: { code: isRegistryError(e) ? e.code : 'unexpected', message }, busy: false })
    emit('ERROR', { code: isRegistryError(e) ? e.code : 'unexpected' })
  }

  const profile = () => ({
    name: state.fields.name,
    idNumber: state.fields.idNumber,
    mobile: state.fields.mobile,
    employmentForm: state.fields.employmentForm,
    employerUscc: state.fields.employerUscc || undefined,
    plate: state.fields.plate || undefined,
    licenseClass: state.fields.licenseClass || undefined,
  })

  const validate = (all: boolean) => {
    const r = checkDriverIdentity(profile(), { asOf: new Date(platform.now()) })
    const issues: Partial<Record<FieldName, Issue[]>> = {}
    for (const i of r.ok ? [] : r.issues) {
      const f = i.path[0] as FieldName
      if (all || touched.has(f)) (issues[f] ??= []).push(i)
    }
    const county = state.fields.county
    if ((all || touched.has('county')) && !/^\d{6}$/.test(county)) issues.county = [{ code: county ? 'invalid_format' : 'required', path: ['county'] }]
    const township = state.fields.township
    if (township && !(township.length === 9 && township.startsWith(county))) issues.township = [{ code: 'invalid_format', path: ['township'] }]
    return { result: r, issues }
  }

  const buildSubmission = (): ApplicationSubmit => {
    const f = state.fields
    const grantedAt = state.consent.grantedAt ?? toChinaTime(platform.now())
    const body: ApplicationSubmit = {
      applicant: { name: f.name, id_number: f.idNumber, mobile: f.mobile, employment_form: f.employmentForm as EmploymentForm, ...(f.employerUscc ? { employer_uscc: f.employerUscc } : {}), ...(f.plate ? { plate: f.plate } : {}), ...(f.licenseClass ? { license_class: f.licenseClass } : {}) },
      base_region: { county: f.county, ...(f.township ? { township: f.township } : {}) },
      org_id: state.selectedOrgId as string,
      consents: [
        { kind: 'sensitive_personal_info', text_version: texts.sensitive.version, text_hash: sha256Hex(texts.sensitive.body), granted_at: grantedAt },
        { kind: 'share_with_union', text_version: texts.share.version, text_hash: sha256Hex(texts.share.body), granted_at: grantedAt },
        ...(state.consent.shareWithPartners && texts.partners ? [{ kind: 'share_with_partners' as const, text_version: texts.partners.version, text_hash: sha256Hex(texts.partners.body), granted_at: grantedAt }] : []),
      ],
      charter_accepted: true,
      ...(state.verification.mobileVerifiedAt ? { mobile_verified_at: state.verification.mobileVerifiedAt } : {}),
      ...(state.verification.faceVerifiedAt ? { identity_verification: { method: 'face_match' as const, verified_at: state.verification.faceVerifiedAt } } : {}),
    }
    return body
  }

  const send = async (): Promise<void> => {
    if (state.finished || !queued) return
    const wasQueued = state.step === 'queued'
    set({ step: 'submitting', busy: true, error: null })
    try {
      const { body, idempotencyKey } = queued
      const app = await withFreshToken(() => client.applications.submit(body, { idempotencyKey }))
      queued = null
      set({ step: 'result', busy: false, result: { kind: resultKindOf(app.status), application: app } })
      emit(wasQueued ? 'SUBMISSION_SYNCED' : 'SUBMITTED', { status: app.status })
      finish({ success: { sessionId, applicationId: app.id, status: app.status } })
    } catch (e) {
      if (isRegistryError(e, 'connection_error') || !network.isOnline()) {
        set({ step: 'queued', busy: false })
        await persist()
        emit('SUBMISSION_QUEUED_OFFLINE')
        return
      }
      // The registry's own trouble: the submission may even have been stored. Keep it, with its key,
      // so that trying again is the same request (a replay), never a second one.
      if (isRegistryError(e, 'api_error') || isRegistryError(e, 'rate_limit_error') || isRegistryError(e, 'invalid_response_error')) {
        set({ step: 'union' })
        await persist()
        return fail(e)
      }
      queued = null
      const code = isRegistryError(e) ? e.code : ''
      if (code === 'transfer_required') {
        set({ step: 'result', busy: false, result: { kind: 'transfer_required' } })
        await persist()
        return
      }
      if (code === 'already_member' || code === 'ineligible' || code === 'not_in_pilot' || code === 'application_exists' || code === 'session_completed') {
        set({ busy: false, error: { code, message: isRegistryError(e) ? e.userMessage : '' } })
        return finish({ exit: code === 'session_completed' ? 'session_unavailable' : (code as ExitReason) })
      }
      if (code === 'parameter_invalid' && isRegistryError(e) && e.param?.startsWith('applicant.')) {
        set({ step: 'identity' })
      } else if (code === 'org_not_offered') set({ step: 'union' })
      else if (isRegistryError(e, 'authentication_error')) return finish({ exit: 'session_unavailable' })
      else set({ step: 'union' })
      await persist()
      fail(e)
    }
  }

  /** List what lies under the last region of `path` (the pilot's provinces for an empty path; a county's townships). */
  let regionRequest = 0
  const loadRegions = async (path: Region[], options: { optional?: boolean } = {}) => {
    const last = path[path.length - 1]
    const parent = last ? last.code.slice(0, last.level === 'province' ? 2 : last.level === 'prefecture' ? 4 : 6) : undefined
    const mine = ++regionRequest // only the latest answer is shown (a tap may overtake a slow list)
    set({ regionPicker: { open: true, path, items: state.regionPicker.items, loading: true }, error: null })
    try {
      const list = await withFreshToken(() => client.regions.list(parent ? { parent } : {}))
      if (mine === regionRequest) set({ regionPicker: { open: true, path, items: list.data, loading: false } })
    } catch (e) {
      if (mine !== regionRequest) return
      set({ regionPicker: { open: false, path: [], items: [], loading: false } })
      if (!options.optional) fail(e) // the townships are optional: without them the county stands
    }
  }

  const drain = () => {
    if (state.step === 'queued' && !inflight) inflight = send().finally(() => (inflight = null))
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    async start() {
      unsubscribers.push(
        network.onChange((online) => {
          set({ online })
          if (online) drain()
        }),
      )
      if (options.lifecycle) unsubscribers.push(options.lifecycle.onForeground(drain))
      const saved = await storage.getItem(storageKey)
      if (saved) {
        try {
          const p = JSON.parse(saved) as Persisted
          queued = p.queued
          set({ step: p.step, fields: { ...emptyFields(), ...p.fields }, consent: { ...p.consent, shareWithPartners: p.consent.shareWithPartners === true }, verification: p.verification ?? state.verification, countyLabel: p.countyLabel ?? null, townshipLabel: p.townshipLabel ?? null, match: p.match, selectedOrgId: p.selectedOrgId, result: p.result })
          // Without private storage the ID number was not kept: ask for it again before sending.
          if (queued && !queued.body.applicant.id_number) set({ step: 'identity' })
          emit('RESUMED', { step: state.step })
        } catch {
          await storage.removeItem(storageKey)
        }
      }
      emit('OPEN', { resumed: Boolean(saved) })
      client.memberServices
        .list({ ...(state.fields.county ? { region: state.fields.county } : {}), membership: 'non_member' })
        .then((list) => set({ services: list.data }))
        .catch(() => undefined)
      if (state.step === 'queued' && network.isOnline()) drain()
    },

    next() {
      if (state.finished || state.step !== 'intro') return
      set({ step: 'consent' })
      void persist()
    },

    async grantConsent() {
      if (state.finished || state.step !== 'consent') return
      set({ consent: { ...state.consent, granted: true, version: texts.sensitive.version, grantedAt: toChinaTime(platform.now()) }, step: 'identity' })
      emit('CONSENT_GRANTED', { version: texts.sensitive.version })
      await persist()
    },

    setShareWithPartners(share) {
      if (state.finished || state.step !== 'consent' || !texts.partners) return
      set({ consent: { ...state.consent, shareWithPartners: share } })
    },

    denyConsent() {
      if (state.finished) return
      emit('CONSENT_DENIED')
      finish({ exit: 'consent_denied' })
    },

    setField(name, value) {
      if (state.finished) return
      touched.add(name)
      // A number typed over the verified one is no longer verified; a typed county has no words.
      const verification = name === 'mobile' && value !== state.fields.mobile ? { ...state.verification, mobileVerifiedAt: null } : state.verification
      // A code typed over a picked one leaves its name behind.
      const countyLabel = name === 'county' && value !== state.fields.county ? null : state.countyLabel
      const townshipLabel = (name === 'county' || name === 'township') && value !== state.fields[name] ? null : state.townshipLabel
      state = { ...state, fields: { ...state.fields, [name]: value }, verification, countyLabel, townshipLabel }
      set({ fieldIssues: validate(false).issues, error: null })
    },

    async openRegionPicker() {
      if (state.finished || state.step !== 'identity') return
      await loadRegions([])
    },

    async pickRegion(code) {
      const picker = state.regionPicker
      const chosen = picker.items.find((r) => r.code === code)
      // While a list loads, the old one is still shown: a tap on it (a double tap) is ignored.
      if (state.finished || !picker.open || picker.loading || !chosen) return
      const path = [...picker.path, chosen]
      if (chosen.level === 'township') {
        touched.add('township')
        state = { ...state, fields: { ...state.fields, township: chosen.code } }
        set({ townshipLabel: chosen.name, regionPicker: { open: false, path: [], items: [], loading: false }, fieldIssues: validate(false).issues })
        void persist()
        return
      }
      if (chosen.level === 'county') {
        // The county is chosen; its townships (optional) are offered next where the registry has them.
        touched.add('county')
        state = { ...state, fields: { ...state.fields, county: chosen.code, township: '' } }
        set({ countyLabel: path.map((r) => r.name).join(' '), townshipLabel: null, fieldIssues: validate(false).issues })
        void persist()
        await loadRegions(path, { optional: true })
        const after = state.regionPicker
        if (after.open && !after.loading && after.items.length === 0) set({ regionPicker: { open: false, path: [], items: [], loading: false } })
        return
      }
      await loadRegions(path)
    },

    async regionPickerBack() {
      if (!state.regionPicker.open) return
      if (state.regionPicker.path.length === 0) return set({ regionPicker: { open: false, path: [], items: [], loading: false } })
      await loadRegions(state.regionPicker.path.slice(0, -1))
    },

    closeRegionPicker() {
      set({ regionPicker: { open: false, path: [], items: [], loading: false } })
    },

    async applyPhoneCode(code) {
      const exchange = options.capabilities?.exchangePhoneCode
      if (state.finished || state.step !== 'identity' || !exchange || !code) return
      set({ busy: true, error: null })
      try {
        const { mobile, verifiedAt } = await exchange(code)
        touched.add('mobile')
        state = { ...state, fields: { ...state.fields, mobile } }
        set({ busy: false, verification: { ...state.verification, mobileVerifiedAt: verifiedAt ?? toChinaTime(platform.now()) }, fieldIssues: validate(false).issues })
        emit('PHONE_VERIFIED')
        await persist()
      } catch {
        set({ busy: false, error: { code: 'phone_code_failed', message: options.locale === 'en' ? 'Could not get the phone number; please type it in' : '未能获取手机号，请手动填写' } })
        emit('ERROR', { code: 'phone_code_failed' })
      }
    },

    async verifyFace() {
      const verify = options.capabilities?.verifyFace
      if (state.finished || state.step !== 'identity' || !verify) return
      set({ busy: true, error: null })
      try {
        const r = await verify()
        if (!r.passed) throw new Error('not passed')
        set({ busy: false, verification: { ...state.verification, faceVerifiedAt: r.verifiedAt ?? toChinaTime(platform.now()) } })
        emit('FACE_VERIFIED')
        await persist()
      } catch {
        set({ busy: false, error: { code: 'face_verification_failed', message: options.locale === 'en' ? 'Facial verification did not pass; you can still submit and the union will check' : '人脸核验未通过，仍可提交，由工会人工核实' } })
        emit('ERROR', { code: 'face_verification_failed' })
      }
    },

    async confirmIdentity() {
      if (state.finished || state.step !== 'identity' || state.busy) return
      const { result, issues } = validate(true)
      if (!result.ok || Object.keys(issues).length > 0) {
        if (!result.ok && result.issues.some((i) => i.code === 'age_below_working_age')) {
          set({ fieldIssues: issues })
          return finish({ exit: 'ineligible' }) // under 16: nothing is stored
        }
        set({ fieldIssues: issues })
        return
      }
      emit('IDENTITY_VALID')
      if (queued) {
        // Resuming a queued submission whose ID number had to be typed again.
        queued = { ...queued, body: { ...queued.body, applicant: { ...queued.body.applicant, id_number: state.fields.idNumber } } }
        set({ step: 'queued', fieldIssues: {} })
        return drain()
      }
      set({ busy: true, fieldIssues: {} })
      try {
        const f = state.fields
        const match = await withFreshToken(() =>
          client.organisations.match({
            employment_form: f.employmentForm as EmploymentForm,
            base_region: { county: f.county, ...(f.township ? { township: f.township } : {}) },
            ...(f.employerUscc ? { employer_uscc: f.employerUscc } : {}),
            age: result.value.idCard.age,
            document_kind: result.value.idCard.kind,
          }),
        )
        if (match.status === 'not_in_pilot') return finish({ exit: 'not_in_pilot' })
        if (match.status === 'ineligible') return finish({ exit: 'ineligible' })
        const first = offeredOrgIdsOnWire(match)[0] ?? null
        set({ busy: false, match, selectedOrgId: first, step: 'union' })
        await persist()
      } catch (e) {
        fail(e)
      }
    },

    selectUnion(orgId) {
      if (state.finished || state.step !== 'union') return
      if (!state.match || !offeredOrgIdsOnWire(state.match).includes(orgId)) return
      set({ selectedOrgId: orgId })
      emit('UNION_SELECTED', { org_id: orgId })
      void persist()
    },

    async submit() {
      if (inflight) return inflight // a double tap joins the request in flight
      if (state.finished || state.step !== 'union' || !state.selectedOrgId) return
      // The same submission keeps its key (a retry after an error is a replay); a changed one gets a new key.
      const body = buildSubmission()
      if (!queued || JSON.stringify(queued.body) !== JSON.stringify(body)) queued = { idempotencyKey: createIdempotencyKey(platform), body }
      await persist() // before sending: a crash or kill mid-request resumes with the same key
      if (!network.isOnline()) {
        set({ step: 'queued' })
        await persist()
        emit('SUBMISSION_QUEUED_OFFLINE')
        return
      }
      inflight = send().finally(() => (inflight = null))
      return inflight
    },

    async requestTransfer(reason = 'other') {
      if (state.finished || state.result?.kind !== 'transfer_required' || state.busy) return
      const to = state.selectedOrgId
      if (!to) return
      set({ busy: true })
      try {
        const transfer = await withFreshToken(() => client.transfers.request({ to_org_id: to, reason }, { idempotencyKey: `${sessionId}:transfer:${to}` }))
        set({ busy: false, result: { kind: 'transfer_requested', transfer } })
        emit('TRANSFER_REQUESTED')
        finish({ success: { sessionId, transferId: transfer.id, status: 'transfer_requested' } })
      } catch (e) {
        fail(e)
      }
    },

    async refreshResult() {
      const app = state.result?.application
      if (!app || destroyed) return
      try {
        const fresh = await withFreshToken(() => client.applications.retrieve(app.id))
        if (fresh.status === app.status && fresh.updated_at === app.updated_at) return
        set({ result: { kind: resultKindOf(fresh.status), application: fresh } })
        emit('STATUS_CHANGED', { status: fresh.status })
        if (fresh.status === 'approved') {
          // Members now see what they have.
          const list = await client.memberServices.list({ ...(state.fields.county ? { region: state.fields.county } : {}), membership: 'member' }).catch(() => null)
          if (list) set({ services: list.data })
        }
      } catch {
        // the next poll tries again; the result shown stays true to what was last known
      }
    },

    async volunteer(roles = ['activist', 'volunteer']) {
      const app = state.result?.application
      if (!app || state.volunteered || state.busy || destroyed) return
      set({ busy: true, error: null })
      try {
        await withFreshToken(() => client.applications.volunteer(app.id, { roles }, { idempotencyKey: `${sessionId}:volunteer` }))
        set({ busy: false, volunteered: true })
        emit('VOLUNTEERED')
      } catch (e) {
        fail(e)
      }
    },

    exit() {
      if (state.finished) return
      finish({ exit: state.result?.kind === 'transfer_required' ? 'already_member' : 'user_exit' })
    },

    destroy() {
      if (destroyed) return
      destroyed = true
      for (const u of unsubscribers) u()
      listeners.clear()
    },
  }
}
