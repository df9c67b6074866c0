/**
 * The member-services catalogue (关爱基金, 意外伤害险, 健康体检, 法律援助, 女司机和卡嫂关爱, 司机之家):
 * stored in `services`, managed in the console, listed to drivers (members see what they have,
 * non-members what joining brings), with 司机之家 searchable by distance.
 */
import { type MemberService, type MemberServiceQuery, SERVICE_KINDS, selectServices } from '@ruhui/core/contract'
import type { Kysely } from 'kysely'
import { newId } from '../crypto/hashing'
import type { Database, ServiceTable } from '../db/schema'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { reviewerScope } from './scope'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>

// A SAMPLE catalogue for the demo and the tests: fictitious, after the kinds the notice names.
export const SAMPLE_SERVICES: Array<Omit<MemberService, 'object'>> = [
  { id: 'svc_sample_care_fund', kind: 'care_fund', name: '货车司机关爱基金（示例）', summary: '会员因病、因灾遇到困难可申请关爱金', provider_org_id: 'org_lf_32', region_prefixes: ['32', '34'], members_only: true, url: null, location: null },
  { id: 'svc_sample_accident', kind: 'accident_mutual_aid', name: '意外伤害互助保障（示例）', summary: '新入会司机首年免费意外伤害互助保障', provider_org_id: 'org_lf_32', region_prefixes: ['32', '34'], members_only: true, url: null, location: null },
  { id: 'svc_sample_health', kind: 'health_check', name: '会员健康体检（示例）', summary: '每年一次免费体检，跨市可用', provider_org_id: 'org_lf_34', region_prefixes: ['32', '34'], members_only: true, url: null, location: null },
  { id: 'svc_sample_legal', kind: 'legal_aid', name: '工会法律援助（示例）', summary: '运费拖欠、事故纠纷免费法律咨询', provider_org_id: 'org_lf_32', region_prefixes: ['32', '34'], members_only: false, url: null, location: null },
  { id: 'svc_sample_female', kind: 'female_driver_care', name: '女司机和卡嫂健康关爱（示例）', summary: '女货车司机和跟车卡嫂免费健康检查', provider_org_id: 'org_lf_34', region_prefixes: ['32', '34'], members_only: true, url: null, location: null },
  { id: 'svc_sample_home_jiangning', kind: 'driver_home', name: '司机之家·南京江宁（示例）', summary: '休息、热水、淋浴、洗衣，入会扫码点', provider_org_id: 'org_rf_3201', region_prefixes: ['32'], members_only: false, url: null, location: { lat: 31.953, lng: 118.84, address: '南京市江宁区（示例地址）' } },
  { id: 'svc_sample_home_suzhou', kind: 'driver_home', name: '司机之家·苏州相城（示例）', summary: '休息、餐食、车辆简修', provider_org_id: 'org_lf_32', region_prefixes: ['32'], members_only: false, url: null, location: { lat: 31.369, lng: 120.642, address: '苏州市相城区（示例地址）' } },
  { id: 'svc_sample_home_hefei', kind: 'driver_home', name: '司机之家·合肥肥西（示例）', summary: '休息、热水、淋浴', provider_org_id: 'org_lf_34', region_prefixes: ['34'], members_only: false, url: null, location: { lat: 31.706, lng: 117.157, address: '合肥市肥西县（示例地址）' } },
  { id: 'svc_sample_home_wuhu', kind: 'driver_home', name: '司机之家·芜湖（示例）', summary: '休息、洗衣、停车', provider_org_id: 'org_lf_34', region_prefixes: ['34'], members_only: false, url: null, location: { lat: 31.334, lng: 118.433, address: '芜湖市（示例地址）' } },
]

const toView = (r: ServiceTable): MemberService => ({
  id: r.id,
  object: 'member_service',
  kind: r.kind as MemberService['kind'],
  name: r.name,
  summary: r.summary,
  provider_org_id: r.provider_org_id,
  region_prefixes: JSON.parse(r.region_prefixes) as string[],
  members_only: r.members_only === 1,
  url: r.url,
  location: r.location ? (JSON.parse(r.location) as MemberService['location']) : null,
})

const toRow = (s: Omit<MemberService, 'object'>, at: string): ServiceTable => ({
  id: s.id,
  kind: s.kind,
  name: s.name,
  summary: s.summary,
  provider_org_id: s.provider_org_id,
  region_prefixes: JSON.stringify(s.region_prefixes),
  members_only: s.members_only ? 1 : 0,
  url: s.url,
  location: s.location ? JSON.stringify(s.location) : null,
  active: 1,
  created_at: at,
  updated_at: at,
})

/** Load the sample catalogue into an empty table (the demo's --seed-sample-if-empty). */
export async function seedSampleServices(db: Kysely<Database>): Promise<number> {
  const n = await db.selectFrom('services').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  if (Number(n?.n ?? 0) > 0) return 0
  const at = new Date().toISOString()
  await db.insertInto('services').values(SAMPLE_SERVICES.map((s) => toRow(s, at))).execute()
  return SAMPLE_SERVICES.length
}

/** What drivers see: active services for their region and kind, nearest first when `near` is given. */
export async function listServices(ctx: RegistryContext, query: MemberServiceQuery) {
  const rows = await ctx.db.selectFrom('services').selectAll().where('active', '=', 1).orderBy('id').execute()
  return { object: 'list' as const, data: selectServices(rows.map(toView), query), has_more: false, next_cursor: null }
}

