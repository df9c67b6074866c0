/** Load something from the API; reload on demand; errors as a message, never a blank page. */
import { App } from 'antd'
import { useCallback, useEffect, useState } from 'react'

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; loading: boolean; reload: () => void } {
  const { message } = App.useApp()
  const [data, setData] = useState<T>()
  const [loading, setLoading] = useState(true)
  const [n, setN] = useState(0)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps)
  useEffect(() => {
    let live = true
    setLoading(true)
    run().then(
      (d) => live && (setData(d), setLoading(false)),
      (e: Error) => live && (setLoading(false), void message.error(e.message)),
    )
    return () => {
      live = false
    }
  }, [run, n, message])
  return { data, loading, reload: () => setN((x) => x + 1) }
}
