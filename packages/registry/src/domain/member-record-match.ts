/**
 * No membership oracle (issue #13): a submission learns `transfer_required` / `already_member` only
 * when the name, the ID number and the mobile all match the member's record. Otherwise the
 * application is taken in as usual and the reviewer sees a possible duplicate.
 */
import { normalizePersonName } from '@ruhui/core'
import type { DriverIdentity } from '@ruhui/core'
import { decryptField } from '../crypto/field-cipher'
import type { RegistryContext } from './context'

export interface MemberRow {
  org_id: string
  status: string
  application_id: string
  profile_enc?: string | null | undefined
}

/** An application's sealed applicant is this person by name and mobile (the ID number matched already: the person key). */
export function sameApplicant(ctx: RegistryContext, applicantEnc: string, identity: DriverIdentity, mobileInstead?: string): boolean {
  const recorded = JSON.parse(decryptField(ctx.keys, applicantEnc, 'applicant')) as { name: string; mobile: string }
  return normalizePersonName(recorded.name) === identity.name.name && (mobileInstead ?? recorded.mobile) === identity.mobile.number
}

/** The ID number matched already (the person key); the name and the mobile must match the record too. */
export async function matchesMemberRecord(ctx: RegistryContext, member: MemberRow, identity: DriverIdentity): Promise<boolean> {
  const app = await ctx.db.selectFrom('applications').select(['applicant_enc']).where('id', '=', member.application_id).executeTakeFirst()
  if (!app) return false
  const recorded = JSON.parse(decryptField(ctx.keys, app.applicant_enc, 'applicant')) as { name: string; mobile: string }
  // The member's own mobile once they changed it (the membership API of issue #16), else the application's.
  let mobile = recorded.mobile
  if (member.profile_enc) {
    try {
      mobile = (JSON.parse(decryptField(ctx.keys, member.profile_enc, 'member_profile')) as { mobile?: string }).mobile ?? mobile
    } catch {
      // A profile sealed under another label: keep the application's mobile.
    }
  }
  return normalizePersonName(recorded.name) === identity.name.name && mobile === identity.mobile.number
}
