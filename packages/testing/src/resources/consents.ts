/**
 * The sandbox's side of issue #13, as the registry does it: consents and the charter must be the
 * published texts (@ruhui/core's PUBLISHED_TEXTS), the platform sees an application's status and
 * not the membership (unless the driver let it know), and the driver withdraws an optional consent.
 */
import { PUBLISHED_TEXTS, consentTextHash } from '@ruhui/core'
import type { ApplicationSubmit, ConsentState, ConsentWithdrawal, PlatformApplication } from '@ruhui/core/contract'
import { type Ctx, Refusal, nowIso } from '../http-kit'
import type { ApplicationRecord, SandboxState } from '../state'
import { findSession } from './sessions'

const published = (kind: keyof typeof PUBLISHED_TEXTS, version: string, hash: string) => PUBLISHED_TEXTS[kind].text_version === version && consentTextHash(PUBLISHED_TEXTS[kind].body) === hash
const unknownText = (param: string) => new Refusal('consent_text_unknown', { param, message: `您同意的条款文本不是当前发布的版本（${param}），请重新阅读并确认` })

export function checkAgreedTexts(body: Pick<ApplicationSubmit, 'consents' | 'charter'>): void {
  const kinds = body.consents.map((c) => c.kind)
  for (const kind of ['sensitive_personal_info', 'share_with_union'] as const) if (!kinds.includes(kind)) throw new Refusal('parameter_missing', { param: 'consents', message: `缺少必需的同意（${kind}）` })
  const repeated = kinds.findIndex((k, i) => kinds.indexOf(k) !== i)
  if (repeated >= 0) throw new Refusal('parameter_invalid', { param: `consents[${repeated}].kind` })
  body.consents.forEach((c, i) => {
    if (!published(c.kind, c.text_version, c.text_hash)) throw unknownText(`consents[${i}].text_hash`)
  })
  if (!published('charter', body.charter.text_version, body.charter.text_hash)) throw unknownText('charter.text_hash')
}

/** What the platform sees: status and a refusal's code; the union's name only with the driver's consent, while a member. */
export function platformView(state: SandboxState, r: ApplicationRecord): PlatformApplication {
  const a = r.application
  const view: PlatformApplication = { id: a.id, object: 'application', session_id: a.session_id, platform_id: a.platform_id, status: a.status, reason_code: a.status === 'rejected' ? (a.status_reason?.code ?? null) : null, submitted_at: a.submitted_at, updated_at: a.updated_at }
  const lets = r.consents.some((c) => c.kind === 'share_membership_with_platform') && !r.withdrawn.share_membership_with_platform
  const member = state.members.get(r.personKey)
  if (lets && a.status === 'approved' && member && member.status !== 'withdrawn') view.membership = { member: true, org_name: state.directory.byId.get(member.orgId)?.name ?? a.org_name ?? '' }
  return view
}

function ownRecord(ctx: Ctx): ApplicationRecord {
  const id = findSession(ctx, ctx.sessionId as string).session.application_id
  const r = id ? ctx.state.applications.get(id) : undefined
  if (!r) throw new Refusal('not_found', { message: '还没有您的入会申请，没有可撤回的同意' })
  return r
}

const stateOf = (r: ApplicationRecord): ConsentState => ({
  object: 'consent_state',
  application_id: r.application.id,
  consents: r.consents.map((c) => ({ kind: c.kind, text_version: c.text_version, granted_at: c.granted_at, withdrawn_at: r.withdrawn[c.kind] ?? null })),
  charter: { text_version: r.charter.text_version, accepted_at: r.charter.accepted_at },
})

export const retrieveConsents = (ctx: Ctx): ConsentState => stateOf(ownRecord(ctx))

export function withdrawConsent(ctx: Ctx, body: ConsentWithdrawal): ConsentState {
  const r = ownRecord(ctx)
  if (r.consents.some((c) => c.kind === body.kind) && !r.withdrawn[body.kind]) r.withdrawn[body.kind] = nowIso(ctx.state)
  return stateOf(r)
}
