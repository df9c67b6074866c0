/** The platforms' names for the console's lists (issue #18): a name, never an id, from the statistics the reviewer may see. */
import { useEffect, useState } from 'react'
import { api } from './api'

let cached: Promise<Record<string, string>> | null = null

/** Platform id → name, for the platforms with applications in the reviewer's scope (GET /v1/stats). */
export function usePlatformNames(): (id: string) => string {
  const [names, setNames] = useState<Record<string, string>>({})
  useEffect(() => {
    cached ??= api<{ platform_names?: Record<string, string> }>('/v1/stats').then(
      (s) => s.platform_names ?? {},
      () => ((cached = null), {}),
    )
    let live = true
    void cached.then((n) => live && setNames(n))
    return () => {
      live = false
    }
  }, [])
  return (id) => names[id] ?? id
}
