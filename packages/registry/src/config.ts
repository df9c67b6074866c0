/** Registry configuration, from flags and the environment. */
import { resolve } from 'node:path'
import type { MatchingConfig } from '@ruhui/core/matching'
import { DEFAULT_MATCHING_CONFIG } from '@ruhui/core/matching'
import { loadMatchingConfig } from './matching-config'
import { type PublishableText, builtInTexts, loadConsentTexts } from './consent-texts-config'
import { type SmsConfig, smsConfigFrom } from './notify/sms-config'
import { type WorkCalendar, workCalendarFrom } from './domain/working-days'

export interface RegistryConfig {
  port: number
  host: string
  dataDir: string
  /** PostgreSQL when set; embedded SQLite under dataDir otherwise. */
  databaseUrl?: string
  matching: MatchingConfig
  /** Join-token lifetime. */
  tokenTtlMs: number
  /** A transfer not released/accepted in time is refused (DOMAIN.md §7.2). */
  transferTimeoutMs: number
  /** Requests per second per credential (a token bucket of twice that). */
  rateLimitPerSecond: { secretKey: number; joinToken: number; reviewer: number; /** Card checks per client address (GET /v1/cards/verify, no credential, issue #16). @default 5 */ cardVerify?: number }
  /** Webhook delivery: first retry after this, doubling, capped; given up after maxAttempts. */
  webhook: { baseDelayMs: number; maxDelayMs: number; maxAttempts: number; timeoutMs: number; pollMs: number }
  /** Body size limit. */
  maxBodyBytes: number
  /**
   * A driver app's h5 build to serve at `/` (the demo serves the example driver app from the
   * registry's own origin, so the app needs no CORS). Unset in production: the platform hosts its app.
   */
  appDir?: string
  /** A grassroots union with at least this many driver members is flagged for a social union worker. */
  socialWorkerThreshold: number
  /** On stop, requests still running get this long to finish before their connections are cut. */
  shutdownGraceMs: number
  /**
   * Where drivers reach the registry (`RUHUI_PUBLIC_URL`, e.g. https://ruhui.example.org): the base of
   * a session's `hosted_url`. Unset: where it listens (set when the server starts listening).
   */
  publicUrl?: string
  /** Issue #13: the consent texts and the charter declaration to publish (built-in, or newer versions from a file). */
  consentTexts: PublishableText[]
  /** Issue #13: how long a superseded text stays accepted after a newer version is published. */
  consentGraceMs: number
  /** Issue #13: distinct ID numbers one join session may submit (no membership oracle). */
  maxIdNumbersPerSession: number
  /** Issue #13: a refused or withdrawn application's personal data is deleted this long after the decision (`RUHUI_PURGE_AFTER_DAYS`, 30). */
  purgeAfterMs: number
  /** How often the worker looks for what to delete (`RUHUI_PURGE_EVERY_MS`, an hour). */
  purgeEveryMs: number
  /** Issue #13: who runs the registry (`RUHUI_OPERATOR`, e.g. 江苏省总工会), named in the consent texts' `{operator}`. */
  operator?: string
  /** SMS to drivers about decisions (`RUHUI_SMS_URL`, `RUHUI_SMS_TOKEN`); none sent when unset (issue #16). */
  sms?: SmsConfig
  /** Write batches in flight at once on PostgreSQL (`RUHUI_WRITE_CONCURRENCY`; SQLite has one writer). */
  writeConcurrency: number
  /** How long a write batch waits for others to join it (`RUHUI_GROUP_COMMIT_MS`). */
  groupCommitMs: number
  /** Public holidays and make-up working days for the review queue's five-working-day highlight (`RUHUI_HOLIDAYS`, `RUHUI_WORKDAYS`). */
  workCalendar: WorkCalendar
}

/** A setting with a value that cannot be used: the start stops (exit 2) naming the variable. */
export class ConfigValueError extends Error {}

/**
 * A numeric setting: unset (or blank) gives the default; anything else must be a finite number of at
 * least `min` (a whole one when `integer`) — never NaN, which would silently switch a limit off.
 */
function numberSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, rule: { min?: number; integer?: boolean } = {}): number {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const min = rule.min ?? 0
  const n = Number(raw.trim())
  if (!Number.isFinite(n) || n < min || (rule.integer && !Number.isInteger(n))) {
    throw new ConfigValueError(`${name} should be ${rule.integer ? 'a whole number' : 'a number'} of at least ${min}, got ${JSON.stringify(raw.slice(0, 100))}`)
  }
  return n
}

