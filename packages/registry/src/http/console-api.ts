/**
 * The reviewer API the console uses beyond review itself: sign-in, transfers, member search,
 * directory management, the services catalogue, volunteers, platform keys, exports; and the
 * read-only data-sharing API for partners. Every client mistake is a 4xx with the error shape.
 */
import type { Context, Hono } from 'hono'
import { type Caller, Refusal, type RegistryContext } from '../domain/context'
import { importOrgs, listOrgs, saveOrg } from '../domain/directory-admin'
import { exportApplications } from '../domain/exports'
import { searchMembers } from '../domain/members-search'
import { createPlatform, listPlatforms, updatePlatformWeb } from '../domain/platform-admin'
import { reviewerProfile, signIn, signOut } from '../domain/reviewer-accounts'
import { createService, listServicesForReviewer, updateService } from '../domain/services'
import { sharedAggregates, sharedRecords } from '../domain/sharing'
import { listTransfersForReviewer } from '../domain/transfers-staff'
import { listVolunteers } from '../domain/volunteers'
import { listAudit } from '../domain/audit'
import { createPartner, listPartners } from '../domain/partner-admin'
import { revokeOwner, rollPartnerKey, rollPlatformSecret } from '../domain/key-rotation'
import type { RateLimiter } from './rate-limit'
import { errorResponse } from './respond'
import { requireRegistryAdmin } from '../domain/scope'
import { clientAddress } from './client-address'
import { createSignInThrottle, normaliseLogin } from './sign-in-throttle'
import { BODY, QUERY, checkBody, checkQuery } from './review-schemas'
import type * as z from 'zod/mini'

type Vars = { Variables: { requestId: string; caller: Caller } }
type Reviewer = Extract<Caller, { kind: 'reviewer' }>

export interface ConsoleApiHelpers {
  reviewer(c: Context<Vars>): Reviewer
  readJson(c: Context<Vars>): Promise<Record<string, unknown>>
  /** The shared rate limiter (every process): undefined when allowed, else seconds to wait. */
  limiter: RateLimiter
}

const partner = (c: Context<Vars>) => {
  const caller = c.get('caller')
  if (caller.kind !== 'partner') throw new Refusal(caller.kind === 'none' ? 'invalid_api_key' : 'forbidden', { message: '此接口需要数据共享单位的密钥' })
  return caller
}

