/** The intro: what joining brings, with 开始入会 on the first screen and the services below it. */
import { Button, Text, View } from '@tarojs/components'
import { buttonState } from '../button-state'
import { ServiceList } from './parts'
import type { StepProps } from './step-props'

export function IntroStep({ state, flow, labels }: StepProps) {
  const membersOnly = state.services.filter((s) => s.members_only)
  const open = state.services.filter((s) => !s.members_only)
  return (
    <View className="ruhui-step ruhui-step--intro">
      <Text className="ruhui-title">{labels.introTitle}</Text>
      <Text className="ruhui-body">{labels.introLead}</Text>
      <Button className="ruhui-btn ruhui-btn--primary" {...buttonState(false, state.finished)} onClick={() => flow.next()}>
        {labels.start}
      </Button>
      <Button className="ruhui-btn ruhui-btn--text" {...buttonState(false, state.finished)} onClick={() => flow.exit()}>
        {labels.notNow}
      </Button>
      <ServiceList title={labels.introMembersGet} services={membersOnly} />
      <ServiceList title={labels.introNonMembersGet} services={open} />
      {state.services.length === 0 && <Text className="ruhui-muted">{labels.introNoServices}</Text>}
    </View>
  )
}
