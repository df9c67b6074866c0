/**
 * What the reviewer sees of an application's privacy facts (issue #13): the identity evidence by
 * source (设备声明 / 平台后台已核验), the flags (a possible duplicate of a member, fields that differ
 * from the platform's prefill), the charter declaration and the consents with any withdrawal.
 */
import type { ApplicationTable } from '../db/schema'

export function reviewPrivacyFacts(a: Pick<ApplicationTable, 'evidence' | 'review_flags' | 'charter' | 'consents' | 'shares_with_partners' | 'shares_with_platform'>) {
  const consents = JSON.parse(a.consents) as Array<{ kind: string; text_version: string; granted_at: string }>
  const standing = (kind: string) => (kind === 'share_with_partners' ? a.shares_with_partners === 1 : kind === 'share_membership_with_platform' ? a.shares_with_platform === 1 : true)
  return {
    evidence: a.evidence ? (JSON.parse(a.evidence) as Array<{ subject: string; source: string; method: string; at: string; applies: boolean }>) : [],
    flags: (a.review_flags ? JSON.parse(a.review_flags) : {}) as { possible_duplicate?: { member_org_id?: string; member_org_name?: string | null; member_status?: string; open_application_id?: string }; prefill_mismatch?: string[] },
    charter: a.charter ? (JSON.parse(a.charter) as { text_version: string; accepted_at: string }) : null,
    consents: consents.map((c) => ({ kind: c.kind, text_version: c.text_version, granted_at: c.granted_at, withdrawn: !standing(c.kind) })),
  }
}
