/**
 * The identity step. What the platform prefilled is shown read-only, each field with its own 修改, so a
 * verified driver types nothing; the rest are fields. The home place: the pilot's provinces as buttons (one
 * tap opens the full-screen picker there), then the place in words; the township (optional) on its own row.
 */
import { Button, Input, Text, View } from '@tarojs/components'
import { ENV_TYPE, getEnv } from '@tarojs/taro'
import { EMPLOYMENT_FORMS, type EmploymentForm, FORMS_WITH_COMPANY, maskIdCard } from '@ruhui/core'
import type { FieldName } from '@ruhui/core/flow'
import { a11yLabel, a11yRole } from '../a11y'
import { buttonState } from '../button-state'
import { FieldErrors, Footer } from './parts'
import { type StepProps, localeOf } from './step-props'

type TextField = { name: Exclude<FieldName, 'employmentForm' | 'homeParkId' | 'county' | 'township'>; type?: 'idcard' | 'number'; optional?: boolean; maxlength: number }
const MAIN: TextField[] = [
  { name: 'name', maxlength: 50 },
  { name: 'idNumber', type: 'idcard', maxlength: 18 },
  { name: 'mobile', type: 'number', maxlength: 11 },
]
const EXTRA: TextField[] = [
  { name: 'plate', optional: true, maxlength: 10 },
  { name: 'licenseClass', optional: true, maxlength: 4 },
]
const isWeapp = () => getEnv() === ENV_TYPE.WEAPP

/** A prefilled value as shown: the ID number masked, the employment form in words. */
function shown(state: StepProps['state'], labels: StepProps['labels'], name: FieldName): string {
  const v = state.fields[name]
  if (name === 'idNumber') return maskIdCard(v)
  if (name === 'employmentForm') return labels.employmentForms[v as EmploymentForm] ?? v
  if (name === 'county') return [state.countyLabel, state.townshipLabel].filter(Boolean).join(' ') || labels.busy
  return v
}

function Prefilled({ state, flow, labels, name }: Omit<StepProps, 'props'> & { name: FieldName }) {
  const label = name === 'homeParkId' ? '' : labels.fields[name]
  return (
    <View className="ruhui-field ruhui-prefilled">
      <Text className="ruhui-field__label">{label}</Text>
      <View className="ruhui-prefilled__row">
        <Text className="ruhui-prefilled__value">{shown(state, labels, name)}</Text>
        <View {...a11yRole('button')} {...a11yLabel(`${labels.edit}${label}`)} className="ruhui-link" onClick={() => flow.editField(name)}>
          <Text>{labels.edit}</Text>
        </View>
      </View>
    </View>
  )
}

export function IdentityStep({ state, flow, labels, props }: StepProps) {
  const locale = localeOf(props)
  const canPhone = Boolean(props.capabilities?.exchangePhoneCode) && isWeapp()
  // Where WeChat's button does not exist (h5, the hosted page, Alipay, Douyin): the number the host app verified.
  const canHostPhone = Boolean(props.capabilities?.verifiedPhone) && !canPhone
  const canFace = Boolean(props.capabilities?.verifyFace)
  const pre = (f: FieldName) => state.prefilled.includes(f)
  const extra: TextField[] = FORMS_WITH_COMPANY.includes(state.fields.employmentForm as EmploymentForm) ? [{ name: 'employerUscc', maxlength: 18 }, ...EXTRA] : EXTRA
  const field = (f: TextField) => {
    if (pre(f.name)) return <Prefilled key={f.name} state={state} flow={flow} labels={labels} name={f.name} />
    const issues = state.fieldIssues[f.name] ?? []
    const verified = f.name === 'mobile' && state.verification.mobileVerifiedAt
    return (
      <View key={f.name} className={`ruhui-field ${issues.length ? 'ruhui-field--invalid' : ''}`}>
        <Text className="ruhui-field__label" id={`ruhui-field-${f.name}-label`}>
          {labels.fields[f.name]}
          {f.optional ? labels.optional : ''}
        </Text>
        <Input id={`ruhui-field-${f.name}`} className="ruhui-input" {...a11yLabel(labels.fields[f.name])} value={state.fields[f.name]} placeholder={labels.placeholders[f.name]} maxlength={f.maxlength} {...(f.type ? { type: f.type } : {})} onInput={(e) => flow.setField(f.name, e.detail.value)} />
        {verified && <Text className="ruhui-ok">{labels.mobileVerified}</Text>}
        {f.name === 'mobile' && canHostPhone && !verified && (
          <Button className="ruhui-btn ruhui-btn--small ruhui-host-phone" {...buttonState(state.busy, state.busy)} onClick={() => void flow.useHostPhone()}>
            {labels.useHostPhone}
          </Button>
        )}
        {f.name === 'mobile' && canPhone && !verified && (
          <Button className="ruhui-btn ruhui-btn--small" openType="getPhoneNumber" onGetPhoneNumber={(e) => void flow.applyPhoneCode((e.detail as { code?: string }).code ?? '')}>
            {labels.usePhoneNumber}
          </Button>
        )}
        <FieldErrors issues={issues} locale={locale} />
      </View>
    )
  }
  const formIssues = state.fieldIssues.employmentForm ?? []
  return (
    <View className="ruhui-step ruhui-step--identity">
      <Text className="ruhui-title">{labels.identityTitle}</Text>
      {state.prefilled.length > 0 && <Text className="ruhui-muted">{labels.prefilledNote}</Text>}
      {state.prefillVerified && <Text className="ruhui-ok">{labels.prefillVerified}</Text>}
      {MAIN.map(field)}
      {pre('employmentForm') ? (
        <Prefilled state={state} flow={flow} labels={labels} name="employmentForm" />
      ) : (
        <View className="ruhui-field" {...a11yRole('radiogroup')} {...a11yLabel(labels.fields.employmentForm)}>
          <Text className="ruhui-field__label">{labels.fields.employmentForm}</Text>
          {EMPLOYMENT_FORMS.map((form) => {
            const on = state.fields.employmentForm === form
            return (
              <View key={form} {...a11yRole('radio')} {...a11yLabel(`${labels.employmentForms[form]}${on ? labels.selectedSuffix : ''}`)} className={`ruhui-choice ${on ? 'ruhui-choice--selected' : ''}`} onClick={() => flow.setField('employmentForm', form)}>
                <Text>{labels.employmentForms[form]}</Text>
              </View>
            )
          })}
          <FieldErrors issues={formIssues} locale={locale} />
        </View>
      )}
      {pre('county') ? <Prefilled state={state} flow={flow} labels={labels} name="county" /> : <PlaceField state={state} flow={flow} labels={labels} props={props} />}
      <ParkField state={state} flow={flow} labels={labels} props={props} />
      {extra.map(field)}
      {canFace &&
        (state.verification.faceVerifiedAt ? (
          <Text className="ruhui-ok">{labels.faceVerified}</Text>
        ) : (
          <Button className="ruhui-btn ruhui-btn--secondary" {...buttonState(false, state.busy)} onClick={() => void flow.verifyFace()}>
            {labels.verifyFace}
          </Button>
        ))}
      <Footer>
        <Button className="ruhui-btn ruhui-btn--primary" {...buttonState(state.busy, state.busy || state.finished)} onClick={() => void flow.confirmIdentity()}>
          {labels.next}
        </Button>
      </Footer>
    </View>
  )
}

