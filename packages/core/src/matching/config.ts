/**
 * Matching configuration as data (DOMAIN.md §7.6): tier order, pilot regions, platform
 * promotion and manual-review rules, per province (因地制宜). Every match result
 * carries the version of the configuration it was made with.
 */
import * as z from 'zod/mini'
import { unwrapCheck } from '../errors'
import { type Check, fail, ok } from '../issues'
import { fromZodIssue } from '../zod-issues'

export { TIER_IDS } from '../enums'
export type { TierId } from '../enums'
import { TIER_IDS, type TierId } from '../enums'

export interface ManualReviewRules {
  /** 16–17-year-olds. @default true */
  minors: boolean
  /** HK/Macao/Taiwan residence-permit and foreign permanent-residence card holders. @default true */
  permitHolders: boolean
  /** Owner-operators who employ other drivers (unions represent workers). @default true */
  ownerOperatorEmployers: boolean
  /** Employment form 'other'. @default true */
  otherEmployment: boolean
}

export interface ProvinceRules {
  tiers: TierId[]
  /** Move the platform tier up to just after the employer tier (the 2025 push for direct absorption). */
  promotePlatformUnions: boolean
  manualReview: ManualReviewRules
  /** Working-age floor. @default 16 */
  minAge: number
}

export interface MatchingConfig extends ProvinceRules {
  /** Stamped on every result, e.g. '2021-pilot.1'. */
  version: string
  /** Outside these prefixes the result is `not_in_pilot`; absent means everywhere. */
  pilotRegionPrefixes?: string[]
  /** Per-province overrides by 2-digit code. */
  provinces: Record<string, Partial<ProvinceRules>>
  /** How many candidates of the winning tier to return. @default 5 */
  maxCandidates: number
}

export type MatchingConfigInput = Partial<Omit<MatchingConfig, 'manualReview' | 'provinces'>> & {
  version: string
  manualReview?: Partial<ManualReviewRules>
  provinces?: Record<string, Partial<Omit<ProvinceRules, 'manualReview'>> & { manualReview?: Partial<ManualReviewRules> }>
}

const DEFAULT_MANUAL_REVIEW: ManualReviewRules = { minors: true, permitHolders: true, ownerOperatorEmployers: true, otherEmployment: true }

const tiersSchema = z.array(z.enum(TIER_IDS)).check(
  z.minLength(1),
  z.refine((tiers) => new Set(tiers).size === tiers.length, { params: { code: 'duplicate_tier' } }),
)
const manualReviewSchema = z.strictObject({
  minors: z.optional(z.boolean()),
  permitHolders: z.optional(z.boolean()),
  ownerOperatorEmployers: z.optional(z.boolean()),
  otherEmployment: z.optional(z.boolean()),
})
const provinceSchema = z.strictObject({
  tiers: z.optional(tiersSchema),
  promotePlatformUnions: z.optional(z.boolean()),
  manualReview: z.optional(manualReviewSchema),
  minAge: z.optional(z.number().check(z.int(), z.gte(14), z.lte(18))),
})
const configSchema = z.strictObject({
  version: z.string().check(z.minLength(1), z.maxLength(64)),
  tiers: z.optional(tiersSchema),
  promotePlatformUnions: z.optional(z.boolean()),
  manualReview: z.optional(manualReviewSchema),
  minAge: z.optional(z.number().check(z.int(), z.gte(14), z.lte(18))),
  pilotRegionPrefixes: z.optional(z.array(z.string().check(z.regex(/^\d{2}(?:\d{2}){0,2}$/))).check(z.minLength(1))),
  provinces: z.optional(z.record(z.string().check(z.regex(/^\d{2}$/)), provinceSchema)),
  maxCandidates: z.optional(z.number().check(z.int(), z.gte(1), z.lte(50))),
})

/** Validate a configuration and fill in defaults. Never throws. */
export function checkMatchingConfig(input: unknown): Check<MatchingConfig> {
  const parsed = configSchema.safeParse(input, { reportInput: true })
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((zi) => {
        const duplicate = zi.code === 'custom' && (zi as { params?: { code?: string } }).params?.code === 'duplicate_tier'
        return duplicate ? { code: 'duplicate_tier', path: zi.path.map(String) } : fromZodIssue(zi, [])
      }),
    )
  }
  const c = parsed.data
  const config: MatchingConfig = {
    version: c.version,
    tiers: c.tiers ?? [...TIER_IDS],
    promotePlatformUnions: c.promotePlatformUnions ?? false,
    manualReview: { ...DEFAULT_MANUAL_REVIEW, ...stripUndefined(c.manualReview ?? {}) },
    minAge: c.minAge ?? 16,
    provinces: {},
    maxCandidates: c.maxCandidates ?? 5,
  }
  if (c.pilotRegionPrefixes !== undefined) config.pilotRegionPrefixes = c.pilotRegionPrefixes
  for (const [code, p] of Object.entries(c.provinces ?? {})) {
    const rules: Partial<ProvinceRules> = stripUndefined({ tiers: p.tiers, promotePlatformUnions: p.promotePlatformUnions, minAge: p.minAge })
    if (p.manualReview !== undefined) rules.manualReview = { ...config.manualReview, ...stripUndefined(p.manualReview) }
    config.provinces[code] = rules
  }
  return ok(config)
}

/** A validated configuration with defaults, or throws `ValidationError`. */
export function defineMatchingConfig(input: MatchingConfigInput): MatchingConfig {
  return unwrapCheck(checkMatchingConfig(input))
}

/** The rules in force for one province, with the platform promotion applied to the tier order. */
export function rulesForProvince(config: MatchingConfig, province: string): ProvinceRules {
  const own = config.provinces[province] ?? {}
  const rules: ProvinceRules = {
    tiers: own.tiers ?? config.tiers,
    promotePlatformUnions: own.promotePlatformUnions ?? config.promotePlatformUnions,
    manualReview: own.manualReview ?? config.manualReview,
    minAge: own.minAge ?? config.minAge,
  }
  if (rules.promotePlatformUnions && rules.tiers.includes('platform')) {
    const rest = rules.tiers.filter((t) => t !== 'platform')
    const at = rest[0] === 'enterprise' ? 1 : 0
    rules.tiers = [...rest.slice(0, at), 'platform', ...rest.slice(at)]
  }
  return rules
}

/** The default: DOMAIN.md's tier order, everywhere, version 'default.1'. */
export const DEFAULT_MATCHING_CONFIG: MatchingConfig = Object.freeze({
  version: 'default.1',
  tiers: [...TIER_IDS],
  promotePlatformUnions: false,
  manualReview: DEFAULT_MANUAL_REVIEW,
  minAge: 16,
  provinces: {},
  maxCandidates: 5,
})

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> }
}
