/** Drivers who offered to help as activists or volunteers (积极分子/志愿者), per organisation. */
import type { Caller, RegistryContext } from './context'
import { reviewerScope } from './scope'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>

export async function listVolunteers(ctx: RegistryContext, reviewer: Reviewer) {
  const scope = [...reviewerScope(ctx, reviewer)]
  const rows = await ctx.db
    .selectFrom('applications')
    .select(['id', 'org_id', 'org_name', 'status', 'name_masked', 'mobile_masked', 'base_county', 'volunteer_roles', 'updated_at'])
    .where('volunteer', '=', 1)
    .where('org_id', 'in', scope)
    .orderBy('org_id')
    .orderBy('updated_at', 'desc')
    .execute()
  const byOrg = new Map<string, { org_id: string; org_name: string | null; volunteers: unknown[] }>()
  for (const r of rows) {
    const key = r.org_id ?? ''
    if (!byOrg.has(key)) byOrg.set(key, { org_id: key, org_name: r.org_name, volunteers: [] })
    byOrg.get(key)?.volunteers.push({ application_id: r.id, status: r.status, name: r.name_masked, mobile: r.mobile_masked, county: r.base_county, roles: r.volunteer_roles ? (JSON.parse(r.volunteer_roles) as string[]) : ['volunteer'], since: r.updated_at })
  }
  return { object: 'list' as const, total: rows.length, data: [...byOrg.values()] }
}
