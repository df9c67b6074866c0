/**
 * Data sharing with transport departments and industry associations (共享数据信息): aggregates
 * for any partner; individual records only of drivers who gave the separate consent
 * `share_with_partners` and have not withdrawn it, who are members now, in the regions set for the
 * partner at its creation (issue #13). Read-only, and every read is logged.
 */
import { toChinaTime } from '@ruhui/core/contract'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { chinaDayBounds, checkRangeFilter } from './range-filter'
import { pilotStats } from './stats'

type Partner = Extract<Caller, { kind: 'partner' }>

async function log(ctx: RegistryContext, partner: Partner, action: string, subject: unknown) {
  await ctx.writer.run((trx) => trx.insertInto('audit_log').values({ actor: partner.id, action, subject: JSON.stringify(subject), created_at: iso(ctx.now()) }).execute())
}

/** The regions a partner may receive (set at `partner create --region-prefix`, issue #13); none: nothing. */
async function partnerRegions(ctx: RegistryContext, partner: Partner): Promise<string[]> {
  const p = await ctx.db.selectFrom('partners').select(['region_prefixes']).where('id', '=', partner.partnerId).executeTakeFirst()
  return JSON.parse(p?.region_prefixes ?? '[]') as string[]
}

/** The asked region within the partner's regions, or a 403 for a region outside them. */
function withinRegions(regions: string[], asked: string | undefined): string[] {
  if (regions.length === 0) throw new Refusal('forbidden', { message: '本单位尚未设定可获取数据的地区，请联系注册中心管理员', en: 'No regions are set for this partner yet' })
  if (asked === undefined) return regions
  if (regions.some((r) => asked.startsWith(r))) return [asked]
  const inside = regions.filter((r) => r.startsWith(asked)) // asked a province, allowed its prefectures: those
  if (inside.length) return inside
  throw new Refusal('forbidden', { param: 'region_prefix', message: '该地区不在本单位可获取的数据范围内', en: 'That region is outside the partner’s regions' })
}

export async function sharedAggregates(ctx: RegistryContext, partner: Partner, q: Record<string, string | undefined>) {
  const f = checkRangeFilter(q)
  const regions = withinRegions(await partnerRegions(ctx, partner), f.region_prefix)
  if (regions.length !== 1) throw new Refusal('parameter_missing', { param: 'region_prefix', message: `请指定地区（本单位可获取：${regions.join('、') || '无'}）`, en: `Name a region (the partner's: ${regions.join(', ') || 'none'})` })
  const s = await pilotStats(ctx, { ...f, region_prefix: regions[0] as string })
  await log(ctx, partner, 'share_aggregates', f)
  // Counts only: no organisation-level membership lists, no personal data.
  return { object: 'shared_aggregates', range: s.range, funnel: s.funnel, applications_by_day: s.applications_by_day, approvals_by_day: s.approvals_by_day, by_city: s.by_city, city_names: s.city_names, by_org_type: s.by_org_type, by_status: s.by_status }
}

export async function sharedRecords(ctx: RegistryContext, partner: Partner, q: Record<string, string | undefined>) {
  const f = checkRangeFilter(q)
  if (q.limit !== undefined && !/^(?:[1-9]\d{0,2}|1000)$/.test(q.limit)) throw new Refusal('parameter_invalid', { param: 'limit' })
  const regions = withinRegions(await partnerRegions(ctx, partner), f.region_prefix)
  // Members now (not those who left or were expelled), in the partner's regions; records only of those who consent now.
  let query = ctx.db
    .selectFrom('applications')
    .innerJoin('members', (j) => j.onRef('members.application_id', '=', 'applications.id'))
    .select(['applications.id', 'applications.org_name', 'applications.base_county', 'applications.submitted_at', 'applications.decided_at', 'applications.shares_with_partners', 'applications.name_masked', 'applications.mobile_masked'])
    .where('applications.status', '=', 'approved')
    .where('members.status', 'in', ['active', 'transferring', 'retained'])
    .where((eb) => eb.or(regions.map((r) => eb('applications.base_county', 'like', `${r}%`))))
  const bounds = chinaDayBounds(f)
  if (bounds.from) query = query.where('applications.submitted_at', '>=', bounds.from)
  if (bounds.to) query = query.where('applications.submitted_at', '<=', bounds.to)
  const rows = await query.orderBy('applications.submitted_at').execute()
  const consented = rows.filter((r) => r.shares_with_partners === 1)
  const data = consented.slice(0, Number(q.limit ?? 1000)).map((r) => ({ application_id: r.id, name: r.name_masked, mobile: r.mobile_masked, county: r.base_county, union: r.org_name, member_since: r.decided_at ? toChinaTime(Date.parse(r.decided_at)).slice(0, 10) : null }))
  await log(ctx, partner, 'share_records', { ...f, records: data.length })
  return { object: 'list', data, consented: consented.length, withheld_without_consent: rows.length - consented.length }
}
