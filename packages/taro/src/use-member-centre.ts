/** `useMemberCentre`: the headless member centre of @ruhui/core/member in a React hook, on Taro's request and app events. */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { createRegistryClient, type HttpTransport, type JoinTokenClient } from '@ruhui/core/client'
import type { FlowStorage, LifecyclePort } from '@ruhui/core/flow'
import { type MemberApi, type MemberCentre, type MemberCentreOptions, type MemberState, createMemberCentre, memberApiOf } from '@ruhui/core/member'
import { taroLifecycle, taroStorage } from './ports'
import { createTaroTransport } from './transport'

export interface UseMemberCentreOptions {
  /** The registry's address, e.g. 'https://ruhui.example.org'. */
  registryUrl: string
  /** A session minted by the platform's backend for this driver (the same call as for joining). */
  sessionId: string
  joinToken: string
  /** Ask the host's backend for a fresh token for this session (called once when it expires). */
  onTokenExpired?(): Promise<string>
  locale?: 'zh-CN' | 'en'
  onEvent?: MemberCentreOptions['onEvent']
  transport?: HttpTransport
  lifecycle?: LifecyclePort
  /** Where the card is kept for a visit without signal. @default Taro storage (used on mini-programs only: a browser's is not private) */
  storage?: FlowStorage
}

export interface UseMemberCentreResult {
  state: MemberState | null
  centre: MemberCentre | null
  /** The same port, for the review loop's answer. */
  api: MemberApi | null
}

const none = () => () => undefined
const nothing = () => null

export function useMemberCentre(options: UseMemberCentreOptions): UseMemberCentreResult {
  const latest = useRef(options)
  latest.current = options
  const clientRef = useRef<JoinTokenClient | null>(null)
  const [made, setMade] = useState<{ centre: MemberCentre; api: MemberApi } | null>(null)
  const { registryUrl, sessionId, joinToken } = options

  useEffect(() => {
    const o = latest.current
    const refresh = () => (latest.current.onTokenExpired ? latest.current.onTokenExpired() : Promise.reject(new Error('no onTokenExpired')))
    const client = createRegistryClient({ baseUrl: registryUrl, auth: { token: joinToken, refresh }, transport: o.transport ?? createTaroTransport(), ...(o.locale ? { locale: o.locale } : {}) })
    const api = memberApiOf(client)
    const centre = createMemberCentre({ api, storage: o.storage ?? taroStorage(), ...(o.locale ? { locale: o.locale } : {}), onEvent: (e) => latest.current.onEvent?.(e) })
    clientRef.current = client
    setMade({ centre, api })
    void centre.load()
    // Back from the background (or from the union's office): the card and the requests may have changed.
    const off = (o.lifecycle ?? taroLifecycle()).onForeground(() => void centre.load())
    return () => {
      off()
      centre.destroy()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [registryUrl, sessionId])

  useEffect(() => {
    clientRef.current?.setJoinToken(joinToken)
  }, [joinToken])

  const centre = made?.centre ?? null
  const state = useSyncExternalStore(centre ? centre.subscribe : none, centre ? centre.getState : nothing, centre ? centre.getState : nothing)
  return { state, centre, api: made?.api ?? null }
}
