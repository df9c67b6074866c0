/**
 * The matching configuration in force, for admins (issue #12): its version, the pilot regions and,
 * for each province of the directory, its effective tier order (`rulesForProvince`: the province's
 * own order, else the configuration's, with platform unions promoted where it says so).
 */
import type { Context, Hono } from 'hono'
import { rulesForProvince } from '@ruhui/core/matching'
import { lookupRegion } from '@ruhui/core/regions'
import { type Caller, Refusal, type RegistryContext } from '../domain/context'
import { requireAdmin } from '../domain/scope'
import { QUERY, checkQuery } from './review-schemas'

type Vars = { Variables: { requestId: string; caller: Caller } }

export function mountMatchingConfigApi(app: Hono<Vars>, ctx: RegistryContext) {
  app.get('/v1/review/matching-config', (c: Context<Vars>) => {
    const caller = c.get('caller')
    if (caller.kind !== 'reviewer') throw new Refusal(caller.kind === 'none' ? 'invalid_api_key' : 'forbidden', { message: '此操作需要审核员账号' })
    requireAdmin(caller, '只有管理员可以查看匹配配置')
    checkQuery(QUERY.none, c.req.url)
    const config = ctx.config.matching
    const pilot = config.pilotRegionPrefixes
    const codes = [...new Set(ctx.directory().orgs.map((o) => o.regionCode.slice(0, 2)))].sort()
    return c.json({
      object: 'matching_config' as const,
      version: config.version,
      pilot_region_prefixes: pilot ?? null,
      provinces: codes.map((code) => {
        const rules = rulesForProvince(config, code)
        return {
          code,
          name: lookupRegion(`${code}0000`)?.name ?? code,
          tiers: rules.tiers,
          promote_platform_unions: rules.promotePlatformUnions,
          own_rules: config.provinces[code] !== undefined,
          in_pilot: !pilot || pilot.some((p) => p.startsWith(code) || code.startsWith(p)),
        }
      }),
    })
  })
}
