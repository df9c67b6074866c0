/** Hash routes: #/queue, #/dashboard, #/report?province=32 … (the registry serves one index.html). */
import { useSyncExternalStore } from 'react'

export interface Route {
  page: string
  params: URLSearchParams
}

const read = (): Route => {
  const [path = '', query = ''] = window.location.hash.replace(/^#\/?/, '').split('?')
  return { page: path || 'queue', params: new URLSearchParams(query) }
}
let current = read()
window.addEventListener('hashchange', () => (current = read()))

export function useRoute(): Route {
  return useSyncExternalStore(
    (l) => (window.addEventListener('hashchange', l), () => window.removeEventListener('hashchange', l)),
    () => current,
  )
}

export const go = (page: string, params: Record<string, string> = {}) => {
  const q = new URLSearchParams(params).toString()
  window.location.hash = `#/${page}${q ? `?${q}` : ''}`
}
