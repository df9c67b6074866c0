/**
 * `<JoinUnionFlow>` as hosts use it: the join flow, or — when the session says the driver is
 * already a member, or when the union asked for more on the driver's open application (the review
 * loop) — both said by `join_session.mode === 'member_centre'`, read with the session's own token —
 * the member centre (我的会籍) in its place. A host that knows the mode passes it and saves the read.
 * A host that wants the join flow without the member centre's code imports `@ruhui/taro/join-flow`.
 */
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { createRegistryClient } from '@ruhui/core/client'
import { type MemberCapabilities, type MemberLabels, type SessionMode, sessionModeOf } from '@ruhui/core/member'
import { JoinUnionFlow as JoinFlowView, type JoinUnionFlowProps as JoinFlowViewProps } from './join-union-flow'
import { type DeepPartial, resolveLabels } from './labels'
import { MemberCentre, type MemberCentreProps } from './member-centre'
import { createTaroTransport } from './transport'

export type { SessionMode }

export interface JoinUnionFlowProps extends JoinFlowViewProps {
  /** What the session opens. @default read from the session (`GET /v1/join-sessions/{id}` with its token: its `mode`); 'join' when it cannot be read */
  mode?: SessionMode
  /** For the member centre, when the session opens it. */
  memberCentre?: { labels?: DeepPartial<MemberLabels>; capabilities?: MemberCapabilities; qrContent?: MemberCentreProps['qrContent']; onEvent?: MemberCentreProps['onEvent'] }
}

/** The session's mode: the host's, else read once per session (null while reading). */
export function useSessionMode(props: Pick<JoinUnionFlowProps, 'mode' | 'registryUrl' | 'sessionId' | 'joinToken' | 'transport' | 'onTokenExpired'>): SessionMode | null {
  const [read, setRead] = useState<{ sessionId: string; mode: SessionMode } | null>(null)
  const { mode, registryUrl, sessionId } = props
  useEffect(() => {
    if (mode) return
    let live = true
    const refresh = () => (props.onTokenExpired ? props.onTokenExpired() : Promise.reject(new Error('no onTokenExpired')))
    const client = createRegistryClient({ baseUrl: registryUrl, auth: { token: props.joinToken, refresh }, transport: props.transport ?? createTaroTransport(), maxRetries: 1, timeoutMs: 8000 })
    sessionModeOf(client, sessionId).then((m) => live && setRead({ sessionId, mode: m }))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode, registryUrl, sessionId])
  return mode ?? (read && read.sessionId === sessionId ? read.mode : null)
}

export function JoinUnionFlow(props: JoinUnionFlowProps) {
  const mode = useSessionMode(props)
  if (mode === 'join') return <JoinFlowView {...props} />
  if (mode === null)
    return (
      <View className={`ruhui-join ${props.className ?? ''}`.trim()}>
        <Text className="ruhui-muted">{resolveLabels(props.locale, props.labels).busy}</Text>
      </View>
    )
  const m = props.memberCentre ?? {}
  const close = props.onClose
    ? () => {
        // The flow's one terminal callback: this driver is a member already.
        props.onExit({ sessionId: props.sessionId, reason: 'already_member' })
        props.onClose?.()
      }
    : undefined
  return (
    <MemberCentre
      registryUrl={props.registryUrl}
      sessionId={props.sessionId}
      joinToken={props.joinToken}
      {...(props.onTokenExpired ? { onTokenExpired: props.onTokenExpired } : {})}
      {...(props.locale ? { locale: props.locale } : {})}
      {...(props.transport ? { transport: props.transport } : {})}
      {...(props.lifecycle ? { lifecycle: props.lifecycle } : {})}
      {...(props.storage ? { storage: props.storage } : {})}
      {...(props.className ? { className: props.className } : {})}
      {...(m.labels ? { labels: m.labels } : {})}
      {...(m.capabilities ? { capabilities: m.capabilities } : {})}
      {...(m.qrContent ? { qrContent: m.qrContent } : {})}
      {...(m.onEvent ? { onEvent: m.onEvent } : {})}
      {...(close ? { onClose: close } : {})}
    />
  )
}
