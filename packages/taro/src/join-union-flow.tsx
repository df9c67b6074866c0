/**
 * `<JoinUnionFlow>`: the join flow embedded in a host page. It renders the headless flow's
 * state and nothing else: every rule (checks, queueing, callbacks) lives in @ruhui/core/flow.
 * One screen per step (issue #18): each step opens at the top, its primary action on the first screen.
 */
import { useEffect } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { ENV_TYPE, getEnv, pageScrollTo } from '@tarojs/taro'
import type { FlowState, JoinFlow } from '@ruhui/core/flow'
import { a11yRole } from './a11y'
import { CharterStep, ConsentStep, ShareStep } from './flow/consent-steps'
import { IdentityStep } from './flow/identity-step'
import { IntroStep } from './flow/intro-step'
import { RegionPicker } from './flow/region-picker'
import { ResultStep } from './flow/result-step'
import { UnionStep } from './flow/union-step'
import { type DeepPartial, type JoinLabels, resolveLabels } from './labels'
import { type UseJoinFlowOptions, useJoinFlow } from './use-join-flow'

export interface JoinUnionFlowProps extends UseJoinFlowOptions {
  /** How often the result step asks for the review's outcome, in ms (0: never). @default 15000 */
  statusPollMs?: number
  /** Any text the host wants to say differently. */
  labels?: DeepPartial<JoinLabels>
  className?: string
  /** Shown as a "完成/关闭" button once the flow has ended. */
  onClose?(): void
}

/** Each step (and the picker closing) starts at the top of the page, not where the last button was. */
function useScrollTop(key: string) {
  useEffect(() => {
    try {
      void Promise.resolve(pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined)
    } catch {
      // a host without page scrolling (a test stand-in): nothing to do
    }
    // On h5 the flow may sit in <JoinUnionButton>'s overlay, which scrolls by itself.
    if (getEnv() === ENV_TYPE.WEB && typeof document !== 'undefined') document.querySelectorAll('.ruhui-overlay:not(.ruhui-picker)').forEach((o) => void (o.scrollTop = 0))
  }, [key])
}

export function JoinUnionFlow(props: JoinUnionFlowProps) {
  const { state, flow } = useJoinFlow(props)
  const labels = resolveLabels(props.locale, props.labels)
  const theme = `ruhui-join ${props.className ?? ''}`.trim()
  useScrollTop(`${state?.step}:${state?.regionPicker.open}`)
  if (!state || !flow) return <View className={theme}><Text className="ruhui-muted">{labels.busy}</Text></View>
  return (
    <View className={theme}>
      {!state.online && <View className="ruhui-banner" {...a11yRole('status')}><Text>{labels.offline}</Text></View>}
      {state.error && (
        <View className="ruhui-error" {...a11yRole('alert')}>
          <Text>{state.error.message}</Text>
        </View>
      )}
      <StepView state={state} flow={flow} labels={labels} props={props} />
      {state.regionPicker.open && <RegionPicker state={state} flow={flow} labels={labels} />}
      {state.finished && props.onClose && (
        <Button className="ruhui-btn ruhui-btn--secondary" onClick={props.onClose}>
          {state.step === 'result' ? labels.done : labels.close}
        </Button>
      )}
    </View>
  )
}

function StepView(p: { state: FlowState; flow: JoinFlow; labels: JoinLabels; props: JoinUnionFlowProps }) {
  switch (p.state.step) {
    case 'intro':
      return <IntroStep {...p} />
    case 'consent':
      return <ConsentStep {...p} />
    case 'identity':
      return <IdentityStep {...p} />
    case 'union':
      return <UnionStep {...p} />
    case 'share':
      return <ShareStep {...p} />
    case 'charter':
    case 'submitting':
      return <CharterStep {...p} />
    case 'queued':
      return (
        <View className="ruhui-step ruhui-step--queued">
          <Text className="ruhui-title">{p.labels.queuedTitle}</Text>
          <Text className="ruhui-body">{p.labels.queuedBody}</Text>
        </View>
      )
    case 'result':
      return <ResultStep {...p} />
  }
}
