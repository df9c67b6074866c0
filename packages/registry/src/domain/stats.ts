/** Pilot statistics (试点跟踪): by day, city, platform, organisation type and tier; the funnel; time to approval. */
import { toChinaTime } from '@ruhui/core/contract'
import { lookupRegion } from '@ruhui/core/regions'
import type { RegistryContext } from './context'
import { chinaDayBounds } from './range-filter'

const count = (m: Record<string, number>, k: string) => {
  m[k] = (m[k] ?? 0) + 1
}

/** Time from submission to approval, in buckets a person can read. */
const APPROVAL_BUCKETS: Array<[string, number]> = [
  ['1 小时内', 1],
  ['1–24 小时', 24],
  ['1–3 天', 72],
  ['3–7 天', 168],
  ['7 天以上', Infinity],
]

export async function pilotStats(ctx: RegistryContext, q: { from?: string; to?: string; region_prefix?: string; threshold?: string }) {
  const bounds = chinaDayBounds(q)
  const from = bounds.from ?? '0000'
  const to = bounds.to ?? '9999'
  let apps = ctx.db.selectFrom('applications').select(['status', 'platform_id', 'org_id', 'tier', 'base_county', 'submitted_at', 'decided_at', 'volunteer']).where('submitted_at', '>=', from).where('submitted_at', '<=', to)
  if (q.region_prefix) apps = apps.where('base_county', 'like', `${q.region_prefix}%`)
  const rows = await apps.execute()
  const sessions = await ctx.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('created_at', '>=', from).where('created_at', '<=', to).executeTakeFirst()
  const consented = await ctx.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('created_at', '>=', from).where('created_at', '<=', to).where('matched_at', 'is not', null).executeTakeFirst()
  const platformNames = new Map((await ctx.db.selectFrom('platforms').select(['id', 'name']).execute()).map((p) => [p.id, p.name]))
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
  const histogram = APPROVAL_BUCKETS.map(([label]) => ({ label, count: 0 }))
  for (const h of hours) (histogram[APPROVAL_BUCKETS.findIndex(([, max]) => h < max)] as { count: number }).count++

  // Members per grassroots union; a large driver membership warrants a social union worker (社会化工会工作者).
  const threshold = Number(q.threshold ?? ctx.config.socialWorkerThreshold)
  let members = ctx.db.selectFrom('members').select(['org_id', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'active').groupBy('org_id')
  if (q.region_prefix) members = members.where('org_id', 'in', directory.orgs.filter((o) => o.regionCode.startsWith(q.region_prefix as string)).map((o) => o.id).concat(['']))
  const perUnion = (await members.execute())
    .map((m) => {
      const org = directory.byId.get(m.org_id)
      return { org_id: m.org_id, org_name: org?.name ?? m.org_id, type: org?.type ?? 'unknown', members: Number(m.n), needs_social_worker: Number(m.n) >= threshold }
    })
    .sort((a, b) => b.members - a.members)
  const volunteers = rows.filter((r) => r.volunteer === 1).length
  const cityName = (code: string) => lookupRegion(`${code}00`)?.name ?? code
  const pct = (p: number) => (hours.length ? (hours[Math.min(hours.length - 1, Math.floor(p * hours.length))] as number) : null)
  return {
    object: 'pilot_stats',
    range: { from: q.from ?? null, to: q.to ?? null, region_prefix: q.region_prefix ?? null },
    funnel: { sessions_created: Number(sessions?.n ?? 0), consented: Number(consented?.n ?? 0), submitted: rows.length, approved: byStatus.approved ?? 0 },
    applications_by_day: byDay,
    approvals_by_day: approvedByDay,
    by_city: byCity,
    by_platform: byPlatform,
    by_org_type: byOrgType,
    by_tier: byTier,
    by_status: byStatus,
    hours_to_approval: { median: pct(0.5), p90: pct(0.9), count: hours.length, histogram },
    city_names: Object.fromEntries(Object.keys(byCity).map((c) => [c, cityName(c)])),
    platform_names: Object.fromEntries(Object.keys(byPlatform).map((p) => [p, platformNames.get(p) ?? p])),
    members_per_union: { threshold, data: perUnion, flagged: perUnion.filter((u) => u.needs_social_worker).length },
    volunteers,
  }
}
