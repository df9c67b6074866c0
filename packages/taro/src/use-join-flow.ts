/** `useJoinFlow`: the headless flow of @ruhui/core in a React hook, on Taro's request, storage, network and lifecycle. */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { createRegistryClient, type HttpTransport, type JoinTokenClient } from '@ruhui/core/client'
import { createJoinFlow, type FlowState, type FlowStorage, type JoinFlow, type JoinFlowOptions, type LifecyclePort, type NetworkPort } from '@ruhui/core/flow'
import { taroLifecycle, taroNetwork, taroStorage } from './ports'
import { createTaroTransport } from './transport'

export interface UseJoinFlowOptions extends Pick<JoinFlowOptions, 'onSuccess' | 'onExit' | 'onEvent' | 'prefill' | 'capabilities' | 'operator' | 'locale'> {
  /** The registry's address, e.g. 'https://ruhui.example.org'. */
  registryUrl: string
  /** The join session and its token, minted by the platform's backend for this driver. */
  sessionId: string
  joinToken: string
  /** Ask the host's backend for a fresh join token for this session; the client calls it once when the token expires and resends the call. */
  onTokenExpired?(): Promise<string>
  /** Ports, for hosts that bring their own (defaults: Taro.request, Taro storage, Taro network and app events). */
  transport?: HttpTransport
  storage?: FlowStorage
  network?: NetworkPort
  lifecycle?: LifecyclePort
}

export interface UseJoinFlowResult {
  /** null until the flow has been created (the first render). */
  state: FlowState | null
  flow: JoinFlow | null
}

const noFlow = () => () => undefined
const noState = () => null

export function useJoinFlow(options: UseJoinFlowOptions): UseJoinFlowResult {
  // Callbacks change on every render of the host; the flow keeps calling the latest ones.
  const latest = useRef(options)
  latest.current = options
  const clientRef = useRef<JoinTokenClient | null>(null)
  const [flow, setFlow] = useState<JoinFlow | null>(null)
  const { registryUrl, sessionId, joinToken } = options

  useEffect(() => {
    const o = latest.current
    let f: JoinFlow | null = null
    // The client refreshes an expired token itself (once, shared by concurrent calls) and tells the flow.
    const refresh = () => (latest.current.onTokenExpired ? latest.current.onTokenExpired() : Promise.reject(new Error('no onTokenExpired')))
    const client = createRegistryClient({
      baseUrl: registryUrl,
      auth: { token: joinToken, refresh },
      onTokenRefreshed: () => f?.tokenRefreshed(),
      transport: o.transport ?? createTaroTransport(),
      ...(o.locale ? { locale: o.locale } : {}),
    })
    f = createJoinFlow({
      client,
      sessionId,
      storage: o.storage ?? taroStorage(),
      network: o.network ?? taroNetwork(),
      lifecycle: o.lifecycle ?? taroLifecycle(),
      ...(o.prefill ? { prefill: o.prefill } : {}),
      ...(o.capabilities ? { capabilities: o.capabilities } : {}),
      ...(o.operator ? { operator: o.operator } : {}),
      ...(o.locale ? { locale: o.locale } : {}),
      onSuccess: (r) => latest.current.onSuccess(r),
      onExit: (r) => latest.current.onExit(r),
      onEvent: (e) => latest.current.onEvent?.(e),
    })
    clientRef.current = client
    setFlow(f)
    void f.start()
    const created = f
    return () => created.destroy()
    // A new session is a new flow; a refreshed token for the same session is handled inside it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [registryUrl, sessionId])

  // The host passed a fresh token for the same session (e.g. after its own refresh).
  useEffect(() => {
    clientRef.current?.setJoinToken(joinToken)
  }, [joinToken])

  // The flow is an external store: React reads its state where it renders (no copy, no tearing).
  const state = useSyncExternalStore(flow ? flow.subscribe : noFlow, flow ? flow.getState : noState, flow ? flow.getState : noState)
  return { state, flow }
}
