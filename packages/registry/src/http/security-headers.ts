/**
 * Security headers, per path (issue #19, finding 6): the console and the API may not be framed,
 * sniffed or leak their address in a Referer. A hosted join page (/join, later) will bring its own
 * policy: add its prefix to POLICIES before the default.
 */
import type { MiddlewareHandler } from 'hono'

type Policy = Record<string, string>

const COMMON: Policy = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' }

/** The console: its own scripts and styles (antd puts styles inline), data from its own API. */
const CONSOLE: Policy = {
  ...COMMON,
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
}

/** The API and everything else: JSON and files, nothing to run. */
const API: Policy = { ...COMMON, 'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'" }

/** First prefix that matches wins. */
const POLICIES: Array<[prefix: string, policy: Policy | null]> = [
  ['/console', CONSOLE],
  // The hosted join page sets its own policy (frame-ancestors per platform): http/hosted-page.ts.
  ['/join', null],
  // The card-check page asks for the camera: its own policy, http/verify-page.ts (issue #16).
  ['/verify', null],
  // The driver app of the demo (config.appDir, served at /) is a page of its own: no CSP of ours.
  ['/v1/', API],
  ['/openapi.json', API],
  ['/health', API],
]

export function securityHeaders(options: { appAtRoot: boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const path = c.req.path
    const hit = POLICIES.find(([prefix]) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`))
    // null: the path sets its own headers (nothing of ours overrides them).
    const policy = hit ? hit[1] : options.appAtRoot ? COMMON : API
    if (!policy) return
    for (const [name, value] of Object.entries(policy)) c.res.headers.set(name, value)
  }
}
