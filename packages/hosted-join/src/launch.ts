/**
 * What the page is opened with: `/join?p=<platform>#session=jsess_…&token=jt_…` (hosted_url) and the
 * platform's registered frame origins, which the registry writes into `<meta name="ruhui-frame-origins">`.
 * Read once, before the router starts; the fragment is then taken out of the address bar and history.
 */
export interface Launch {
  sessionId: string | null
  token: string | null
  /** The platform's registered web origins: the only ones the page talks to when framed. */
  frameOrigins: string[]
}

export function parseLaunch(hash: string, metaContent: string | null | undefined): Launch {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const sessionId = params.get('session')
  const token = params.get('token')
  return {
    sessionId: sessionId && /^jsess_[A-Za-z0-9_]+$/.test(sessionId) ? sessionId : null,
    token: token && /^jt_[A-Za-z0-9_]{16,128}$/.test(token) ? token : null,
    frameOrigins: (metaContent ?? '').split(/\s+/).filter((o) => /^https?:\/\/[^/\s]+$/.test(o)),
  }
}

let launched: Launch | undefined

/** The launch of this page load (the first call reads and clears the fragment). */
export function launch(): Launch {
  if (launched) return launched
  const meta = document.querySelector('meta[name="ruhui-frame-origins"]')?.getAttribute('content')
  launched = parseLaunch(window.location.hash, meta)
  if (window.location.hash) window.history.replaceState(null, '', window.location.pathname + window.location.search)
  return launched
}