/** The console's view: every service of the reviewer's organisations (inactive ones too). */
export async function listServicesForReviewer(ctx: RegistryContext, reviewer: Reviewer) {
  const scope = reviewerScope(ctx, reviewer)
  const rows = await ctx.db.selectFrom('services').selectAll().orderBy('kind').orderBy('id').execute()
  return { object: 'list' as const, data: rows.filter((r) => scope.has(r.provider_org_id)).map((r) => ({ ...toView(r), active: r.active === 1 })) }
}

export interface ServiceInput {
  kind?: unknown
  name?: unknown
  summary?: unknown
  provider_org_id?: unknown
  region_prefixes?: unknown
  members_only?: unknown
  url?: unknown
  location?: unknown
  active?: unknown
}

/** Check a service from the console field by field; the first problem is refused with its field. */
function checkService(ctx: RegistryContext, reviewer: Reviewer, input: ServiceInput, base?: MemberService): Omit<MemberService, 'object' | 'id'> {
  const str = (v: unknown, param: string, max: number, required = true): string => {
    if (v === undefined && !required) return ''
    if (typeof v !== 'string' || v.trim() === '' || v.length > max) throw new Refusal(v === undefined || v === '' ? 'parameter_missing' : 'parameter_invalid', { param })
    return v.trim()
  }
  const kind = input.kind ?? base?.kind
  if (typeof kind !== 'string' || !(SERVICE_KINDS as readonly string[]).includes(kind)) throw new Refusal(kind === undefined ? 'parameter_missing' : 'parameter_invalid', { param: 'kind' })
  const provider = str(input.provider_org_id ?? base?.provider_org_id, 'provider_org_id', 64)
  if (!reviewerScope(ctx, reviewer).has(provider)) throw new Refusal('parameter_invalid', { param: 'provider_org_id', message: '只能为本级及下级工会登记服务' })
  const prefixes = input.region_prefixes ?? base?.region_prefixes
  if (!Array.isArray(prefixes) || prefixes.length === 0 || prefixes.length > 50 || !prefixes.every((p) => typeof p === 'string' && /^\d{2,6}$/.test(p))) throw new Refusal('parameter_invalid', { param: 'region_prefixes' })
  const url = input.url === undefined ? (base?.url ?? null) : input.url
  if (url !== null && (typeof url !== 'string' || !/^https?:\/\/\S{1,500}$/.test(url))) throw new Refusal('parameter_invalid', { param: 'url' })
  const location = input.location === undefined ? (base?.location ?? null) : input.location
  if (location !== null) {
    const l = location as { lat?: unknown; lng?: unknown; address?: unknown }
    if (typeof l !== 'object' || typeof l.lat !== 'number' || l.lat < -90 || l.lat > 90) throw new Refusal('parameter_invalid', { param: 'location.lat' })
    if (typeof l.lng !== 'number' || l.lng < -180 || l.lng > 180) throw new Refusal('parameter_invalid', { param: 'location.lng' })
    if (typeof l.address !== 'string' || l.address.length === 0 || l.address.length > 200) throw new Refusal('parameter_invalid', { param: 'location.address' })
  }
  if (kind === 'driver_home' && location === null) throw new Refusal('parameter_missing', { param: 'location', message: '司机之家需要填写位置' })
  const membersOnly = input.members_only ?? base?.members_only ?? true
  if (typeof membersOnly !== 'boolean') throw new Refusal('parameter_invalid', { param: 'members_only' })
  return {
    kind: kind as MemberService['kind'],
    name: str(input.name ?? base?.name, 'name', 100),
    summary: str(input.summary ?? base?.summary, 'summary', 500),
    provider_org_id: provider,
    region_prefixes: prefixes as string[],
    members_only: membersOnly,
    url: url as string | null,
    location: location as MemberService['location'],
  }
}

export async function createService(ctx: RegistryContext, reviewer: Reviewer, input: ServiceInput) {
  const service = { id: newId('svc'), ...checkService(ctx, reviewer, input) }
  const row = toRow(service, iso(ctx.now()))
  await ctx.writer.run(async (trx) => {
    await trx.insertInto('services').values(row).execute()
    await trx.insertInto('audit_log').values({ actor: reviewer.id, action: 'service_create', subject: row.id, created_at: row.created_at }).execute()
  })
  return { ...toView(row), active: true }
}

export async function updateService(ctx: RegistryContext, reviewer: Reviewer, id: string, input: ServiceInput) {
  const current = await ctx.db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst()
  if (!current || !reviewerScope(ctx, reviewer).has(current.provider_org_id)) throw new Refusal('not_found', { param: 'id' })
  const next = checkService(ctx, reviewer, input, toView(current))
  if (input.active !== undefined && typeof input.active !== 'boolean') throw new Refusal('parameter_invalid', { param: 'active' })
  const active = input.active === undefined ? current.active : input.active ? 1 : 0
  const row = { ...toRow({ id, ...next }, current.created_at), active, updated_at: iso(ctx.now()) }
  await ctx.writer.run(async (trx) => {
    await trx.updateTable('services').set(row).where('id', '=', id).execute()
    await trx.insertInto('audit_log').values({ actor: reviewer.id, action: 'service_update', subject: id, created_at: row.updated_at }).execute()
  })
  return { ...toView(row), active: active === 1 }
}
