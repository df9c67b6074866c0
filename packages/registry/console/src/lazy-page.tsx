/** A page loaded on first use, with a spinner meanwhile. */
import { Spin } from 'antd'
import type React from 'react'
import { type ComponentType, Suspense, lazy } from 'react'

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })))
  return function LazyPage(props: P) {
    return (
      <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
        <Lazy {...(props as P & JSX.IntrinsicAttributes & React.PropsWithRef<P>)} />
      </Suspense>
    )
  }
}
