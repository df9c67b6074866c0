/**
 * The union step: each union the driver may choose says what sets it apart (its type in words, whom it serves,
 * the area it covers, its contact); the first says why it is recommended. 确认 goes on to the share step.
 */
import { Button, Text, View } from '@tarojs/components'
import { unionChoices, unionDetails } from '@ruhui/core/flow'
import { a11yLabel, a11yRole } from '../a11y'
import { buttonState } from '../button-state'
import { ContactCard, Footer } from './parts'
import { type StepProps, localeOf } from './step-props'

export function UnionStep({ state, flow, labels, props }: StepProps) {
  const { choices, assigning } = unionChoices(state.match)
  const offered = new Set(choices.map((c) => c.id))
  const details = unionDetails(state, localeOf(props)).filter((d) => offered.has(d.id))
  return (
    <View className="ruhui-step ruhui-step--union">
      <Text className="ruhui-title">{labels.unionTitle}</Text>
      <Text className="ruhui-body">{assigning ? labels.assignerNote : labels.unionLead}</Text>
      <View {...a11yRole('radiogroup')} {...a11yLabel(labels.unionTitle)}>
        {details.map((o) => {
          const chosen = state.selectedOrgId === o.id
          return (
            <View key={o.id} {...a11yRole('radio')} {...a11yLabel(`${o.name}${chosen ? labels.selectedSuffix : ''}`)} className={`ruhui-choice ruhui-union ${chosen ? 'ruhui-choice--selected' : ''}`} onClick={() => flow.selectUnion(o.id)}>
              <Text className="ruhui-union__name">{o.name}</Text>
              {o.recommended && <Text className="ruhui-union__recommended">{o.recommended}</Text>}
              <Text className="ruhui-union__line">{`${labels.unionKind}：${o.kind}`}</Text>
              <Text className="ruhui-union__line">{`${labels.unionServes}：${o.serves}`}</Text>
              {o.covers && <Text className="ruhui-union__line">{`${labels.unionCovers}：${o.covers}`}</Text>}
              {o.contact?.phone && <Text className="ruhui-union__line">{`${labels.contactPhone}：${o.contact.phone}`}</Text>}
            </View>
          )
        })}
      </View>
      {assigning && <ContactCard state={state} labels={labels} />}
      <Footer>
        <Button className="ruhui-btn ruhui-btn--primary" {...buttonState(false, !state.selectedOrgId || state.finished)} onClick={() => flow.confirmUnion()}>
          {labels.confirmUnion}
        </Button>
        <Button className="ruhui-btn ruhui-btn--text" {...buttonState(false, state.finished)} onClick={() => flow.back()}>
          {labels.back}
        </Button>
      </Footer>
    </View>
  )
}
