/** Small pieces several steps share: the sticky footer, field errors, a service list, the union's contact, a consent text. */
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { type Issue, formatIssue } from '@ruhui/core'
import { type FlowState, unionContactOf } from '@ruhui/core/flow'
import { a11yLabel, a11yRole } from '../a11y'
import type { JoinLabels } from '../labels'

/** The step's actions, kept on the first screen: sticky at the bottom when the content is long. */
export function Footer({ children }: { children: ReactNode }) {
  return <View className="ruhui-footer">{children}</View>
}

/** The Chinese (or English) message under a field, for each of its issues. */
export function FieldErrors({ issues, locale }: { issues: readonly Issue[]; locale: 'zh-CN' | 'en' }) {
  return (
    <>
      {issues.map((i) => (
        <View key={i.code} className="ruhui-field__error" {...a11yRole('alert')}>
          <Text>{formatIssue(i, locale)}</Text>
        </View>
      ))}
    </>
  )
}

export function ServiceList({ title, services }: { title: string; services: FlowState['services'] }) {
  if (services.length === 0) return null
  return (
    <View className="ruhui-services">
      <Text className="ruhui-subtitle">{title}</Text>
      {services.map((s) => (
        <View key={s.id} className={`ruhui-service ruhui-service--${s.kind}`}>
          <Text className="ruhui-service__name">{s.name}</Text>
          <Text className="ruhui-service__summary">{s.summary}</Text>
        </View>
      ))}
    </View>
  )
}

/** The union's phone, address and hours, when the directory has them. */
export function ContactCard({ state, labels }: { state: FlowState; labels: JoinLabels }) {
  const found = unionContactOf(state)
  if (!found) return null
  const { phone, address, hours } = found.contact
  return (
    <View className="ruhui-contact" {...a11yLabel(`${labels.contactTitle}：${found.name}`)}>
      <Text className="ruhui-muted">
        {labels.contactTitle}：{found.name}
      </Text>
      {phone && <Text className="ruhui-body">{labels.contactPhone}：{phone}</Text>}
      {address && <Text className="ruhui-body">{labels.contactAddress}：{address}</Text>}
      {hours && <Text className="ruhui-body">{labels.contactHours}：{hours}</Text>}
    </View>
  )
}

/** A consent's full text, readable in place, with its version (its title only where the step's title is not the same). */
export function ConsentText({ text, stepTitle }: { text: { title: string; body: string; version: string }; stepTitle?: string }) {
  return (
    <View className="ruhui-consent">
      {text.title !== stepTitle && <Text className="ruhui-subtitle">{text.title}</Text>}
      <Text className="ruhui-body">{text.body}</Text>
      <Text className="ruhui-muted">v{text.version}</Text>
    </View>
  )
}

/** The home place in words ('安徽省 合肥市 肥西县 三河镇'), or null while it is not known. */
export const placeWords = (state: FlowState): string | null => (state.countyLabel ? [state.countyLabel, state.townshipLabel].filter(Boolean).join(' ') : null)
