/**
 * A platform's web registrations (issue #14): the origins that may frame the hosted join page and
 * call the API from a browser (CORS), and the return URLs a join session may name. Stored as JSON
 * arrays on the platform; every value is checked and normalised here, for the CLI and the API alike.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** `https://app.example.com` (scheme, host, port; no path). Returns the normalised origin or an error in Chinese. */
export function checkOrigin(input: string): { ok: true; value: string } | { ok: false; message: string } {
  let url: URL
  try {
    url = new URL(input)
  } catch {
    return { ok: false, message: `不是有效的网址：${input}` }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: `来源必须是 http 或 https：${input}` }
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return { ok: false, message: `来源只能包含协议、主机和端口（如 https://app.example.com）：${input}` }
  return { ok: true, value: url.origin }
}

/** An absolute http(s) URL without a fragment (the page appends its query parameters). */
export function checkReturnUrl(input: string): { ok: true; value: string } | { ok: false; message: string } {
  let url: URL
  try {
    url = new URL(input)
  } catch {
    return { ok: false, message: `不是有效的网址：${input}` }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: `返回地址必须是 http 或 https：${input}` }
  if (url.username || url.password || url.hash) return { ok: false, message: `返回地址不能包含用户名、密码或 # 片段：${input}` }
  return { ok: true, value: url.href }
}

export function parseList(json: string | null | undefined): string[] {
  try {
    const v = JSON.parse(json ?? '[]') as unknown
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

/** The platform's registered origins and return URLs (empty for an unknown or disabled platform). */
export async function platformWeb(db: Kysely<Database>, platformId: string): Promise<{ origins: string[]; returnUrls: string[] }> {
  const p = await db.selectFrom('platforms').select(['allowed_origins', 'return_urls', 'revoked_at']).where('id', '=', platformId).executeTakeFirst()
  if (!p || p.revoked_at) return { origins: [], returnUrls: [] }
  return { origins: parseList(p.allowed_origins), returnUrls: parseList(p.return_urls) }
}

/**
 * Every enabled platform's registered origins, read at most once per `ttlMs` (a preflight carries no
 * credential, so CORS answers for the origins of all platforms; the API still checks who is calling).
 */
export function registeredOrigins(db: Kysely<Database>, ttlMs = 5000, now: () => number = Date.now): () => Promise<Set<string>> {
  let cached: { at: number; origins: Promise<Set<string>> } | undefined
  return () => {
    if (!cached || now() - cached.at > ttlMs) {
      const origins = db
        .selectFrom('platforms')
        .select(['allowed_origins'])
        .where('revoked_at', 'is', null)
        .execute()
        .then((rows) => new Set(rows.flatMap((r) => parseList(r.allowed_origins))))
      origins.catch(() => (cached = undefined))
      cached = { at: now(), origins }
    }
    return cached.origins
  }
}
