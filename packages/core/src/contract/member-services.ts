/** Member services (关爱基金, 意外伤害险, 司机之家 …) by region and membership. */
import * as z from 'zod/mini'
import { SERVICE_KINDS } from '../enums'
import { listOf, prefixedId } from './common'

export { SERVICE_KINDS }

export const memberService = z.object({
  id: prefixedId('svc'),
  object: z.literal('member_service'),
  kind: z.enum(SERVICE_KINDS),
  name: z.string(),
  summary: z.string(),
  provider_org_id: z.string(),
  region_prefixes: z.array(z.string()),
  /** Only members get it: the visible difference between members and non-members. */
  members_only: z.boolean(),
  url: z.nullable(z.string()),
  location: z.nullable(z.object({ lat: z.number(), lng: z.number(), address: z.string() })),
  /** Metres from `near`, when the query gave a location. */
  distance_m: z.optional(z.number()),
})

export const memberServiceQuery = z.object({
  region: z.optional(z.string().check(z.regex(/^\d{6}$/))),
  membership: z.optional(z.enum(['member', 'non_member'])),
  kind: z.optional(z.enum(SERVICE_KINDS)),
  /** 'lat,lng' (WGS-84): the nearest first, e.g. 司机之家 along the route. */
  near: z.optional(z.string().check(z.regex(/^-?\d{1,2}(?:\.\d{1,7})?,-?\d{1,3}(?:\.\d{1,7})?$/))),
})

export const memberServiceList = listOf(memberService)

export type MemberService = z.infer<typeof memberService>

export type MemberServiceQuery = z.infer<typeof memberServiceQuery>

/** Great-circle distance in metres (haversine; good to a few metres at these distances). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return Math.round(2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h))))
}

/**
 * One rule for the registry and the sandbox: services for a region (by prefix) and kind; with
 * `near`, only those with a location, nearest first, each with its distance. Everyone sees the
 * whole catalogue: members what they have, non-members what joining brings.
 */
export function selectServices(services: readonly MemberService[], query: MemberServiceQuery): MemberService[] {
  let out = services.filter((s) => (query.region === undefined || s.region_prefixes.some((p) => query.region?.startsWith(p))) && (query.kind === undefined || s.kind === query.kind))
  if (query.near) {
    const [lat, lng] = query.near.split(',').map(Number) as [number, number]
    out = out
      .filter((s) => s.location !== null)
      .map((s) => ({ ...s, distance_m: distanceMetres({ lat, lng }, s.location as { lat: number; lng: number }) }))
      .sort((a, b) => (a.distance_m as number) - (b.distance_m as number))
  }
  return out
}
