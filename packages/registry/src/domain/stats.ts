/**
 * Pilot statistics (试点跟踪): by day, city, platform, organisation type and tier; the funnel; time
 * to approval; members per union. Counted by the database (GROUP BY over a covering index, migration
 * 0005): a request reads a few thousand groups, never the application rows, so it answers in bounded
 * memory with a million applications.
 *
 * Scoped to the reviewer's subtree: a Hefei reviewer counts the applications and members of Hefei's
 * organisations (on SQLite found by a recursive query over `orgs`; on PostgreSQL passed as one array), plus applications still waiting for an
 * organisation whose home county is in Hefei; never Nanjing's. A join session belongs to no region
 * until it brings an application, so a subtree's funnel starts at its applications (sessions created
 * and consented = submitted there); partners (`/v1/sharing`) see the whole registry's sessions.
 */
import { type RawBuilder, sql } from 'kysely'
import { lookupRegion } from '@ruhui/core/regions'
import type { Caller, RegistryContext } from './context'
import { chinaDayBounds } from './range-filter'
import { reviewerScope } from './scope'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>

/** Time from submission to approval, in buckets a person can read (upper bounds in hours). */
const APPROVAL_BUCKETS: Array<[string, number]> = [
  ['1 小时内', 1],
  ['1–24 小时', 24],
  ['1–3 天', 72],
  ['3–7 天', 168],
  ['7 天以上', Infinity],
]

/** A region code's prefix: 320000 → 32, 320100 → 3201, 320115 → 320115. */
const regionPrefix = (code: string) => code.replace(/(00)+$/, '')

/** Applications `a` in the reviewer's subtree; `scope` is the recursive CTE of its organisations. */
function scopeOf(ctx: RegistryContext, reviewer: Reviewer | undefined): { ctes: RawBuilder<unknown>[]; apps: RawBuilder<unknown>; orgs: (column: RawBuilder<unknown>) => RawBuilder<unknown> } {
  if (!reviewer) return { ctes: [], apps: sql`1 = 1`, orgs: () => sql`1 = 1` }
  const region = regionPrefix(ctx.directory().byId.get(reviewer.orgId)?.regionCode ?? '')
  if (ctx.dialect === 'postgres') {
    // The subtree as one array parameter: PostgreSQL then knows its size (a recursive CTE it cannot
    // estimate) and reads a city's few index ranges rather than scanning the table.
    const ids = [...reviewerScope(ctx, reviewer)]
    return {
      ctes: [],
      apps: region ? sql`(a.org_id = any(${ids}::text[]) or (a.org_id is null and a.base_county like ${`${region}%`}))` : sql`a.org_id = any(${ids}::text[])`,
      orgs: (column) => sql`${column} = any(${ids}::text[])`,
    }
  }
  return {
    ctes: [sql`scope(id) as (select id from orgs where id = ${reviewer.orgId} union all select o.id from orgs o join scope s on o.parent_id = s.id)`],
    apps: region ? sql`(a.org_id in (select id from scope) or (a.org_id is null and a.base_county like ${`${region}%`}))` : sql`a.org_id in (select id from scope)`,
    orgs: (column) => sql`${column} in (select id from scope)`,
  }
}

const withCtes = (ctes: RawBuilder<unknown>[]) => (ctes.length ? sql`with recursive ${sql.join(ctes)} ` : sql``)

/**
 * A stored UTC timestamp's day, in two parts cheap to compute on every row: the UTC date, and whether
 * the time is 16:00 or later (then it is already the next day in China, +08:00). `chinaDays` adds up.
 */
const dayParts = (column: RawBuilder<unknown>) => sql`substr(${column}, 1, 10) as day, substr(${column}, 12, 2) >= '16' as late`