export function mountConsoleApi(app: Hono<Vars>, ctx: RegistryContext, { reviewer, readJson, limiter }: ConsoleApiHelpers) {
  const signInThrottle = createSignInThrottle(ctx.now)
  app.post('/v1/review/sign-in', async (c) => {
    const body = checkBody(BODY.signIn, await readJson(c))
    // Guessing passwords: per client address and for the whole process (in memory, LRU), then two
    // attempts a second per login as it is looked up (a burst of four), across every process.
    const wait = signInThrottle.take(body.login, clientAddress(c)) ?? (await limiter.take(`sign-in:${normaliseLogin(body.login)}`, 2))
    if (wait !== undefined) return errorResponse(c, 'rate_limited', { message: '登录尝试太频繁，请稍后再试', en: 'Too many sign-in attempts; try again later', headers: { 'retry-after': String(wait) } })
    return c.json(await signIn(ctx, body))
  })
  app.post('/v1/review/sign-out', async (c) => {
    reviewer(c)
    const token = (c.req.header('authorization') ?? '').slice(7).trim()
    return c.json(token.startsWith('rs_') ? await signOut(ctx, token) : { object: 'reviewer_session', signed_out: false })
  })
  app.get('/v1/review/me', async (c) => c.json(await reviewerProfile(ctx, reviewer(c).reviewerId)))

  // Every route: who is asking first (401/403), then the query and body against their schemas (400).
  const who = (c: Context<Vars>, query: z.ZodMiniType = QUERY.none) => {
    const r = reviewer(c)
    checkQuery(query, c.req.url)
    return r
  }
  app.get('/v1/review/transfers', async (c) => c.json(await listTransfersForReviewer(ctx, reviewer(c), checkQuery(QUERY.transfers, c.req.url).status)))
  app.get('/v1/review/members', async (c) => c.json(await searchMembers(ctx, reviewer(c), checkQuery(QUERY.members, c.req.url))))

  app.get('/v1/review/organisations', (c) => c.json(listOrgs(ctx, reviewer(c), checkQuery(QUERY.organisations, c.req.url))))
  app.post('/v1/review/organisations', async (c) => c.json(await saveOrg(ctx, who(c), checkBody(BODY.org, await readJson(c))), 201))
  app.post('/v1/review/organisations/import', async (c) => c.json(await importOrgs(ctx, who(c), await readJsonValue(c))))
  app.patch('/v1/review/organisations/:id', async (c) => c.json(await saveOrg(ctx, who(c), checkBody(BODY.org, await readJson(c)), c.req.param('id'))))

  app.get('/v1/review/services', async (c) => c.json(await listServicesForReviewer(ctx, who(c))))
  app.post('/v1/review/services', async (c) => c.json(await createService(ctx, who(c), checkBody(BODY.service, await readJson(c)) as never), 201))
  app.patch('/v1/review/services/:id', async (c) => c.json(await updateService(ctx, who(c), c.req.param('id'), checkBody(BODY.service, await readJson(c)) as never)))

  app.get('/v1/review/volunteers', async (c) => c.json(await listVolunteers(ctx, who(c))))

  app.get('/v1/review/platforms', async (c) => c.json(await listPlatforms(ctx, who(c))))
  app.post('/v1/review/platforms', async (c) => c.json(await createPlatform(ctx, who(c), checkBody(BODY.platform, await readJson(c))), 201))

  // Platforms and partners are registry-wide objects: their keys are for registry admins (scope.ts).
  const registryAdmin = async (c: Context<Vars>, message: string) => {
    const r = who(c)
    await requireRegistryAdmin(ctx, r, message)
    return r
  }
  app.post('/v1/review/platforms/:id/roll', async (c) => c.json(await rollPlatformSecret(ctx, await registryAdmin(c, '只有注册中心管理员可以轮换平台密钥'), c.req.param('id'), checkBody(BODY.roll, await readJson(c)))))
  app.post('/v1/review/platforms/:id/web', async (c) => c.json(await updatePlatformWeb(ctx, await registryAdmin(c, '只有注册中心管理员可以管理平台'), c.req.param('id'), checkBody(BODY.platformWeb, await readJson(c)))))
  app.post('/v1/review/platforms/:id/revoke', async (c) => c.json(await revokeOwner(ctx, await registryAdmin(c, '只有注册中心管理员可以停用平台'), 'platforms', c.req.param('id'))))
  app.get('/v1/review/partners', async (c) => c.json(await listPartners(ctx, who(c))))
  app.post('/v1/review/partners', async (c) => c.json(await createPartner(ctx, who(c), checkBody(BODY.partner, await readJson(c))), 201))
  app.post('/v1/review/partners/:id/roll', async (c) => c.json(await rollPartnerKey(ctx, await registryAdmin(c, '只有注册中心管理员可以管理数据共享单位'), c.req.param('id'), checkBody(BODY.roll, await readJson(c)))))
  app.post('/v1/review/partners/:id/revoke', async (c) => c.json(await revokeOwner(ctx, await registryAdmin(c, '只有注册中心管理员可以管理数据共享单位'), 'partners', c.req.param('id'))))
  app.get('/v1/review/audit', async (c) => c.json(await listAudit(ctx, reviewer(c), checkQuery(QUERY.audit, c.req.url))))

  app.get('/v1/review/exports/:file', async (c) => {
    const m = /^applications\.(\w{1,8})$/.exec(c.req.param('file') ?? '')
    if (!m) throw new Refusal('not_found', { message: '可导出 applications.csv 或 applications.xlsx' })
    const file = await exportApplications(ctx, reviewer(c), m[1] as string, checkQuery(QUERY.range, c.req.url))
    return c.body(file.body, 200, {
      'content-type': file.type,
      'content-disposition': `attachment; filename="${file.name}"`,
      'x-export-rows': String(file.rows),
    })
  })

  app.get('/v1/sharing/aggregates', async (c) => c.json(await sharedAggregates(ctx, partner(c), c.req.query())))
  app.get('/v1/sharing/records', async (c) => c.json(await sharedRecords(ctx, partner(c), c.req.query())))

  /** Any JSON value (an import may be an array); the same errors as readJson. */
  async function readJsonValue(c: Context<Vars>): Promise<unknown> {
    const text = await c.req.text()
    if (Buffer.byteLength(text) > 8 * 1024 * 1024) throw new Refusal('invalid_request', { message: '文件太大（最大 8 MB）' })
    try {
      return JSON.parse(text) as unknown
    } catch {
      throw new Refusal('invalid_request', { message: '文件不是有效的 JSON' })
    }
  }
}
