/** The member centre's requests: move the membership, leave the union, change mobile and home region (one panel at a time). */
import { Button, Input, Text, View } from '@tarojs/components'
import { ENUM_VALUES, enumLabel } from '@ruhui/core'
import { MOVE_REASONS, type MemberCentre, type MemberLabels, type MemberState } from '@ruhui/core/member'
import { a11yLabel, a11yRole } from './a11y'
import { buttonState } from './button-state'

interface PanelProps {
  state: MemberState
  centre: MemberCentre
  labels: MemberLabels
  locale: 'zh-CN' | 'en'
}

export function MemberPanels(p: PanelProps) {
  const { state, centre, labels } = p
  return (
    <View className={`ruhui-step ruhui-member__panel ruhui-member__panel--${state.panel}`}>
      {state.panel === 'move' && <MovePanel {...p} />}
      {state.panel === 'leave' && <LeavePanel {...p} />}
      {state.panel === 'update' && <UpdatePanel {...p} />}
      {state.error && !Object.values(state.fieldIssues).includes(state.error.message) && (
        <View className="ruhui-error" {...a11yRole('alert')}>
          <Text>{state.error.message}</Text>
        </View>
      )}
      <Button className="ruhui-btn ruhui-btn--text" {...buttonState(false, state.busy)} onClick={() => centre.open('home')}>
        {labels.back}
      </Button>
    </View>
  )
}

function Issue({ text }: { text: string | undefined }) {
  if (!text) return null
  return (
    <View className="ruhui-field__error" {...a11yRole('alert')}>
      <Text>{text}</Text>
    </View>
  )
}

function Choice({ selected, label, onClick, className = '' }: { selected: boolean; label: string; onClick(): void; className?: string }) {
  return (
    <View {...a11yRole('radio')} {...a11yLabel(label)} aria-checked={selected} className={`ruhui-choice ${className} ${selected ? 'ruhui-choice--selected' : ''}`} onClick={onClick}>
      <Text>{label}</Text>
    </View>
  )
}

/** The county in words: type a name (or pinyin initials), pick it from what is found. */
function PlaceSearch({ state, centre, labels }: Pick<PanelProps, 'state' | 'centre' | 'labels'>) {
  const { places } = state
  return (
    <View className="ruhui-field ruhui-member__places">
      <Input className="ruhui-input ruhui-member__place-search" {...a11yLabel(labels.placeSearch)} maxlength={20} value={places.query} placeholder={labels.placeSearch} onInput={(e) => void centre.searchPlaces(e.detail.value)} />
      {places.results && places.results.length === 0 && <Text className="ruhui-muted">{labels.placeNone}</Text>}
      {(places.results ?? []).map((r) => (
        <View key={r.code} {...a11yRole('option')} className="ruhui-choice ruhui-member__place" onClick={() => centre.pickPlace(r.code)}>
          <Text>{r.name}</Text>
        </View>
      ))}
      {places.chosen && <Text className="ruhui-ok ruhui-member__place-chosen">{places.chosen}</Text>}
    </View>
  )
}

function MovePanel({ state, centre, labels }: PanelProps) {
  const { move, fieldIssues, busy } = state
  return (
    <>
      <Text className="ruhui-title">{labels.moveTitle}</Text>
      <Text className="ruhui-body">{labels.moveLead}</Text>
      <View className="ruhui-field" {...a11yRole('radiogroup')} {...a11yLabel(labels.moveReason)}>
        <Text className="ruhui-field__label">{labels.moveReason}</Text>
        {MOVE_REASONS.map((r) => (
          <Choice key={r} selected={move.reason === r} label={labels.moveReasons[r]} onClick={() => centre.setMove({ reason: r })} />
        ))}
      </View>
      <View className={`ruhui-field ${fieldIssues.county ? 'ruhui-field--invalid' : ''}`}>
        <Text className="ruhui-field__label">{labels.moveCounty}</Text>
        <PlaceSearch state={state} centre={centre} labels={labels} />
        <Input className="ruhui-input ruhui-member__move-county" {...a11yLabel(labels.moveCounty)} type="number" maxlength={6} value={move.county} placeholder={labels.moveCountyPlaceholder} onInput={(e) => centre.setMove({ county: e.detail.value })} />
        <Issue text={fieldIssues.county} />
      </View>
      <Button className="ruhui-btn ruhui-btn--secondary ruhui-member__find" {...buttonState(busy && !move.options, busy)} onClick={() => void centre.findUnions()}>
        {labels.moveFindUnion}
      </Button>
      {move.options && move.options.length > 0 && (
        <View className="ruhui-field" {...a11yRole('radiogroup')} {...a11yLabel(labels.moveChooseUnion)}>
          <Text className="ruhui-field__label">{labels.moveChooseUnion}</Text>
          {move.options.map((o) => (
            <View key={o.id} {...a11yRole('radio')} {...a11yLabel(o.name)} className={`ruhui-choice ruhui-union ${move.selectedOrgId === o.id ? 'ruhui-choice--selected' : ''}`} onClick={() => centre.selectUnion(o.id)}>
              <Text className="ruhui-union__name">{o.name}</Text>
              {o.reasons.map((r) => (
                <Text key={r} className="ruhui-union__reason">
                  {r}
                </Text>
              ))}
            </View>
          ))}
          <Issue text={fieldIssues.union} />
          <Button className="ruhui-btn ruhui-btn--primary ruhui-member__move-submit" {...buttonState(busy, busy || !move.selectedOrgId)} onClick={() => void centre.submitMove()}>
            {labels.moveSubmit}
          </Button>
        </View>
      )}
    </>
  )
}

