/** Data-sharing partners in the console (registry admins, scope.ts): list them, add one (its key shown once). */
import { hashSecret, newId, newSecret } from '../crypto/hashing'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { retiredExpiries } from './key-rotation'
import { requireRegistryAdmin } from './scope'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>
const KINDS = ['transport_department', 'industry_association']

export async function listPartners(ctx: RegistryContext, reviewer: Reviewer) {
  await requireRegistryAdmin(ctx, reviewer, '只有注册中心管理员可以管理数据共享单位')
  const rows = await ctx.db.selectFrom('partners').select(['id', 'name', 'kind', 'created_at', 'revoked_at', 'region_prefixes']).orderBy('created_at').execute()
  const overlaps = await retiredExpiries(ctx.db, ['partner_key'], ctx.now())
  return { object: 'list' as const, data: rows.map((r) => ({ object: 'partner', ...r, region_prefixes: JSON.parse(r.region_prefixes ?? '[]') as string[], old_key_expires_at: overlaps.get(`${r.id}:partner_key`) ?? null })) }
}

export async function createPartner(ctx: RegistryContext, reviewer: Reviewer, body: Record<string, unknown>) {
  await requireRegistryAdmin(ctx, reviewer, '只有注册中心管理员可以管理数据共享单位')
  const name = typeof body.name === 'string' ? body.name.trim() : ''
  if (!name || name.length > 100) throw new Refusal(name ? 'parameter_invalid' : 'parameter_missing', { param: 'name', message: '请填写单位名称（100 字以内）' })
  const kind = body.kind ?? 'transport_department'
  if (typeof kind !== 'string' || !KINDS.includes(kind)) throw new Refusal('parameter_invalid', { param: 'kind', message: '单位类别为 transport_department 或 industry_association' })
  const id = newId('ptn')
  const key = newSecret('pk_live')
  // The only regions it may receive (issue #13); none given: it receives nothing until an admin sets them.
  const regions = Array.isArray(body.region_prefixes) ? [...new Set(body.region_prefixes as string[])] : []
  await ctx.writer.run(async (trx) => {
    await trx.insertInto('partners').values({ id, name, kind, key_hash: hashSecret(key), created_at: iso(ctx.now()), region_prefixes: JSON.stringify(regions) }).execute()
    await trx.insertInto('audit_log').values({ actor: reviewer.id, action: 'partner_create', subject: id, created_at: iso(ctx.now()) }).execute()
  })
  return { object: 'partner', id, name, kind, region_prefixes: regions, key, shown_once: true }
}
