/**
 * What every reviewer route accepts, as schemas (issue #19, finding 10), checked before the domain
 * sees it, as the public API's are: the wrong type, a repeated query parameter or a value out of
 * range is a 400 naming the field, never a 500; `limit` is a whole number in range; unknown
 * fields are ignored. The domain keeps its own checks of meaning (a real organisation, a real day).
 */
import * as z from 'zod/mini'
import { APPLICATION_STATUSES } from '@ruhui/core'
import { INFO_FIELDS, UPLOAD_PURPOSES } from '@ruhui/core/contract'
import { Refusal } from '../domain/context'

const text = (max: number) => z.string().check(z.maxLength(max))
const limit = (max: number) => z.string().check(z.regex(new RegExp(`^(?:[1-9]\\d{0,${String(max).length - 1}})$`)), z.refine((v) => Number(v) <= max, { message: `1–${max}` }))
const regionPrefix = z.string().check(z.regex(/^\d{2,9}$/))
const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))
const id = z.string().check(z.regex(/^[\w-]{1,64}$/))

export const QUERY = {
  queue: z.object({ status: z.optional(z.enum(APPLICATION_STATUSES)), limit: z.optional(limit(200)), region_prefix: z.optional(regionPrefix), platform_id: z.optional(id) }),
  detail: z.object({ reveal: z.optional(z.enum(['true', 'false'])) }),
  transfers: z.object({ status: z.optional(z.string().check(z.regex(/^[a-z_]{1,30}$/))) }),
  leaveRequests: z.object({}),
  members: z.object({ name_last: z.optional(text(4)), id_last4: z.optional(text(4)), mobile_last4: z.optional(text(4)), card_number: z.optional(text(40)) }),
  organisations: z.object({ q: z.optional(text(100)), region_prefix: z.optional(regionPrefix), limit: z.optional(limit(500)) }),
  audit: z.object({ action: z.optional(z.string().check(z.regex(/^[a-z_]{1,40}$/))), limit: z.optional(limit(1000)) }),
  range: z.object({ from: z.optional(date), to: z.optional(date), region_prefix: z.optional(z.string().check(z.regex(/^\d{2,6}$/))) }),
  stats: z.object({ from: z.optional(date), to: z.optional(date), region_prefix: z.optional(z.string().check(z.regex(/^\d{2,6}$/))), threshold: z.optional(z.string().check(z.regex(/^[1-9]\d{0,4}$/))) }),
  none: z.object({}),
}

export const BODY = {
  signIn: z.object({ login: text(64), password: text(256) }),
  // request_info names what is needed (issue #16): fields from the fixed list and/or photos, with the reason as the message.
  act: z.object({ reason: z.optional(text(500)), org_id: z.optional(id), fields: z.optional(z.array(z.enum(INFO_FIELDS)).check(z.maxLength(INFO_FIELDS.length))), documents: z.optional(z.array(z.enum(UPLOAD_PURPOSES)).check(z.maxLength(UPLOAD_PURPOSES.length))) }),
  /** 保留会籍, restore, 开除会籍 (its reason required by the domain), deciding a request to leave (issue #16). */
  memberAction: z.object({ reason: z.optional(text(500)) }),
  /** Approve many at once (a mass-joining event): at most 100 ids, each answered on its own. */
  batchApprove: z.object({ application_ids: z.array(id).check(z.minLength(1), z.maxLength(100)) }),
  memberStatus: z.object({ status: z.enum(['active', 'retained', 'withdrawn']), reason: z.optional(text(500)) }),
  none: z.object({}),
  platform: z.object({
    name: text(100),
    webhook_url: z.optional(z.union([z.literal(''), text(500)])),
    uscc: z.optional(z.union([z.literal(''), text(18)])),
    allowed_origins: z.optional(z.array(text(200)).check(z.maxLength(20))),
    return_urls: z.optional(z.array(text(2048)).check(z.maxLength(20))),
  }),
  /** A platform's web registrations (issue #14): origins that may frame /join and call from a browser; return URLs. */
  platformWeb: z.object({ allowed_origins: z.array(text(200)).check(z.maxLength(20)), return_urls: z.array(text(2048)).check(z.maxLength(20)) }),
  roll: z.object({ what: z.optional(z.enum(['secret_key', 'webhook_secret'])), expires_in_hours: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(720))) }),
  // region_prefixes: the regions (province, prefecture or county codes) the partner may receive (issue #13); none: nothing.
  partner: z.object({ name: text(100), kind: z.optional(z.enum(['transport_department', 'industry_association'])), region_prefixes: z.optional(z.array(z.string().check(z.regex(/^\d{2}(?:\d{2}){0,2}$/))).check(z.maxLength(50))) }),
  service: z.object({
    kind: z.optional(z.string()),
    name: z.optional(z.string()),
    summary: z.optional(z.string()),
    provider_org_id: z.optional(z.string()),
    region_prefixes: z.optional(z.array(z.string())),
    url: z.optional(z.nullable(z.string())),
    location: z.optional(z.nullable(z.object({ lat: z.number(), lng: z.number(), address: z.string() }))),
    members_only: z.optional(z.boolean()),
    active: z.optional(z.boolean()),
  }),
  org: z.record(z.string(), z.unknown()),
}

/** The first problem as a refusal: the field's path, in Chinese (and English). */
function refuse(error: z.core.$ZodError, where: 'query' | 'body'): never {
  const first = error.issues[0]
  const param = first?.path.join('.') ?? ''
  const missing = first?.code === 'invalid_type' && first.input === undefined
  throw new Refusal(missing ? 'parameter_missing' : 'parameter_invalid', { param, message: `${where === 'query' ? '查询参数' : '请求字段'} ${param || '(整体)'} ${missing ? '缺失' : '格式不正确'}`, en: `${where === 'query' ? 'Query parameter' : 'Field'} ${param || '(whole)'} is ${missing ? 'missing' : 'not valid'}` })
}

/** A query checked: a parameter given twice is refused (not silently the first one). */
export function checkQuery<S extends z.ZodMiniType>(schema: S, url: string): z.infer<S> {
  const params = new URL(url).searchParams
  const q: Record<string, string> = {}
  for (const [k, v] of params) {
    if (k in q) throw new Refusal('parameter_invalid', { param: k, message: `查询参数 ${k} 只能出现一次`, en: `Query parameter ${k} may appear once` })
    q[k] = v
  }
  const r = z.safeParse(schema, q)
  if (!r.success) refuse(r.error, 'query')
  return r.data
}

export function checkBody<S extends z.ZodMiniType>(schema: S, body: unknown): z.infer<S> {
  const r = z.safeParse(schema, body)
  if (!r.success) refuse(r.error, 'body')
  return r.data
}
