/**
 * What the platform sees of an application (its secret key, its list, every webhook): the status
 * and a refusal's reason code, never the union, tier, card or the reviewer's words. `membership`
 * only for a driver who gave `share_membership_with_platform`, has not withdrawn it, and is a
 * member now through this application (not one who left or was expelled, nor one who joined again
 * through another application). Issue #13; DOMAIN §6.
 */
import type { Kysely, Transaction } from 'kysely'
import { type PlatformApplication, toChinaTime } from '@ruhui/core/contract'
import type { ApplicationTable, Database } from '../db/schema'

const cst = (isoTime: string) => toChinaTime(Date.parse(isoTime))
const MEMBER_STATUSES = ['active', 'transferring', 'retained']

type Row = Pick<ApplicationTable, 'id' | 'session_id' | 'platform_id' | 'status' | 'status_reason' | 'submitted_at' | 'updated_at' | 'person_key' | 'org_id' | 'org_name' | 'shares_with_platform'>

export function platformApplicationView(a: Row, memberOf: string | null): PlatformApplication {
  const view: PlatformApplication = {
    id: a.id,
    object: 'application',
    session_id: a.session_id,
    platform_id: a.platform_id,
    status: a.status as PlatformApplication['status'],
    reason_code: a.status === 'rejected' && a.status_reason ? ((JSON.parse(a.status_reason) as { code?: string }).code ?? null) : null,
    submitted_at: cst(a.submitted_at),
    updated_at: cst(a.updated_at),
  }
  if (memberOf !== null) view.membership = { member: true, org_name: memberOf }
  return view
}

/** The platform's views of some rows: the membership looked up for those who let the platform know. */
export async function platformViews(db: Kysely<Database> | Transaction<Database>, rows: Row[]): Promise<PlatformApplication[]> {
  const sharing = rows.filter((r) => r.shares_with_platform === 1 && r.status === 'approved')
  const members = sharing.length
    ? await db.selectFrom('members').select(['person_key', 'org_id', 'status', 'application_id']).where('application_id', 'in', sharing.map((r) => r.id)).where('status', 'in', MEMBER_STATUSES).execute()
    : []
  const orgIds = [...new Set(members.map((m) => m.org_id))]
  const orgs = orgIds.length ? await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', orgIds).execute() : []
  return rows.map((r) => {
    // Only the membership this application made (members.application_id): a driver who consented on A,
    // left, and joined again through B without the consent is not shown as a member on A.
    const m = r.shares_with_platform === 1 && r.status === 'approved' ? members.find((x) => x.application_id === r.id && x.person_key === r.person_key) : undefined
    // The union the driver is a member of now (a transfer may have moved them).
    return platformApplicationView(r, m ? (orgs.find((o) => o.id === m.org_id)?.name ?? r.org_name ?? '') : null)
  })
}
