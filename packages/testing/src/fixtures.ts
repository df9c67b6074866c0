/**
 * Synthetic test identities: every number is built by computing its check character,
 * never taken from a real person. The 3-digit sequence code carries the "magic" outcome
 * in the sandbox (like test card numbers): 901 approved, 902 already a member elsewhere,
 * 903 rejected, 904 needs more information; any other code goes to review.
 */
import { PUBLISHED_TEXTS, calcIdCardCheckDigit, consentTextHash } from '@ruhui/core'

export const MAGIC_SEQUENCES = {
  approved: '901',
  alreadyMember: '902',
  rejected: '903',
  needsInfo: '904',
} as const

/** An 18-character test ID number: address code, 'YYYYMMDD', 3-digit sequence, computed check. */
export function makeTestIdNumber(options: { regionCode?: string; birthDate?: string; sequence?: string } = {}): string {
  const region = options.regionCode ?? '320102'
  const birth = (options.birthDate ?? '1985-03-15').replaceAll('-', '')
  const seq = options.sequence ?? '123'
  if (!/^\d{6}$/.test(region) || !/^\d{8}$/.test(birth) || !/^\d{3}$/.test(seq)) throw new TypeError('[@ruhui/testing] makeTestIdNumber: regionCode 6 digits, birthDate YYYY-MM-DD, sequence 3 digits')
  const body = `${region}${birth}${seq}`
  return body + calcIdCardCheckDigit(body)
}

/** A test driver's identity fields (the applicant part of a submission). */
export interface TestIdentity {
  name: string
  id_number: string
  mobile: string
}

const person = (name: string, id_number: string, mobile: string): TestIdentity => ({ name, id_number, mobile })

/** Ready-made identities; each comes back from the sandbox with the outcome its name says. */
export const testIdentities = {
  /** Goes to review (under_review). */
  standard: person('张测试', makeTestIdNumber({ regionCode: '320102', birthDate: '1985-03-15', sequence: '123' }), '13800000001'),
  /** Approved at once, with a member card. */
  approved: person('李通过', makeTestIdNumber({ regionCode: '340104', birthDate: '1990-06-01', sequence: MAGIC_SEQUENCES.approved }), '13800000002'),
  /** Already an active member of another union: `transfer_required`. */
  alreadyMember: person('王会员', makeTestIdNumber({ regionCode: '320506', birthDate: '1979-11-20', sequence: MAGIC_SEQUENCES.alreadyMember }), '13800000003'),
  /** Rejected at once, with a reason. */
  rejected: person('赵驳回', makeTestIdNumber({ regionCode: '320115', birthDate: '1988-01-09', sequence: MAGIC_SEQUENCES.rejected }), '13800000004'),
  /** The union asks for more information. */
  needsInfo: person('钱补充', makeTestIdNumber({ regionCode: '341302', birthDate: '1992-12-12', sequence: MAGIC_SEQUENCES.needsInfo }), '13800000005'),
  /** Too young (born 2015): `ineligible`. */
  underage: person('孙少年', makeTestIdNumber({ regionCode: '320102', birthDate: '2015-01-01', sequence: '124' }), '13800000006'),
} as const

/** A consent as the join flow records it: the published text's version and hash. */
const published = (kind: 'sensitive_personal_info' | 'share_with_union' | 'share_with_partners' | 'share_membership_with_platform', grantedAt: string) => ({
  kind,
  text_version: PUBLISHED_TEXTS[kind].text_version,
  text_hash: consentTextHash(PUBLISHED_TEXTS[kind].body),
  granted_at: grantedAt,
})

/** The two basic consents (Arts. 29 and 23), and any optional ones asked for, as the join flow records them. */
export function testConsents(grantedAt = '2026-11-28T10:00:00.000+08:00', optional: ('share_with_partners' | 'share_membership_with_platform')[] = []) {
  return [published('sensitive_personal_info', grantedAt), published('share_with_union', grantedAt), ...optional.map((k) => published(k, grantedAt))]
}

/** The charter declaration as the join flow records it (the published charter text). */
export function testCharter(acceptedAt = '2026-11-28T10:00:00.000+08:00') {
  return { text_version: PUBLISHED_TEXTS.charter.text_version, text_hash: consentTextHash(PUBLISHED_TEXTS.charter.body), accepted_at: acceptedAt }
}