function chinaDays(rows: Array<{ day: string; late: number | boolean; n: number | string }>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of rows) {
    const day = r.late === true || Number(r.late) === 1 ? new Date(Date.parse(`${r.day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : r.day
    out[day] = (out[day] ?? 0) + Number(r.n)
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** Whole minutes from submission to decision. */
const minutesToDecision = (ctx: RegistryContext) =>
  ctx.dialect === 'postgres' ? sql<number>`floor(extract(epoch from (a.decided_at::timestamp - a.submitted_at::timestamp)) / 60)::int` : sql<number>`cast((julianday(a.decided_at) - julianday(a.submitted_at)) * 86400 + 0.5 as integer) / 60`

export async function pilotStats(ctx: RegistryContext, q: { from?: string; to?: string; region_prefix?: string; threshold?: string }, reviewer?: Reviewer) {
  const bounds = chinaDayBounds(q)
  const scope = scopeOf(ctx, reviewer)
  const where = sql.join(
    [sql`a.submitted_at >= ${bounds.from ?? '0000'}`, sql`a.submitted_at <= ${bounds.to ?? '9999'}`, scope.apps, ...(q.region_prefix ? [sql`a.base_county like ${`${q.region_prefix}%`}`] : [])],
    sql` and `,
  )
  const run = async <T>(query: RawBuilder<T>) => (await query.execute(ctx.db)).rows
  // A small subtree (a city) reads its own organisations' index ranges; a wide one (a province) scans by day.
  const narrow = reviewer !== undefined && reviewerScope(ctx, reviewer).size * 5 < ctx.directory().orgs.length
  const [groups, days, approvals, sessionRows, memberRows, platformRows] = await Promise.all([
    // Grouped in the covering index's own order: no sort, one pass.
    run(sql<{ org_id: string | null; status: string; tier: string | null; platform_id: string; base_county: string; volunteers: number; n: number }>`${withCtes(scope.ctes)}select a.org_id, a.status, a.tier, a.platform_id, a.base_county, sum(a.volunteer) as volunteers, count(*) as n
      from applications a where ${where} group by a.org_id, a.status, a.tier, a.platform_id, a.base_county`),
    ctx.dialect === 'postgres' || narrow
      ? run(sql<{ day: string; late: number; n: number }>`${withCtes(scope.ctes)}select ${dayParts(sql.ref('a.submitted_at'))}, count(*) as n from applications a where ${where} group by 1, 2`)
      : // SQLite sorts to group by an expression: for a wide subtree, count each China day as a range of the submitted_at index instead.
        run(sql<{ day: string; late: number; n: number }>`${withCtes([...scope.ctes, sql`d(day) as (select date(coalesce(${bounds.from ?? null}, (select min(submitted_at) from applications)), '+8 hours')
          union all select date(day, '+1 day') from d where day < date(coalesce(${bounds.to ?? null}, (select max(submitted_at) from applications)), '+8 hours'))`])}select d.day, 0 as late, count(*) as n
          from d join applications a on a.submitted_at >= strftime('%Y-%m-%dT%H:%M:%fZ', d.day, '-8 hours') and a.submitted_at < strftime('%Y-%m-%dT%H:%M:%fZ', d.day, '+16 hours') where ${where} group by d.day`),
    run(sql<{ day: string; late: number; minutes: number; n: number }>`${withCtes(scope.ctes)}select ${dayParts(sql.ref('a.decided_at'))}, ${minutesToDecision(ctx)} as minutes, count(*) as n
      from applications a where ${where} and a.status = 'approved' and a.decided_at is not null group by 1, 2, 3`),
    // A join session belongs to no region until its application does: a subtree's funnel starts at its applications.
    reviewer ? Promise.resolve([]) : run(sql<{ created: number; consented: number }>`select count(*) as created, count(s.matched_at) as consented from sessions s where s.created_at >= ${bounds.from ?? '0000'} and s.created_at <= ${bounds.to ?? '9999'}`),
    run(sql<{ org_id: string; n: number }>`${withCtes(scope.ctes)}select m.org_id, count(*) as n from members m where m.status = 'active' and ${scope.orgs(sql.ref('m.org_id'))} group by m.org_id`),
    run(sql<{ id: string; name: string }>`select id, name from platforms`),
  ])

  const directory = ctx.directory()
  const add = (m: Record<string, number>, k: string, n: number) => {
    m[k] = (m[k] ?? 0) + n
  }
  const byCity: Record<string, number> = {}
  const byPlatform: Record<string, number> = {}
  const byOrgType: Record<string, number> = {}
  const byTier: Record<string, number> = {}
  const byStatus: Record<string, number> = {}
  let submitted = 0
  let volunteers = 0
  for (const g of groups) {
    const n = Number(g.n)
    submitted += n
    volunteers += Number(g.volunteers)
    add(byCity, g.base_county.slice(0, 4), n)
    add(byPlatform, g.platform_id, n)
    add(byOrgType, (g.org_id && directory.byId.get(g.org_id)?.type) || 'unknown', n)
    add(byTier, g.tier ?? 'assignment', n)
    add(byStatus, g.status, n)
  }
  const byDay = chinaDays(days)

  // Approvals by day, and time to approval to the minute: median and p90 from the minute counts.
  const approvedByDay = chinaDays(approvals)
  const perMinute = new Map<number, number>()
  for (const a of approvals) {
    perMinute.set(Number(a.minutes), (perMinute.get(Number(a.minutes)) ?? 0) + Number(a.n))
  }
  const minutes = [...perMinute.entries()].sort((a, b) => a[0] - b[0])
  const approvedCount = minutes.reduce((s, [, n]) => s + n, 0)
  const pct = (p: number) => {
    if (!approvedCount) return null
    const rank = Math.min(approvedCount - 1, Math.floor(p * approvedCount))
    let seen = 0
    for (const [m, n] of minutes) if ((seen += n) > rank) return Math.round((m / 60) * 1000) / 1000
    return null
  }
  const histogram = APPROVAL_BUCKETS.map(([label]) => ({ label, count: 0 }))
  for (const [m, n] of minutes) (histogram[APPROVAL_BUCKETS.findIndex(([, max]) => m / 60 < max)] as { count: number }).count += n

  // Members per grassroots union; a large driver membership warrants a social union worker (社会化工会工作者).
  const threshold = Number(q.threshold ?? ctx.config.socialWorkerThreshold)
  const perUnion = memberRows
    .filter((m) => !q.region_prefix || directory.byId.get(m.org_id)?.regionCode.startsWith(q.region_prefix))
    .map((m) => {
      const org = directory.byId.get(m.org_id)
      return { org_id: m.org_id, org_name: org?.name ?? m.org_id, type: org?.type ?? 'unknown', members: Number(m.n), needs_social_worker: Number(m.n) >= threshold }
    })
    .sort((a, b) => b.members - a.members || (a.org_id < b.org_id ? -1 : 1))
  const platformNames = new Map(platformRows.map((p) => [p.id, p.name]))
  const sessions = reviewer ? { created: submitted, consented: submitted } : sessionRows[0]
  const cityName = (code: string) => lookupRegion(`${code}00`)?.name ?? code
  return {
    object: 'pilot_stats',
    range: { from: q.from ?? null, to: q.to ?? null, region_prefix: q.region_prefix ?? null },
    funnel: { sessions_created: Number(sessions?.created ?? 0), consented: Number(sessions?.consented ?? 0), submitted, approved: byStatus.approved ?? 0 },
    applications_by_day: byDay,
    approvals_by_day: approvedByDay,
    by_city: byCity,
    by_platform: byPlatform,
    by_org_type: byOrgType,
    by_tier: byTier,
    by_status: byStatus,
    hours_to_approval: { median: pct(0.5), p90: pct(0.9), count: approvedCount, histogram },
    city_names: Object.fromEntries(Object.keys(byCity).map((c) => [c, cityName(c)])),
    platform_names: Object.fromEntries(Object.keys(byPlatform).map((p) => [p, platformNames.get(p) ?? p])),
    members_per_union: { threshold, data: perUnion, flagged: perUnion.filter((u) => u.needs_social_worker).length },
    volunteers,
  }
}
