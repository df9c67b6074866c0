/** Join sessions: the platform's backend mints a short-lived join token for one driver. */
import * as z from 'zod/mini'
import { SESSION_MODES, SESSION_STATUSES, VERIFICATION_METHODS } from '../enums'
import { baseRegion, employmentForm, locale, prefixedId, timestamp } from './common'

/** What the platform already verified, to prefill the form (the driver can still correct it). */
export const sessionPrefill = z.object({
  name: z.optional(z.string().check(z.maxLength(50))),
  mobile: z.optional(z.string().check(z.maxLength(20))),
  id_number: z.optional(z.string().check(z.maxLength(32))),
  employment_form: z.optional(employmentForm),
  base_region: z.optional(baseRegion),
  plate: z.optional(z.string().check(z.maxLength(16))),
  /** The platform's real-name verification of this driver. */
  verified: z.optional(z.object({ method: z.enum(VERIFICATION_METHODS), verified_at: timestamp })),
})

export const joinSessionCreate = z.object({
  /** The driver's id in the platform (opaque to the registry); one open session per platform user. */
  platform_user_id: z.string().check(z.minLength(1), z.maxLength(64)),
  /** What the platform already verified, to prefill the form (the driver can still correct it). */
  prefill: z.optional(sessionPrefill),
  locale: z.optional(locale),
  /**
   * Hosted page only: where the page sends the driver back when the app has no bridge channel
   * (`?ruhui_status=…&session_id=…&reason=…` appended). Must equal one of the platform's
   * registered return URLs, else 400 `return_url_not_allowed`.
   */
  return_url: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
})

export const joinSession = z.object({
  id: prefixedId('jsess'),
  object: z.literal('join_session'),
  platform_id: z.string(),
  platform_user_id: z.string(),
  status: z.enum(SESSION_STATUSES),
  /** Present only when minted (create, refresh): hand it to the driver's app, never log it. */
  join_token: z.optional(z.string().check(z.regex(/^jt_[A-Za-z0-9_]{16,128}$/))),
  expires_at: timestamp,
  created_at: timestamp,
  application_id: z.nullable(prefixedId('app')),
  /**
   * Read with the session's own join token only (issue #16): 'member_centre' when the platform user
   * is linked to a member (active, transferring or retained), or when the union asked for more on an
   * application from this platform user's sessions (answered in the member centre), so the flow opens
   * 我的会籍; else 'join'.
   * Absent on the platform's reads: the platform learns status, not membership.
   */
  mode: z.optional(z.enum(SESSION_MODES)),
  /**
   * Read with the session's own join token only: the `prefill` the platform sent when it created the
   * session (the driver's own data), so a page that has only the token — the hosted /join page —
   * shows it read-only too. Absent when none was sent.
   */
  prefill: z.optional(sessionPrefill),
  locale: locale,
  /** The registered return URL this session was created with (absent when none). */
  return_url: z.optional(z.string()),
  /**
   * With a minted token only: the registry's hosted join page for this session,
   * `<public URL>/join?p=<platform id>#session=jsess_…&token=jt_…` (the token in the fragment never
   * reaches a server log or a Referer). Open it in a WebView or an iframe (docs/hosts/).
   */
  hosted_url: z.optional(z.string()),
})

export type JoinSessionCreate = z.infer<typeof joinSessionCreate>
export type JoinSession = z.infer<typeof joinSession>
