/** Platform keys in the console (registry admins only, scope.ts): list the platforms, add one (its keys shown once). Rolls and disabling: key-rotation.ts. */
import { encryptField } from '../crypto/field-cipher'
import { hashSecret, newId, newSecret } from '../crypto/hashing'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { retiredExpiries } from './key-rotation'
import { requireRegistryAdmin } from './scope'
import { checkWebhookTarget } from './webhook-target'
import { checkOrigin, checkReturnUrl, parseList } from './platform-web'
import { checkUscc } from '@ruhui/core'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>

const ADMINS_ONLY = '只有注册中心管理员可以管理平台密钥'

export async function listPlatforms(ctx: RegistryContext, reviewer: Reviewer) {
  await requireRegistryAdmin(ctx, reviewer, ADMINS_ONLY)
  const rows = await ctx.db.selectFrom('platforms').select(['id', 'name', 'uscc', 'webhook_url', 'allowed_origins', 'return_urls', 'created_at', 'revoked_at']).orderBy('created_at').execute()
  const counts = await ctx.db.selectFrom('applications').select(['platform_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('platform_id').execute()
  const n = new Map(counts.map((c) => [c.platform_id, Number(c.n)]))
  const overlaps = await retiredExpiries(ctx.db, ['secret_key', 'webhook_secret'], ctx.now())
  return {
    object: 'list' as const,
    data: rows.map((r) => ({
      object: 'platform',
      ...r,
      allowed_origins: parseList(r.allowed_origins),
      return_urls: parseList(r.return_urls),
      applications: n.get(r.id) ?? 0,
      // Until when a rolled-out key or webhook secret is still honoured (null: none).
      old_secret_key_expires_at: overlaps.get(`${r.id}:secret_key`) ?? null,
      old_webhook_secret_expires_at: overlaps.get(`${r.id}:webhook_secret`) ?? null,
    })),
  }
}

export async function createPlatform(ctx: RegistryContext, reviewer: Reviewer, body: Record<string, unknown>) {
  await requireRegistryAdmin(ctx, reviewer, ADMINS_ONLY)
  const name = typeof body.name === 'string' ? body.name.trim() : ''
  if (!name || name.length > 100) throw new Refusal(name ? 'parameter_invalid' : 'parameter_missing', { param: 'name', message: '请填写平台名称（100 字以内）' })
  const webhookUrl = body.webhook_url === undefined || body.webhook_url === '' ? null : body.webhook_url
  const refused = webhookUrl === null ? null : await checkWebhookTarget(webhookUrl)
  if (refused) throw new Refusal('parameter_invalid', { param: 'webhook_url', message: refused })
  // The platform enterprise's credit code (matching's tier 2: federations built on head enterprises).
  const uscc = typeof body.uscc === 'string' && body.uscc !== '' ? body.uscc.trim().toUpperCase() : null
  if (uscc !== null && !checkUscc(uscc).ok) throw new Refusal('parameter_invalid', { param: 'uscc', message: '统一社会信用代码不正确，请核对' })
  const web = checkWeb(body)
  const id = newId('plat')
  const secretKey = newSecret('sk_live')
  const webhookSecret = newSecret('whsec')
  await ctx.writer.run(async (trx) => {
    await trx
      .insertInto('platforms')
      .values({ id, name, secret_key_hash: hashSecret(secretKey), webhook_url: webhookUrl as string | null, webhook_secret_enc: encryptField(ctx.keys, webhookSecret, 'webhook_secret'), uscc, allowed_origins: JSON.stringify(web.allowed_origins), return_urls: JSON.stringify(web.return_urls), created_at: iso(ctx.now()) })
      .execute()
    await trx.insertInto('audit_log').values({ actor: reviewer.id, action: 'platform_create', subject: id, created_at: iso(ctx.now()) }).execute()
  })
  return { object: 'platform', id, name, uscc, webhook_url: webhookUrl, ...web, secret_key: secretKey, webhook_secret: webhookSecret, shown_once: true }
}

/** Each origin and return URL checked and normalised; the first bad one named by its place in the list. */
function checkWeb(body: Record<string, unknown>): { allowed_origins: string[]; return_urls: string[] } {
  const list = (key: 'allowed_origins' | 'return_urls', check: typeof checkOrigin) =>
    ((body[key] as string[] | undefined) ?? []).map((v, i) => {
      const r = check(v.trim())
      if (!r.ok) throw new Refusal('parameter_invalid', { param: `${key}.${i}`, message: r.message })
      return r.value
    })
  return { allowed_origins: [...new Set(list('allowed_origins', checkOrigin))], return_urls: [...new Set(list('return_urls', checkReturnUrl))] }
}

/** Replace a platform's web registrations (the origins that may frame /join and call from a browser; its return URLs). */
export async function updatePlatformWeb(ctx: RegistryContext, reviewer: Reviewer, id: string, body: Record<string, unknown>) {
  await requireRegistryAdmin(ctx, reviewer, ADMINS_ONLY)
  const web = checkWeb(body)
  const changed = await ctx.writer.run(async (trx) => {
    const res = await trx.updateTable('platforms').set({ allowed_origins: JSON.stringify(web.allowed_origins), return_urls: JSON.stringify(web.return_urls) }).where('id', '=', id).executeTakeFirst()
    if (Number(res.numUpdatedRows) === 0) return false
    await trx.insertInto('audit_log').values({ actor: reviewer.id, action: 'platform_web_update', subject: id, created_at: iso(ctx.now()) }).execute()
    return true
  })
  if (!changed) throw new Refusal('not_found', { param: 'id' })
  return { object: 'platform_web', id, ...web }
}
