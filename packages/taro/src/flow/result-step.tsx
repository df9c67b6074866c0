/** The result: what happened, the union, the place in words, the e-card once approved; it asks for the review's outcome now and then. */
import { useEffect } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { awaitsUnion } from '@ruhui/core/flow'
import { buttonState } from '../button-state'
import { FlowInfoAnswer } from '../info-answer-view'
import { resolveMemberLabels } from '../member-labels'
import { SubscribeButton } from '../subscribe-button'
import { ContactCard, ServiceList, placeWords } from './parts'
import type { StepProps } from './step-props'

export function ResultStep({ state, flow, labels, props }: StepProps) {
  const pollMs = props.statusPollMs ?? 15_000
  const result = state.result
  const waiting = awaitsUnion(result?.kind)
  // The union reviews later: ask now and then, so that the approval and the e-card show here.
  useEffect(() => {
    if (!waiting || pollMs <= 0) return
    const timer = setInterval(() => void flow.refreshResult(), pollMs)
    return () => clearInterval(timer)
  }, [waiting, pollMs, flow])
  if (!result) return null
  const words = labels.results[result.kind]
  const app = result.application
  const card = app?.member_card
  const reason = app?.status_reason?.message
  const mine = state.services.filter((s) => s.members_only)
  const place = placeWords(state)
  return (
    <View className={`ruhui-step ruhui-step--result ruhui-result--${result.kind}`}>
      <Text className="ruhui-title">{words.title}</Text>
      <Text className="ruhui-body">{words.body}</Text>
      {app?.org_name && <Text className="ruhui-subtitle">{app.org_name}</Text>}
      {place && <Text className="ruhui-body ruhui-place">{`${labels.fields.county}：${place}`}</Text>}
      <ContactCard state={state} labels={labels} />
      {reason && (result.kind === 'needs_info' || result.kind === 'rejected') && (
        <Text className="ruhui-body">
          {labels.statusReason}：{reason}
        </Text>
      )}
      {result.kind === 'needs_info' && app && <FlowInfoAnswer {...props} application={app} onAnswered={() => void flow.refreshResult()} />}
      {waiting && <SubscribeButton request={props.capabilities?.requestSubscription} labels={resolveMemberLabels(props.locale)} />}
      {card && (
        <View className="ruhui-card">
          <Text className="ruhui-muted">{labels.cardNumber}</Text>
          <Text className="ruhui-card__number">{card.number}</Text>
        </View>
      )}
      {result.kind === 'approved' && mine.length > 0 && <ServiceList title={labels.membersNowHave} services={mine} />}
      {waiting && (
        <Button className="ruhui-btn ruhui-btn--text" onClick={() => void flow.refreshResult()}>
          {labels.refreshStatus}
        </Button>
      )}
      {app && result.kind !== 'rejected' && (state.volunteered ? <Text className="ruhui-ok">{labels.volunteered}</Text> : <Button className="ruhui-btn ruhui-btn--secondary" {...buttonState(state.busy, state.busy)} onClick={() => void flow.volunteer()}>{labels.volunteer}</Button>)}
      {result.kind === 'transfer_required' && !state.finished && (
        <Button className="ruhui-btn ruhui-btn--primary" {...buttonState(state.busy, state.busy)} onClick={() => void flow.requestTransfer('other')}>
          {labels.requestTransfer}
        </Button>
      )}
    </View>
  )
}
