// The hosted join page: <JoinUnionFlow> for the session in the fragment, talking to the app around
// it over ruhui-bridge/1 (src/bridge). The registry serves it at /join, same origin as its API.
import { Suspense, lazy, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
// The join flow alone: 我的会籍 (with its QR encoder) is a chunk of its own, loaded only for a member,
// so a driver who is joining downloads none of it on a weak network.
import { JoinUnionFlow } from '@ruhui/taro/join-flow'
import { type JoinSession, toChinaTime } from '@ruhui/core/contract'
import { type FlowPrefill, prefillFromSession } from '@ruhui/core/flow'
import { createBridge } from '../../bridge/bridge'
import { type HostWindow, pickChannel } from '../../bridge/channel'
import { launch } from '../../launch'

const start = launch()
const registryUrl = window.location.origin
let returnUrl: string | null = null
const bridge = createBridge({
  sessionId: start.sessionId ?? '',
  channel: pickChannel(window as unknown as HostWindow, start.frameOrigins),
  returnUrl: () => returnUrl,
  navigate: (url) => window.location.replace(url),
})
// Hosts answer with window.ruhui.receive(message) (native WebViews) or by posting into the frame.
;(window as unknown as { ruhui: { receive(m: unknown): boolean } }).ruhui = { receive: (m) => bridge.receive(m) }
window.addEventListener('message', (e) => {
  if (bridge.channel.kind === 'parent' && e.source === window.parent && start.frameOrigins.includes(e.origin)) bridge.receive(e.data)
})

const MemberCentre = lazy(() => import(/* webpackChunkName: "member-centre" */ '@ruhui/taro/member-centre').then((m) => ({ default: m.MemberCentre })))

type Locale = 'zh-CN' | 'en'
/** What the session opens: the join flow, or 我的会籍 for a driver who is already a member (issue #16). */
type Mode = 'join' | 'member_centre'

export default function HostedJoinPage() {
  const [locale, setLocale] = useState<Locale | null>(null)
  const [mode, setMode] = useState<Mode>('join')
  // What the platform verified and sent with the session, read back with the driver's token: shown read-only.
  const [prefill, setPrefill] = useState<FlowPrefill>({})
  useEffect(() => {
    if (!start.sessionId || !start.token) return
    // The session's return URL and language (a registered URL only: the registry checked it on create).
    fetch(`${registryUrl}/v1/join-sessions/${start.sessionId}`, { headers: { authorization: `Bearer ${start.token}` } })
      .then((r) => (r.ok ? (r.json() as Promise<Pick<JoinSession, 'return_url' | 'locale' | 'mode' | 'prefill'>>) : null))
      .then(
        (s) => {
          returnUrl = s?.return_url ?? null
          if (s?.mode === 'member_centre') setMode('member_centre')
          setPrefill(prefillFromSession(s?.prefill))
          bridge.ready()
          setLocale(s?.locale === 'en' ? 'en' : 'zh-CN')
        },
        () => {
          bridge.ready()
          setLocale('zh-CN')
        },
      )
  }, [])
  if (!start.sessionId || !start.token)
    return (
      <View className="ruhui-join">
        <Text className="ruhui-error">入会链接不完整，请回到平台重新进入 / This join link is incomplete: go back to the app and open it again.</Text>
      </View>
    )
  if (!locale) return <View className="ruhui-join" />
  const onTokenExpired = () => bridge.request('need_token').then((a) => a.token)
  if (mode === 'member_centre')
    return (
      <Suspense fallback={<View className="ruhui-join" />}>
        <MemberCentre
          registryUrl={registryUrl}
          sessionId={start.sessionId}
          joinToken={start.token}
          locale={locale}
          onTokenExpired={onTokenExpired}
          onEvent={(e) => bridge.event({ name: e.name, at: toChinaTime(Date.now()), ...(e.metadata ? { metadata: e.metadata } : {}) })}
        />
      </Suspense>
    )
  const answers = bridge.channel.answers
  return (
    <JoinUnionFlow
      registryUrl={registryUrl}
      sessionId={start.sessionId}
      joinToken={start.token}
      locale={locale}
      prefill={prefill}
      onTokenExpired={onTokenExpired}
      capabilities={
        answers
          ? {
              verifyFace: () => bridge.request('need_face').then((a) => ({ passed: a.passed, ...(a.verified_at ? { verifiedAt: a.verified_at } : {}) })),
              verifiedPhone: () => bridge.request('need_phone').then((a) => ({ mobile: a.mobile, ...(a.verified_at ? { verifiedAt: a.verified_at } : {}) })),
            }
          : {}
      }
      onEvent={(e) => bridge.event({ name: e.name, at: e.at, ...(e.metadata ? { metadata: e.metadata as Record<string, unknown> } : {}) })}
      onSuccess={(r) => bridge.success({ applicationId: r.applicationId ?? null, transferId: r.transferId ?? null, status: r.status })}
      onExit={(r) => bridge.exit(r.reason)}
    />
  )
}
