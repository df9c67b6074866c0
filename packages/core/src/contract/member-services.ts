/** Member services (关爱基金, 意外伤害险, 司机之家 …) by region and membership. */
import * as z from 'zod/mini'
import { listOf, prefixedId } from './common'

export const SERVICE_KINDS = ['care_fund', 'accident_mutual_aid', 'health_check', 'legal_aid', 'female_driver_care', 'driver_home', 'hardship_relief', 'welcome_pack'] as const

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
})

export const memberServiceQuery = z.object({
  region: z.optional(z.string().check(z.regex(/^\d{6}$/))),
  membership: z.optional(z.enum(['member', 'non_member'])),
})

export const memberServiceList = listOf(memberService)

export type MemberService = z.infer<typeof memberService>
