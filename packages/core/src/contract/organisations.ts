/** Organisations: matching for the session's driver, and search. */
import * as z from 'zod/mini'
import { DOCUMENT_KINDS, MATCH_STATUSES, ORG_LEVELS, ORG_TYPES, TIER_IDS } from '../enums'
import { baseRegion, employmentForm, listOf, reason } from './common'


export const matchRequest = z.object({
  employment_form: employmentForm,
  base_region: baseRegion,
  employer_uscc: z.optional(z.string().check(z.maxLength(64))),
  home_park_id: z.optional(z.string().check(z.maxLength(64))),
  /** For the age rules; derived from the ID number on the device, the number itself is not sent. */
  age: z.optional(z.number().check(z.int(), z.gte(0), z.lte(150))),
  document_kind: z.optional(z.enum(DOCUMENT_KINDS)),
})

/** How a driver reaches a union: shown with the result, and when a union must be assigned (请按下面的说明联系工会). */
export const orgContact = z.object({ phone: z.optional(z.string()), address: z.optional(z.string()), hours: z.optional(z.string()) })

/** A union's dues, for the charter declaration (duesPolicyWords puts it in words): fixed fen a month, or basis points of declared income. */
export const duesPolicyWire = z.object({ mode: z.enum(['none', 'fixed', 'percent_of_declared_income']), amount_fen: z.optional(z.number()), rate_bp: z.optional(z.number()) })

const orgRef = z.object({
  org_id: z.string(),
  name: z.string(),
  type: z.enum(ORG_TYPES),
  level: z.enum(ORG_LEVELS),
  contact: z.nullable(orgContact),
  /** Its type in words ('道路货运行业工会联合会'), in the request's language. */
  type_words: z.optional(z.string()),
  /** Whom it serves, in words, in the request's language. */
  serves: z.optional(z.string()),
  /** The area it covers, in words ('南京市江宁区'), so that candidates can be told apart. */
  covers: z.optional(z.string()),
  dues_policy: z.optional(duesPolicyWire),
})

export const organisationMatch = z.object({
  object: z.literal('organisation_match'),
  status: z.enum(MATCH_STATUSES),
  config_version: z.string(),
  tier: z.nullable(z.enum(TIER_IDS)),
  candidates: z.array(
    z.object({
      ...orgRef.shape,
      tier: z.enum(TIER_IDS),
      rank: z.number(),
      reasons: z.array(reason),
      /** The first candidate only: why it is the one recommended (closest coverage, preferred type, longest standing, the only one). */
      recommended_because: z.optional(reason),
    }),
  ),
  assigner: z.nullable(orgRef),
  reasons: z.array(reason),
})

export const organisation = z.object({
  id: z.string(),
  object: z.literal('organisation'),
  name: z.string(),
  type: z.enum(ORG_TYPES),
  level: z.enum(ORG_LEVELS),
  region_code: z.string(),
  accepts_online: z.boolean(),
  contact: z.nullable(orgContact),
})

/** A logistics park (物流园区), for the flow's optional question: where do you mostly load or unload? */
export const park = z.object({ id: z.string(), object: z.literal('park'), name: z.string(), county: z.string() })
export const parkList = listOf(park)
export const parkListQuery = z.object({ county: z.string().check(z.regex(/^\d{6}$/)) })

export const organisationSearchQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(50))),
  region_prefix: z.optional(z.string().check(z.regex(/^\d{2,12}$/))),
  limit: z.optional(z.string().check(z.regex(/^(?:[1-9]|[1-9]\d|100)$/))),
})

export const organisationList = listOf(organisation)

export type MatchRequest = z.infer<typeof matchRequest>
export type OrganisationMatch = z.infer<typeof organisationMatch>
export type Organisation = z.infer<typeof organisation>
export type OrgContactWire = z.infer<typeof orgContact>
export type DuesPolicyWire = z.infer<typeof duesPolicyWire>
export type Park = z.infer<typeof park>
