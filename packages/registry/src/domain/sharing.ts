/**
 * Data sharing with transport departments and industry associations (共享数据信息): aggregates
 * for any partner; individual records only of drivers who gave the separate consent
 * `share_with_partners`. Read-only, and every read is logged.
 */
import { toChinaTime } from '@ruhui/core/contract'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { chinaDayBounds, checkRangeFilter } from './range-filter'
import { pilotStats } from './stats'

type Partner = Extract<Caller, { kind: 'partner' }>

async function log(ctx: RegistryContext, partner: Partner, action: string, subject: unknown) {
  await ctx.writer.run((trx) => trx.insertInto('audit_log').values({ actor: partner.id, action, subject: JSON.stringify(subject), created_at: iso(ctx.now()) }).execute())
}

export async function sharedAggregates(ctx: RegistryContext, partner: Partner, q: Record<string, string | undefined>) {
  const f = checkRangeFilter(q)
  const s = await pilotStats(ctx, f)
  await log(ctx, partner, 'share_aggregates', f)
  // Counts only: no organisation-level membership lists, no personal data.
  return { object: 'shared_aggregates', range: s.range, funnel: s.funnel, applications_by_day: s.applications_by_day, approvals_by_day: s.approvals_by_day, by_city: s.by_city, city_names: s.city_names, by_org_type: s.by_org_type, by_status: s.by_status }
}

export async function sharedRecords(ctx: RegistryContext, partner: Partner, q: Record<string, string | undefined>) {
  const f = checkRangeFilter(q)
  if (q.limit !== undefined && !/^(?:[1-9]\d{0,2}|1000)$/.test(q.limit)) throw new Refusal('parameter_invalid', { param: 'limit' })
  let query = ctx.db.selectFrom('applications').select(['id', 'status', 'org_name', 'base_county', 'submitted_at', 'decided_at', 'consents', 'name_masked', 'mobile_masked']).where('status', '=', 'approved')
  const bounds = chinaDayBounds(f)
  if (bounds.from) query = query.where('submitted_at', '>=', bounds.from)
  if (bounds.to) query = query.where('submitted_at', '<=', bounds.to)
  if (f.region_prefix) query = query.where('base_county', 'like', `${f.region_prefix}%`)
  const rows = await query.orderBy('submitted_at').execute()
  const consented = rows.filter((r) => (JSON.parse(r.consents) as Array<{ kind: string }>).some((c) => c.kind === 'share_with_partners'))
  const data = consented.slice(0, Number(q.limit ?? 1000)).map((r) => ({ application_id: r.id, name: r.name_masked, mobile: r.mobile_masked, county: r.base_county, union: r.org_name, member_since: r.decided_at ? toChinaTime(Date.parse(r.decided_at)).slice(0, 10) : null }))
  await log(ctx, partner, 'share_records', { ...f, records: data.length })
  return { object: 'list', data, consented: consented.length, withheld_without_consent: rows.length - consented.length }
}
