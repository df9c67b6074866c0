/** Pilot statistics (试点跟踪): by day, city, platform, organisation type and tier; the funnel; time to approval. */
import { toChinaTime } from '@ruhui/core/contract'
import type { RegistryContext } from './context'

const count = (m: Record<string, number>, k: string) => {
  m[k] = (m[k] ?? 0) + 1
}

export async function pilotStats(ctx: RegistryContext, q: { from?: string; to?: string; region_prefix?: string }) {
  const from = q.from ? `${q.from}T00:00:00.000Z` : '0000'
  const to = q.to ? `${q.to}T23:59:59.999Z` : '9999'
  let apps = ctx.db.selectFrom('applications').select(['status', 'platform_id', 'org_id', 'tier', 'base_county', 'submitted_at', 'decided_at']).where('submitted_at', '>=', from).where('submitted_at', '<=', to)
  if (q.region_prefix) apps = apps.where('base_county', 'like', `${q.region_prefix}%`)
  const rows = await apps.execute()
  const sessions = await ctx.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('created_at', '>=', from).where('created_at', '<=', to).executeTakeFirst()
  const directory = ctx.directory()
  const byDay: Record<string, number> = {}
  const approvedByDay: Record<string, number> = {}
  const byCity: Record<string, number> = {}
  const byPlatform: Record<string, number> = {}
  const byOrgType: Record<string, number> = {}
  const byTier: Record<string, number> = {}
  const byStatus: Record<string, number> = {}
  const hours: number[] = []
  for (const r of rows) {
    const day = toChinaTime(Date.parse(r.submitted_at)).slice(0, 10)
    count(byDay, day)
    count(byCity, r.base_county.slice(0, 4))
    count(byPlatform, r.platform_id)
    count(byOrgType, (r.org_id && directory.byId.get(r.org_id)?.type) || 'unknown')
    count(byTier, r.tier ?? 'assignment')
    count(byStatus, r.status)
    if (r.status === 'approved' && r.decided_at) {
      count(approvedByDay, toChinaTime(Date.parse(r.decided_at)).slice(0, 10))
      hours.push((Date.parse(r.decided_at) - Date.parse(r.submitted_at)) / 3_600_000)
    }
  }
  hours.sort((a, b) => a - b)
  const pct = (p: number) => (hours.length ? (hours[Math.min(hours.length - 1, Math.floor(p * hours.length))] as number) : null)
  return {
    object: 'pilot_stats',
    range: { from: q.from ?? null, to: q.to ?? null, region_prefix: q.region_prefix ?? null },
    funnel: { sessions_created: Number(sessions?.n ?? 0), submitted: rows.length, approved: byStatus.approved ?? 0 },
    applications_by_day: byDay,
    approvals_by_day: approvedByDay,
    by_city: byCity,
    by_platform: byPlatform,
    by_org_type: byOrgType,
    by_tier: byTier,
    by_status: byStatus,
    hours_to_approval: { median: pct(0.5), p90: pct(0.9), count: hours.length },
  }
}
