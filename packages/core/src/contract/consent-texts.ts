/** The published texts a driver agrees to (the consents and the charter declaration), and the charter record of a submission. */
import * as z from 'zod/mini'
import { CONSENT_KINDS, CONSENT_TEXT_KINDS, WITHDRAWABLE_CONSENT_KINDS } from '../enums'
import { timestamp } from './common'

export const textHash = z.string().check(z.regex(/^[0-9a-f]{64}$/))

export const consentText = z.object({
  object: z.literal('consent_text'),
  kind: z.enum(CONSENT_TEXT_KINDS),
  text_version: z.string(),
  /** SHA-256 (hex) of the UTF-8 body exactly as here, placeholders `{org_name}`, `{operator}`, `{dues_policy}` unfilled. */
  text_hash: z.string(),
  /** zh-CN. */
  title: z.string(),
  /** zh-CN, placeholders unfilled. */
  body: z.string(),
  published_at: timestamp,
})

/** The current version of each kind. */
export const consentTextList = z.object({
  object: z.literal('list'),
  data: z.array(consentText),
  /** Who runs the registry, for the texts' `{operator}` (e.g. '江苏省总工会'), when the registry is told (`RUHUI_OPERATOR`). */
  operator: z.optional(z.string()),
})

/** The driver's declaration 承认《中国工会章程》…, as shown (its own step). */
export const charterRecord = z.object({
  text_version: z.string().check(z.minLength(1), z.maxLength(32)),
  /** SHA-256 of the published charter text, hex. */
  text_hash: textHash,
  accepted_at: z.string().check(z.minLength(1), z.maxLength(40)),
})

/** A consent the driver may withdraw at any time without leaving the union. */
export const consentWithdrawal = z.object({ kind: z.enum(WITHDRAWABLE_CONSENT_KINDS) })

/** What the driver has agreed to, and what they withdrew (and when). */
export const consentState = z.object({
  object: z.literal('consent_state'),
  application_id: z.string(),
  consents: z.array(
    z.object({
      kind: z.enum(CONSENT_KINDS),
      text_version: z.string(),
      granted_at: z.string(),
      /** When the driver withdrew it (optional consents only); null while it stands. */
      withdrawn_at: z.nullable(timestamp),
    }),
  ),
  charter: z.nullable(z.object({ text_version: z.string(), accepted_at: z.string() })),
})

export type ConsentTextWire = z.infer<typeof consentText>
export type CharterRecord = z.infer<typeof charterRecord>
export type ConsentWithdrawal = z.infer<typeof consentWithdrawal>
export type ConsentState = z.infer<typeof consentState>