/** The home place: province buttons until a county is chosen, then the place in words (修改 reopens the picker) and the township row. */
function PlaceField({ state, flow, labels, props }: StepProps) {
  const issues = state.fieldIssues.county ?? []
  const chosen = state.countyLabel
  return (
    <View className={`ruhui-field ${issues.length ? 'ruhui-field--invalid' : ''}`}>
      <Text className="ruhui-field__label">{labels.fields.county}</Text>
      {chosen ? (
        <>
          <View className="ruhui-prefilled__row ruhui-place">
            <Text className="ruhui-prefilled__value">{chosen}</Text>
            <View {...a11yRole('button')} {...a11yLabel(`${labels.edit}${labels.fields.county}`)} className="ruhui-link" onClick={() => void flow.openRegionPicker()}>
              <Text>{labels.edit}</Text>
            </View>
          </View>
          <View {...a11yRole('button')} className="ruhui-choice ruhui-township" {...a11yLabel(`${labels.fields.township}${labels.optional}`)} onClick={() => void flow.openTownshipPicker()}>
            <Text>{`${labels.fields.township}${labels.optional}：${state.townshipLabel ?? labels.chooseTownship} ›`}</Text>
          </View>
        </>
      ) : (
        <>
          <Text className="ruhui-muted">{labels.regionLead}</Text>
          <View className="ruhui-provinces">
            {state.regionProvinces.map((p) => (
              <View key={p.code} {...a11yRole('button')} className="ruhui-choice ruhui-province" onClick={() => void flow.pickRegion(p.code)}>
                <Text>{`${p.name} ›`}</Text>
              </View>
            ))}
            {state.regionProvinces.length === 0 && (
              <View {...a11yRole('button')} className="ruhui-choice ruhui-province" onClick={() => void flow.openRegionPicker()}>
                <Text>{`${labels.chooseRegion} ›`}</Text>
              </View>
            )}
          </View>
        </>
      )}
      <FieldErrors issues={issues} locale={localeOf(props)} />
    </View>
  )
}

/** The optional park question: shown only when the home county has logistics parks. */
function ParkField({ state, flow, labels }: StepProps) {
  if (state.parks.length === 0) return null
  const chosen = state.fields.homeParkId
  const choice = (id: string, name: string) => (
    <View key={id || 'none'} {...a11yRole('radio')} {...a11yLabel(`${name}${chosen === id ? labels.selectedSuffix : ''}`)} className={`ruhui-choice ${chosen === id ? 'ruhui-choice--selected' : ''}`} onClick={() => flow.setField('homeParkId', id)}>
      <Text>{name}</Text>
    </View>
  )
  return (
    <View className="ruhui-field ruhui-park" {...a11yRole('radiogroup')} {...a11yLabel(labels.parkQuestion)}>
      <Text className="ruhui-field__label">{labels.parkQuestion}</Text>
      {state.parks.map((p) => choice(p.id, p.name))}
      {choice('', labels.parkNone)}
    </View>
  )
}
