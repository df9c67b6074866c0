/**
 * The review loop, on the driver's side: the union asked for more (要求补充材料: some fields and/or
 * photos such as the driving licence); the driver answers. A photo is checked on the phone (JPEG or
 * PNG, at most 2 MiB), then uploaded as soon as it is chosen (POST /v1/uploads), so nothing already
 * accepted is lost when the answer fails later; the answer (POST /v1/applications/{id}/respond)
 * puts the application back in review.
 */
import { isRegistryError } from '../client/errors'
import { createIdempotencyKey } from '../client/request'
import type { Application } from '../contract/applications'
import type { ApplicationResponse, InformationRequest } from '../contract/information-requests'
import type { Membership } from '../contract/membership'
import { MAX_UPLOAD_BYTES } from '../contract/uploads'
import { EMPLOYMENT_FORMS, type EmploymentForm } from '../identity/eligibility'
import { checkLicenseClass } from '../identity/license-class'
import { checkMobile } from '../identity/mobile'
import { checkPersonName } from '../identity/person-name'
import { checkPlate } from '../identity/plate'
import { checkUscc } from '../identity/uscc'
import { type Check, prefixIssues } from '../issues'
import { formatIssue } from '../messages/format'
import { defaultPlatform, type Platform } from '../platform'
import type { MemberApi } from './api'
import { imageKind, toBase64 } from './base64'
import { memberErrorOf } from './create-member-centre'
import type { ChosenPhoto, MemberCapabilities, MemberError } from './types'

export type InfoRequest = InformationRequest

/** The union's open request for information, from a membership read or an application, or null. */
export function infoRequestOf(x: Pick<Membership, 'information_request'> | Pick<Application, 'information_request'> | null | undefined): InfoRequest | null {
  const r = x?.information_request
  return r && r.answered_at === null ? r : null
}

export interface InfoAnswerState {
  request: InfoRequest
  /** What the driver typed or chose, by asked field ('base_region' holds the county code). */
  values: Record<string, string>
  /** Each asked photo: the accepted upload (its id), a preview for the driver, and whether it is on its way. */
  photos: Record<string, { uploadId: string | null; preview: string | null; uploading: boolean }>
  fieldIssues: Record<string, string>
  busy: boolean
  error: MemberError | null
  /** The answer was accepted: the application is back in review. */
  sent: boolean
  /** The host can let the driver choose a photo. */
  canChoosePhoto: boolean
}

export interface InfoAnswer {
  getState(): InfoAnswerState
  subscribe(listener: (s: InfoAnswerState) => void): () => void
  setValue(field: string, value: string): void
  /** Take or pick the photo for `document` through the host, check it and upload it. */
  choosePhoto(document: string): Promise<void>
  submit(): Promise<void>
}

export interface InfoAnswerOptions {
  api: Pick<MemberApi, 'upload' | 'respond'>
  request: InfoRequest
  capabilities?: Pick<MemberCapabilities, 'choosePhoto'>
  locale?: 'zh-CN' | 'en'
  platform?: Platform
  /** The answer was accepted (the shell reads the application or the membership again). */
  onAnswered?(application: Application): void
}

const CHECKS: Record<string, { path: string; check: (v: string) => Check<unknown> }> = {
  name: { path: 'name', check: (v) => checkPersonName(v) },
  mobile: { path: 'mobile', check: checkMobile },
  plate: { path: 'plate', check: checkPlate },
  trailer_plate: { path: 'plate', check: checkPlate },
  license_class: { path: 'licenseClass', check: (v) => checkLicenseClass(v) },
  employer_uscc: { path: 'employerUscc', check: checkUscc },
}

