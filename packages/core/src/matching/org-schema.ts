/** Boundary validation of directory entries (zod/mini, small enough for the mini-program). */
import * as z from 'zod/mini'
import { ORG_LEVELS, ORG_STATUSES, ORG_TYPES } from './org'

const digits = (n: number | string) => z.string().check(z.regex(new RegExp(`^\\d{${n}}$`)))
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max))
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))
const regionPrefix = z.string().check(z.regex(/^(?:\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/))
const identifier = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/))

export const orgSchema = z.strictObject({
  id: z.string().check(z.regex(/^org_[A-Za-z0-9_]{1,60}$/)),
  name: text(100),
  type: z.enum(ORG_TYPES),
  level: z.enum(ORG_LEVELS),
  isGrassroots: z.boolean(),
  uscc: z.optional(z.string()),
  regionCode: digits(6),
  townshipCode: z.optional(digits(9)),
  villageCode: z.optional(digits(12)),
  coverage: z.strictObject({
    regionPrefixes: z.array(regionPrefix).check(z.maxLength(500)),
    platformIds: z.optional(z.array(identifier).check(z.maxLength(100))),
    parkIds: z.optional(z.array(identifier).check(z.maxLength(100))),
    employerUsccs: z.optional(z.array(z.string()).check(z.maxLength(1000))),
  }),
  reliesOnEnterpriseUscc: z.optional(z.string()),
  takesAffiliatedDrivers: z.optional(z.boolean()),
  registeredAt: z.optional(z.string().check(z.maxLength(40))),
  contact: z.optional(
    z.strictObject({
      phone: z.optional(z.string().check(z.regex(/^[0-9+\-() ]{3,30}$/))),
      address: z.optional(text(200)),
      hours: z.optional(text(100)),
    }),
  ),
  parentId: z.optional(z.string()),
  acceptsOnline: z.boolean(),
  status: z.enum(ORG_STATUSES),
  duesPolicy: z.optional(
    z.strictObject({
      mode: z.enum(['none', 'fixed', 'percent_of_declared_income']),
      amountFen: z.optional(z.number().check(z.int(), z.nonnegative())),
      rateBp: z.optional(z.number().check(z.int(), z.nonnegative(), z.lte(10_000))),
    }),
  ),
  validFrom: z.optional(isoDate),
  validTo: z.optional(isoDate),
})

export const parkSchema = z.strictObject({
  id: identifier,
  name: text(100),
  county: digits(6),
})
