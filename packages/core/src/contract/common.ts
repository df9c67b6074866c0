/** Wire conventions (ARCHITECTURE.md): snake_case, dated API version, +08:00 times, prefixed ids. */
import * as z from 'zod/mini'
import { EMPLOYMENT_FORMS, LOCALES } from '../enums'

/** The API version this SDK speaks, sent as `Ruhui-Version` on every request. */
export const API_VERSION = '2026-11-01'
export const API_VERSION_HEADER = 'Ruhui-Version'

/** ISO-8601 with the China Standard Time offset: '2026-11-28T16:20:00.000+08:00'. */
export const timestamp = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?\+08:00$/))

/** Format a time for the wire: ISO-8601 in China Standard Time (+08:00). */
export function toChinaTime(ms: number): string {
  const d = new Date(ms + 8 * 3600_000)
  return `${d.toISOString().slice(0, 23)}+08:00`
}

export const ID_PREFIXES = {
  joinSession: 'jsess',
  application: 'app',
  organisation: 'org',
  transfer: 'trf',
  event: 'evt',
  request: 'req',
  memberService: 'svc',
  joinToken: 'jt',
  upload: 'upl',
  informationRequest: 'irq',
  leaveRequest: 'lvr',
} as const

export const prefixedId = (prefix: string) => z.string().check(z.regex(new RegExp(`^${prefix}_[A-Za-z0-9_]{1,64}$`)))

export const regionCode6 = z.string().check(z.regex(/^\d{6}$/))
export const baseRegion = z.object({
  county: regionCode6,
  township: z.optional(z.string().check(z.regex(/^\d{9}$/))),
  village: z.optional(z.string().check(z.regex(/^\d{12}$/))),
})

export const employmentForm = z.enum(EMPLOYMENT_FORMS)
export const locale = z.enum(LOCALES)

/** Issue-like reason with its words in the request's locale. */
export const reason = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  message: z.string(),
})

/** A page of a list. */
export const listOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({ object: z.literal('list'), data: z.array(item), has_more: z.boolean(), next_cursor: z.nullable(z.string()) })

export type Reason = z.infer<typeof reason>
export type BaseRegion = z.infer<typeof baseRegion>
