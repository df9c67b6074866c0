/**
 * What the reviewer sees of an application's privacy facts (issue #13): the identity evidence by
 * source (设备声明 / 平台后台已核验), the flags (a possible duplicate of a member, fields that differ
 * from the platform's prefill), the charter declaration and the consents with any withdrawal. The
 * member's union and status in a duplicate flag only within the reviewer's subtree (security review L2).
 */
import type { ApplicationTable } from '../db/schema'

/** The stored possible-duplicate flag: the member's union and status as found at submission, or an application being handled. */
type StoredDuplicate = { member_org_id?: string; member_org_name?: string | null; member_status?: string; open_application_id?: string }
/** As the reviewer sees it: the member's union and status only within their subtree, else `member_elsewhere` alone. */
export type DuplicateFlag = StoredDuplicate & { member_elsewhere?: true }

/**
 * The facts for a reviewer whose subtree is `scope`. The duplicate flag is stored at submission with
 * the member's union and status; whether to name them is decided here, at read time: a reviewer
 * outside the member's union's subtree learns only that the ID number is a member's elsewhere.
 */
export function reviewPrivacyFacts(a: Pick<ApplicationTable, 'evidence' | 'review_flags' | 'charter' | 'consents' | 'shares_with_partners' | 'shares_with_platform'>, scope: ReadonlySet<string>) {
  const consents = JSON.parse(a.consents) as Array<{ kind: string; text_version: string; granted_at: string }>
  const standing = (kind: string) => (kind === 'share_with_partners' ? a.shares_with_partners === 1 : kind === 'share_membership_with_platform' ? a.shares_with_platform === 1 : true)
  const flags = (a.review_flags ? JSON.parse(a.review_flags) : {}) as { possible_duplicate?: DuplicateFlag; prefill_mismatch?: string[] }
  const duplicate = flags.possible_duplicate
  if (duplicate?.member_org_id && !scope.has(duplicate.member_org_id)) {
    const { member_org_id: _org, member_org_name: _name, member_status: _status, ...rest } = duplicate
    flags.possible_duplicate = { ...rest, member_elsewhere: true }
  }
  return {
    evidence: a.evidence ? (JSON.parse(a.evidence) as Array<{ subject: string; source: string; method: string; at: string; applies: boolean }>) : [],
    flags,
    charter: a.charter ? (JSON.parse(a.charter) as { text_version: string; accepted_at: string }) : null,
    consents: consents.map((c) => ({ kind: c.kind, text_version: c.text_version, granted_at: c.granted_at, withdrawn: !standing(c.kind) })),
  }
}