export function createInfoAnswer(o: InfoAnswerOptions): InfoAnswer {
  const locale = o.locale ?? 'zh-CN'
  const en = locale === 'en'
  const platform = o.platform ?? defaultPlatform
  const choose = o.capabilities?.choosePhoto
  let state: InfoAnswerState = {
    request: o.request,
    values: Object.fromEntries(o.request.fields.map((f) => [f, ''])),
    photos: Object.fromEntries(o.request.documents.map((d) => [d, { uploadId: null, preview: null, uploading: false }])),
    fieldIssues: {},
    busy: false,
    error: null,
    sent: false,
    canChoosePhoto: Boolean(choose),
  }
  const listeners = new Set<(s: InfoAnswerState) => void>()
  const set = (patch: Partial<InfoAnswerState>) => {
    state = { ...state, ...patch }
    for (const l of listeners) l(state)
  }
  const photo = (document: string, patch: Partial<InfoAnswerState['photos'][string]>) => ({ ...state.photos, [document]: { ...state.photos[document]!, ...patch } })
  const without = (key: string) => Object.fromEntries(Object.entries(state.fieldIssues).filter(([k]) => k !== key))
  const refuse = (document: string, message: string) => set({ fieldIssues: { ...state.fieldIssues, [document]: message } })

  return {
    getState: () => state,
    subscribe(l) {
      listeners.add(l)
      return () => void listeners.delete(l)
    },
    setValue(field, value) {
      if (!(field in state.values)) return
      set({ values: { ...state.values, [field]: value }, fieldIssues: without(field) })
    },
    async choosePhoto(document) {
      const p = state.photos[document]
      if (!choose || !p || p.uploading || state.sent) return
      let chosen: ChosenPhoto | null
      try {
        chosen = await choose()
      } catch {
        chosen = null // the host could not (no permission, cancelled): the driver can try again
      }
      if (!chosen) return
      // Checked here first, so a wrong file costs no upload; the registry checks the bytes again.
      if (!imageKind(chosen.bytes)) return refuse(document, en ? 'Only JPEG or PNG photos can be sent' : '只能上传 JPG 或 PNG 格式的照片')
      if (chosen.bytes.length > MAX_UPLOAD_BYTES) return refuse(document, en ? 'The photo is larger than 2 MB; take it again at a lower size' : '照片超过 2 MB，请压缩后重新选择')
      set({ photos: photo(document, { uploading: true }), fieldIssues: without(document), error: null })
      try {
        const up = await o.api.upload({ application_id: state.request.application_id, purpose: document as InfoRequest['documents'][number], data_base64: toBase64(chosen.bytes) }, createIdempotencyKey(platform))
        set({ photos: photo(document, { uploading: false, uploadId: up.id, preview: chosen.preview ?? null }) })
      } catch (e) {
        const error = memberErrorOf(e, locale)
        // An earlier accepted photo of this kind stays.
        set({ photos: photo(document, { uploading: false }), error, fieldIssues: { ...state.fieldIssues, [document]: error.message } })
      }
    },
    async submit() {
      if (state.busy || state.sent) return
      const fieldIssues: Record<string, string> = {}
      const fields: NonNullable<ApplicationResponse['fields']> = {}
      for (const f of state.request.fields) {
        const v = (state.values[f] ?? '').trim()
        if (!v) {
          fieldIssues[f] = en ? 'Required' : '请填写'
          continue
        }
        const rule = CHECKS[f]
        const check = rule?.check(v)
        if (rule && check && !check.ok) fieldIssues[f] = formatIssue(prefixIssues([rule.path], check.issues)[0]!, locale)
        else if (f === 'base_region') {
          if (/^\d{6}$/.test(v)) fields.base_region = { county: v }
          else fieldIssues[f] = en ? 'Enter the 6-digit county code' : '请填写 6 位区县代码'
        } else if (f === 'employment_form') {
          if ((EMPLOYMENT_FORMS as readonly string[]).includes(v)) fields.employment_form = v as EmploymentForm
          else fieldIssues[f] = en ? 'Choose how you work' : '请选择从业方式'
        } else (fields as Record<string, string>)[f] = check?.ok ? normalised(f, check.value, v) : v
      }
      for (const d of state.request.documents) {
        const p = state.photos[d]!
        if (!p.uploadId) fieldIssues[d] = p.uploading ? (en ? 'Still uploading' : '照片正在上传，请稍候') : state.canChoosePhoto ? (en ? 'Add this photo' : '请添加这张照片') : en ? 'This app cannot send photos; please contact the union' : '当前 App 无法上传照片，请联系工会'
      }
      if (Object.keys(fieldIssues).length) return set({ fieldIssues })
      set({ busy: true, error: null, fieldIssues: {} })
      const upload_ids = state.request.documents.map((d) => state.photos[d]!.uploadId as string)
      try {
        const application = await o.api.respond(state.request.application_id, { ...(Object.keys(fields).length ? { fields } : {}), ...(upload_ids.length ? { upload_ids } : {}) }, createIdempotencyKey(platform))
        set({ busy: false, sent: true })
        try {
          o.onAnswered?.(application)
        } catch {
          // the shell's own error stays the shell's
        }
      } catch (e) {
        const error = memberErrorOf(e, locale)
        const param = isRegistryError(e) && e.param ? e.param.replace(/^fields\./, '').replace(/^base_region\..*$/, 'base_region') : undefined
        const field = param && (param in state.values || param in state.photos) ? param : undefined
        set({ busy: false, error, fieldIssues: field ? { [field]: error.message } : {} })
      }
    },
  }
}

/** The checked form of a value where the check normalises it (a mobile typed with +86, a plate in lower case). */
function normalised(field: string, value: unknown, typed: string): string {
  const v = value as Record<string, unknown>
  if (field === 'mobile' && typeof v.number === 'string') return v.number
  if ((field === 'plate' || field === 'trailer_plate') && typeof v.plate === 'string') return v.plate
  return typed
}
