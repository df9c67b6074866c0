/**
 * Identity evidence labelled by its source (issue #13): what the platform's backend sent with its
 * secret key at session creation (`prefill`, `prefill.verified`) is kept with the session,
 * encrypted like all personal data (the reviewer is shown which fields differ and the platform's
 * values masked; a plain hash of a name or a mobile would be brute-forceable). A check only the
 * device claims (`identity_verification`, `mobile_verified_at` in the submission) is labelled as
 * such. Mismatches between the platform's prefill and the submission are flagged to the reviewer.
 */
import { type DriverIdentity, normalizeIdentifier, normalizePersonName } from '@ruhui/core'
import type { ApplicationSubmit, JoinSessionCreate } from '@ruhui/core/contract'
import { decryptField, encryptField } from '../crypto/field-cipher'
import type { KeyRing } from '../crypto/keys'
import type { RegistryContext } from './context'

export type Prefill = NonNullable<JoinSessionCreate['prefill']>

/** 'platform_backend': sent by the platform's backend with its secret key; 'device': claimed by the app on the driver's phone. */
export type EvidenceSource = 'platform_backend' | 'device'

export interface EvidenceItem {
  /** What was checked: the person's real name and ID ('identity') or the mobile number ('mobile'). */
  subject: 'identity' | 'mobile'
  source: EvidenceSource
  method: string
  at: string
  /** For the platform's check: false when the submitted name or ID number is not the one the platform verified. */
  applies: boolean
}

/** Fields of the prefill the driver changed before submitting. */
export type PrefillField = 'name' | 'id_number' | 'mobile' | 'employment_form' | 'base_region' | 'plate'

export const sealPrefill = (keys: KeyRing, prefill: Prefill | undefined): string | null => (prefill ? encryptField(keys, JSON.stringify(prefill), 'session_prefill') : null)

export async function sessionPrefill(ctx: RegistryContext, sessionId: string): Promise<Prefill | undefined> {
  const s = await ctx.db.selectFrom('sessions').select(['prefill_enc']).where('id', '=', sessionId).executeTakeFirst()
  return s?.prefill_enc ? (JSON.parse(decryptField(ctx.keys, s.prefill_enc, 'session_prefill')) as Prefill) : undefined
}

/** Which prefilled fields the submission differs in (each compared normalised). */
export function prefillMismatches(prefill: Prefill | undefined, body: ApplicationSubmit, identity: DriverIdentity): PrefillField[] {
  if (!prefill) return []
  const out: PrefillField[] = []
  if (prefill.name !== undefined && normalizePersonName(prefill.name) !== identity.name.name) out.push('name')
  if (prefill.id_number !== undefined && normalizeIdentifier(prefill.id_number).toUpperCase() !== identity.idCard.number) out.push('id_number')
  if (prefill.mobile !== undefined && normalizeIdentifier(prefill.mobile).replace(/^\+?86(?=1\d{10}$)/, '') !== identity.mobile.number) out.push('mobile')
  if (prefill.employment_form !== undefined && prefill.employment_form !== body.applicant.employment_form) out.push('employment_form')
  if (prefill.base_region !== undefined && prefill.base_region.county !== body.base_region.county) out.push('base_region')
  if (prefill.plate !== undefined && body.applicant.plate !== undefined && normalizeIdentifier(prefill.plate).toUpperCase() !== normalizeIdentifier(body.applicant.plate).toUpperCase()) out.push('plate')
  return out
}

export function identityEvidence(prefill: Prefill | undefined, body: ApplicationSubmit, mismatches: PrefillField[]): EvidenceItem[] {
  const out: EvidenceItem[] = []
  if (prefill?.verified) {
    // The platform verified the person it prefilled; it vouches for the submission only if the name and ID number are those.
    const applies = prefill.name !== undefined && prefill.id_number !== undefined && !mismatches.includes('name') && !mismatches.includes('id_number')
    out.push({ subject: 'identity', source: 'platform_backend', method: prefill.verified.method, at: prefill.verified.verified_at, applies })
  }
  if (body.identity_verification) out.push({ subject: 'identity', source: 'device', method: body.identity_verification.method, at: body.identity_verification.verified_at, applies: true })
  if (body.mobile_verified_at) out.push({ subject: 'mobile', source: 'device', method: 'phone_number_button', at: body.mobile_verified_at, applies: true })
  return out
}
