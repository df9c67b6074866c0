/**
 * The SMS provider's settings, from the environment: `RUHUI_SMS_URL` (where to POST a message;
 * without it no SMS is sent) and `RUHUI_SMS_TOKEN` (sent as `Authorization: Bearer …`).
 */
export interface SmsConfig {
  /** The provider adapter's endpoint (http or https). */
  url: string
  /** The bearer secret the provider checks; none if the endpoint needs none (a gateway inside the network). */
  token?: string
  timeoutMs: number
  /** Tries before a message is given up (network errors, 408, 429 and 5xx are tried again). */
  maxAttempts: number
}

/** Undefined when `RUHUI_SMS_URL` is not set; throws when it is set to something that is not an http(s) URL. */
export function smsConfigFrom(env: NodeJS.ProcessEnv): SmsConfig | undefined {
  const url = env.RUHUI_SMS_URL?.trim()
  if (!url) return undefined
  let parsed: URL | undefined
  try {
    parsed = new URL(url)
  } catch {
    parsed = undefined
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol)) throw new Error(`RUHUI_SMS_URL should be an http(s) URL, got ${JSON.stringify(url.slice(0, 100))}`)
  const config: SmsConfig = { url, timeoutMs: positive(env, 'RUHUI_SMS_TIMEOUT_MS', 10_000), maxAttempts: positive(env, 'RUHUI_SMS_MAX_ATTEMPTS', 8) }
  if (env.RUHUI_SMS_TOKEN) config.token = env.RUHUI_SMS_TOKEN
  return config
}

/** A positive number, or the default when unset; throws naming the variable otherwise (never NaN). */
function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} should be a positive number, got ${JSON.stringify(raw.slice(0, 100))}`)
  return n
}