/** A setting read by another module (sms-config, working-days) that throws on a bad value: the same exit 2. */
function checked<T>(read: () => T): T {
  try {
    return read()
  } catch (e) {
    throw new ConfigValueError((e as Error).message)
  }
}

/** Throws `MatchingConfigError` (or `ConsentTextsError`) when the matching configuration (or consent-texts) file has mistakes. */
export function configFrom(env: NodeJS.ProcessEnv, flags: Partial<Pick<RegistryConfig, 'port' | 'host' | 'dataDir' | 'appDir'>> & { matchingConfig?: string; consentTexts?: string } = {}): RegistryConfig {
  const matchingFile = flags.matchingConfig ?? env.RUHUI_MATCHING_CONFIG
  const consentTextsFile = flags.consentTexts ?? env.RUHUI_CONSENT_TEXTS
  const config: RegistryConfig = {
    port: flags.port ?? numberSetting(env, 'PORT', 8787, { integer: true }),
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    dataDir: flags.dataDir ?? env.RUHUI_DATA_DIR ?? './data',
    matching: matchingFile ? loadMatchingConfig(matchingFile) : DEFAULT_MATCHING_CONFIG,
    tokenTtlMs: numberSetting(env, 'RUHUI_TOKEN_TTL_MS', 30 * 60_000, { min: 1 }),
    transferTimeoutMs: numberSetting(env, 'RUHUI_TRANSFER_TIMEOUT_MS', 30 * 86_400_000, { min: 1 }),
    rateLimitPerSecond: {
      secretKey: numberSetting(env, 'RUHUI_RATE_LIMIT_SECRET', 2000, { min: 1 }),
      joinToken: numberSetting(env, 'RUHUI_RATE_LIMIT_TOKEN', 20, { min: 1 }),
      reviewer: numberSetting(env, 'RUHUI_RATE_LIMIT_REVIEWER', 200, { min: 1 }),
      cardVerify: numberSetting(env, 'RUHUI_RATE_LIMIT_CARD_VERIFY', 5, { min: 1 }),
    },
    webhook: {
      baseDelayMs: numberSetting(env, 'RUHUI_WEBHOOK_BASE_DELAY_MS', 1000),
      maxDelayMs: 3_600_000,
      maxAttempts: numberSetting(env, 'RUHUI_WEBHOOK_MAX_ATTEMPTS', 12, { min: 1, integer: true }),
      timeoutMs: 10_000,
      pollMs: numberSetting(env, 'RUHUI_WEBHOOK_POLL_MS', 500, { min: 1 }),
    },
    maxBodyBytes: 64 * 1024,
    socialWorkerThreshold: numberSetting(env, 'RUHUI_SOCIAL_WORKER_THRESHOLD', 50),
    shutdownGraceMs: numberSetting(env, 'RUHUI_SHUTDOWN_GRACE_MS', 5000),
    workCalendar: checked(() => workCalendarFrom(env)),
    consentTexts: consentTextsFile ? loadConsentTexts(consentTextsFile) : builtInTexts(),
    consentGraceMs: numberSetting(env, 'RUHUI_CONSENT_GRACE_DAYS', 30) * 86_400_000,
    maxIdNumbersPerSession: numberSetting(env, 'RUHUI_MAX_ID_NUMBERS_PER_SESSION', 3, { min: 1, integer: true }),
    purgeAfterMs: numberSetting(env, 'RUHUI_PURGE_AFTER_DAYS', 30) * 86_400_000,
    purgeEveryMs: numberSetting(env, 'RUHUI_PURGE_EVERY_MS', 3_600_000, { min: 1 }),
    writeConcurrency: numberSetting(env, 'RUHUI_WRITE_CONCURRENCY', 4, { min: 1, integer: true }),
    groupCommitMs: numberSetting(env, 'RUHUI_GROUP_COMMIT_MS', 4),
  }
  if (env.DATABASE_URL) config.databaseUrl = env.DATABASE_URL
  if (env.RUHUI_OPERATOR?.trim()) config.operator = env.RUHUI_OPERATOR.trim()
  const sms = checked(() => smsConfigFrom(env))
  if (sms) config.sms = sms
  if (env.RUHUI_PUBLIC_URL) config.publicUrl = env.RUHUI_PUBLIC_URL.replace(/\/+$/, '')
  const appDir = flags.appDir ?? env.RUHUI_APP_DIR
  if (appDir) config.appDir = resolve(appDir)
  return config
}
