/** The registry's HTTP API, as the console uses it: a bearer session token, the error shape turned into an Error. */
import { i18nNow } from './i18n'

const TOKEN_KEY = 'ruhui.console.token'

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly param?: string,
  ) {
    super(message)
  }
}

export const session = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
}

/** Where the registry is: the console is served by it, under /console. */
const base = () => window.location.origin

export async function api<T>(path: string, init: { method?: string; body?: unknown; query?: Record<string, string | undefined> } = {}): Promise<T> {
  const url = new URL(path, base())
  for (const [k, v] of Object.entries(init.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, v)
  const token = session.get()
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), 'accept-language': i18nNow().locale },
    ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
  })
  const text = await res.text()
  const json = text ? (JSON.parse(text) as unknown) : {}
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string; param?: string } }).error ?? {}
    if (res.status === 401) window.dispatchEvent(new Event('ruhui:signed-out'))
    throw new ApiError(e.code ?? 'error', e.message ?? i18nNow().t.requestFailed(res.status), res.status, e.param)
  }
  return json as T
}

/** Download a file from the API with the session token (an <a href> cannot carry it). */
export async function download(path: string, query: Record<string, string | undefined>): Promise<string> {
  const url = new URL(path, base())
  for (const [k, v] of Object.entries(query)) if (v) url.searchParams.set(k, v)
  const res = await fetch(url, { headers: { authorization: `Bearer ${session.get() ?? ''}`, 'accept-language': i18nNow().locale } })
  if (!res.ok) {
    const e = ((await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } }).error ?? {}
    throw new ApiError(e.code ?? 'error', e.message ?? i18nNow().t.exportFailed(res.status), res.status)
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'export'
  const blob = await res.blob()
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
  return name
}

export interface Me {
  id: string
  name: string
  login: string | null
  role: 'reviewer' | 'admin'
  /** Platforms and partners are registry-wide: only a registry admin manages them. */
  registry_admin?: boolean
  org_id: string
  org_name: string | null
  org_region: string | null
}