function LeavePanel({ state, centre, labels, locale }: PanelProps) {
  const { leave, fieldIssues, busy } = state
  return (
    <>
      <Text className="ruhui-title">{labels.leaveTitle}</Text>
      <Text className="ruhui-body">{labels.leaveLead}</Text>
      <View className={`ruhui-field ${fieldIssues.reason ? 'ruhui-field--invalid' : ''}`} {...a11yRole('radiogroup')} {...a11yLabel(labels.leaveReason)}>
        <Text className="ruhui-field__label">{labels.leaveReason}</Text>
        {ENUM_VALUES.leaveReason.map((r) => (
          <Choice key={r} selected={leave.reason === r} label={enumLabel('leaveReason', r, locale)} onClick={() => centre.setLeave({ reason: r })} />
        ))}
        <Issue text={fieldIssues.reason} />
      </View>
      <View className={`ruhui-field ${fieldIssues.note ? 'ruhui-field--invalid' : ''}`}>
        <Text className="ruhui-field__label">{labels.leaveNote}</Text>
        <Input className="ruhui-input ruhui-member__leave-note" {...a11yLabel(labels.leaveNote)} maxlength={200} value={leave.note} placeholder={labels.leaveNotePlaceholder} onInput={(e) => centre.setLeave({ note: e.detail.value })} />
        <Issue text={fieldIssues.note} />
      </View>
      <Button className="ruhui-btn ruhui-btn--primary ruhui-member__leave-submit" {...buttonState(busy, busy)} onClick={() => void centre.submitLeave()}>
        {labels.leaveConfirm}
      </Button>
    </>
  )
}

function UpdatePanel({ state, centre, labels }: PanelProps) {
  const { update, fieldIssues, busy } = state
  return (
    <>
      <Text className="ruhui-title">{labels.updateTitle}</Text>
      <View className={`ruhui-field ${fieldIssues.mobile ? 'ruhui-field--invalid' : ''}`}>
        <Text className="ruhui-field__label">{labels.updateMobile}</Text>
        <Input className="ruhui-input ruhui-member__mobile" {...a11yLabel(labels.updateMobile)} type="number" maxlength={11} value={update.mobile} placeholder={state.membership?.mobile ?? ''} onInput={(e) => centre.setUpdate({ mobile: e.detail.value })} />
        <Issue text={fieldIssues.mobile} />
      </View>
      <View className={`ruhui-field ${fieldIssues.county ? 'ruhui-field--invalid' : ''}`}>
        <Text className="ruhui-field__label">{labels.updateCounty}</Text>
        <PlaceSearch state={state} centre={centre} labels={labels} />
        <Input className="ruhui-input ruhui-member__county" {...a11yLabel(labels.updateCounty)} type="number" maxlength={6} value={update.county} onInput={(e) => centre.setUpdate({ county: e.detail.value })} />
        <Issue text={fieldIssues.county} />
      </View>
      <Button className="ruhui-btn ruhui-btn--primary ruhui-member__update-submit" {...buttonState(busy, busy)} onClick={() => void centre.submitUpdate()}>
        {labels.updateSubmit}
      </Button>
    </>
  )
}
