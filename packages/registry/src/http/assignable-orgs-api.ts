/**
 * The unions a reviewer may assign an `awaiting_assignment` application to, searched as the
 * reviewer types (issue #12): grassroots, active, accepting online joining, in the reviewer's
 * subtree; found by name, id or region in words. `near` (a region code, e.g. the applicant's
 * county) ranks the unions closest to it first. The assign action still checks the choice itself.
 */
import type { Context, Hono } from 'hono'
import * as z from 'zod/mini'
import type { UnionOrg } from '@ruhui/core/matching'
import { lookupRegion } from '@ruhui/core/regions'
import { townshipsOf } from '@ruhui/core/townships'
import { type Caller, Refusal, type RegistryContext } from '../domain/context'
import { reviewerScope } from '../domain/scope'
import { checkQuery } from './review-schemas'

type Vars = { Variables: { requestId: string; caller: Caller } }

const QUERY = z.object({
  q: z.optional(z.string().check(z.maxLength(100))),
  near: z.optional(z.string().check(z.regex(/^\d{2,9}$/))),
  limit: z.optional(z.string().check(z.regex(/^(?:[1-9]\d?)$/), z.refine((v) => Number(v) <= 50, { message: '1–50' }))),
})

/** '安徽省 宿州市 砀山县 砀城镇': the seat's full name and, for a township's union, the township. */
function regionWords(o: UnionOrg): string {
  const county = lookupRegion(o.regionCode)?.fullName ?? o.regionCode
  const township = o.townshipCode ? townshipsOf(o.regionCode).find((t) => t.code === o.townshipCode)?.name : undefined
  return township ? `${county} ${township}` : county
}

const sharedPrefix = (a: string, b: string) => {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

export function mountAssignableOrgsApi(app: Hono<Vars>, ctx: RegistryContext) {
  app.get('/v1/review/assignable-organisations', (c: Context<Vars>) => {
    const caller = c.get('caller')
    if (caller.kind !== 'reviewer') throw new Refusal(caller.kind === 'none' ? 'invalid_api_key' : 'forbidden', { message: '此操作需要审核员账号' })
    const q = checkQuery(QUERY, c.req.url)
    const words = (q.q ?? '').trim()
    const limit = Number(q.limit ?? 20)
    const scope = reviewerScope(ctx, caller)
    const found = ctx
      .directory()
      .orgs.filter((o) => o.isGrassroots && o.acceptsOnline && o.status === 'active' && scope.has(o.id))
      .map((o) => ({ o, region: regionWords(o) }))
      .filter(({ o, region }) => !words || o.name.includes(words) || o.id.includes(words) || region.includes(words))
      .map((f) => ({ ...f, closeness: q.near ? sharedPrefix(q.near, f.o.townshipCode ?? f.o.regionCode) : 0 }))
      .sort((a, b) => b.closeness - a.closeness || (a.o.townshipCode ?? a.o.regionCode).localeCompare(b.o.townshipCode ?? b.o.regionCode) || a.o.id.localeCompare(b.o.id))
    return c.json({
      object: 'list' as const,
      data: found.slice(0, limit).map(({ o, region }) => ({ id: o.id, name: o.name, type: o.type, region_code: o.regionCode, township_code: o.townshipCode ?? null, region_name: region })),
      has_more: found.length > limit,
    })
  })
}
