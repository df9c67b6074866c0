/**
 * `<MemberCentre>` (我的会籍): the driver's side after joining — the e-card with its QR code drawn
 * on the device, the status, the union and its contact, the union's request for information (the
 * review loop), the member services, the history, and the driver's requests (move, leave, change
 * details). It renders @ruhui/core/member's state and nothing else.
 */
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { enumLabel } from '@ruhui/core'
import { type MemberCapabilities, type MemberLabels, type MemberState, type Membership, infoRequestOf } from '@ruhui/core/member'
import { a11yLabel, a11yRole } from './a11y'
import { buttonState } from './button-state'
import { InfoAnswerView } from './info-answer-view'
import { MemberCardQr } from './member-card-qr'
import { MemberPanels } from './member-centre-panels'
import { resolveMemberLabels } from './member-labels'
import type { DeepPartial } from './labels'
import { type UseMemberCentreOptions, useMemberCentre } from './use-member-centre'

/** Application statuses still on their way to a decision. */
const OPEN: readonly string[] = ['submitted', 'under_review', 'needs_info', 'awaiting_assignment']

export interface MemberCentreProps extends UseMemberCentreOptions {
  labels?: DeepPartial<MemberLabels>
  /** Photos for the union's requests (@default Taro.chooseImage). */
  capabilities?: MemberCapabilities
  /**
   * What the card's QR code holds. @default the card's signed payload ('RUHUI1.…') itself, which the
   * registry's /verify page scans and `verifyMemberCard` checks offline. A host may make it a link
   * instead, e.g. `(p) => \`${registryUrl}/verify#${p}\`` (the page checks a code after # at once).
   */
  qrContent?(payload: string): string
  className?: string
  /** Shown as a 关闭 button. */
  onClose?(): void
}

export function MemberCentre(props: MemberCentreProps) {
  const { state, centre, api } = useMemberCentre(props)
  // The answer to the union's request was accepted: said here once the request is gone from the membership.
  const [infoSent, setInfoSent] = useState(false)
  const locale = props.locale ?? 'zh-CN'
  const labels = resolveMemberLabels(locale, props.labels)
  const theme = `ruhui-join ruhui-member ${props.className ?? ''}`.trim()
  if (!state || !centre || !api) return <View className={theme}><Text className="ruhui-muted">{labels.loading}</Text></View>
  const m = state.membership
  const request = infoRequestOf(m)
  return (
    <View className={theme}>
      <Text className="ruhui-title">{labels.title}</Text>
      {state.status === 'loading' && <Text className="ruhui-muted">{labels.loading}</Text>}
      {state.status === 'failed' && (
        <Button className="ruhui-btn ruhui-btn--secondary" onClick={() => void centre.load()}>
          {labels.retry}
        </Button>
      )}
      {state.status === 'not_member' && <Text className="ruhui-body ruhui-member__none">{m?.applications.some((a) => OPEN.includes(a.status)) ? labels.applicationOpen : labels.notMember}</Text>}
      {state.notice && <Text className="ruhui-ok ruhui-member__notice" {...a11yRole('status')}>{labels[state.notice]}</Text>}
      {state.error && state.panel === 'home' && (
        <View className="ruhui-error" {...a11yRole('alert')}>
          <Text>{state.error.message}</Text>
        </View>
      )}
      {request && (
        <InfoAnswerView
          api={api}
          request={request}
          labels={labels}
          locale={locale}
          {...(props.capabilities?.choosePhoto ? { capabilities: { choosePhoto: props.capabilities.choosePhoto } } : {})}
          onAnswered={() => {
            setInfoSent(true)
            void centre.load()
          }}
        />
      )}
      {infoSent && !request && <Text className="ruhui-ok ruhui-info-sent">{labels.infoSent}</Text>}
      {m && state.panel === 'home' && m.status && <MemberHome m={m} state={state} labels={labels} locale={locale} props={props} onOpen={(p) => centre.open(p)} onCancelLeave={() => void centre.cancelLeave()} />}
      {m && state.panel !== 'home' && <MemberPanels state={state} centre={centre} labels={labels} locale={locale} />}
      {m && m.history.length > 0 && state.panel === 'home' && (
        <Dated className="ruhui-member__history" title={labels.historyTitle} rows={m.history.map((h) => [h.at, `${enumLabel('membershipEventKind', h.kind, locale)}${h.org_name ? ` · ${h.org_name}` : ''}${h.reason ? `（${h.reason}）` : ''}`])} />
      )}
      {m && !m.status && m.applications.length > 0 && (
        <Dated className="ruhui-member__applications" title={labels.applicationsTitle} rows={m.applications.map((a) => [a.submitted_at, `${enumLabel('applicationStatus', a.status, locale)}${a.org_name ? ` · ${a.org_name}` : ''}`])} />
      )}
      {props.onClose && (
        <Button className="ruhui-btn ruhui-btn--text" onClick={props.onClose}>
          {labels.close}
        </Button>
      )}
    </View>
  )
}

function MemberHome({ m, state, labels, locale, props, onOpen, onCancelLeave }: { m: Membership; state: MemberState; labels: MemberLabels; locale: 'zh-CN' | 'en'; props: MemberCentreProps; onOpen(p: 'move' | 'leave' | 'update'): void; onCancelLeave(): void }) {
  const card = m.card
  const qr = card ? (props.qrContent ? props.qrContent(card.qr_payload) : card.qr_payload) : null
  const leaving = m.leave_request?.status === 'pending'
  const contact = m.union?.contact
  return (
    <View className="ruhui-member__home">
      <View className={`ruhui-ecard ${card ? '' : 'ruhui-ecard--revoked'}`} {...a11yLabel(labels.cardTitle)}>
        <Text className="ruhui-ecard__title">{labels.cardTitle}</Text>
        {m.union && <Text className="ruhui-ecard__union">{m.union.name}</Text>}
        <Text className="ruhui-ecard__line">
          {labels.cardHolder}：{m.member_name}
        </Text>
        {card && (
          <Text className="ruhui-ecard__line">
            {labels.cardNumber}：<Text className="ruhui-ecard__number">{card.number}</Text>
          </Text>
        )}
        {m.join_date && (
          <Text className="ruhui-ecard__line">
            {labels.joinedOn}：{m.join_date}
          </Text>
        )}
        {qr ? <MemberCardQr value={qr} label={`${labels.cardTitle} ${card?.number ?? ''}`} /> : <Text className="ruhui-error">{labels.cardRevoked}</Text>}
        {qr && <Text className="ruhui-muted">{labels.cardQrHint}</Text>}
        {state.stale && <Text className="ruhui-muted ruhui-ecard__kept">{labels.cardKept}</Text>}
      </View>
      <Text className="ruhui-body ruhui-member__status">
        {labels.status}：{m.status ? enumLabel('membershipStatus', m.status, locale) : '—'}
      </Text>
      {m.open_transfer && (
        <Text className="ruhui-body ruhui-member__moving">
          {labels.movePending}
          {m.open_transfer.to_org_name ? `（${m.open_transfer.to_org_name}，${enumLabel('transferStatus', m.open_transfer.status, locale)}）` : ''}
        </Text>
      )}
      {leaving && (
        <View className="ruhui-member__leaving">
          <Text className="ruhui-body">{labels.leavePending}</Text>
          <Button className="ruhui-btn ruhui-btn--text" {...buttonState(state.busy, state.busy)} onClick={onCancelLeave}>
            {labels.leaveCancel}
          </Button>
        </View>
      )}
      {contact && (contact.phone || contact.address || contact.hours) && (
        <View className="ruhui-contact">
          <Text className="ruhui-muted">{labels.contactTitle}</Text>
          {contact.phone && <Text className="ruhui-body">{labels.contactPhone}：{contact.phone}</Text>}
          {contact.address && <Text className="ruhui-body">{labels.contactAddress}：{contact.address}</Text>}
          {contact.hours && <Text className="ruhui-body">{labels.contactHours}：{contact.hours}</Text>}
        </View>
      )}
      <View className="ruhui-services">
        <Text className="ruhui-subtitle">{labels.servicesTitle}</Text>
        {state.services.length === 0 && <Text className="ruhui-muted">{labels.servicesEmpty}</Text>}
        {state.services.map((s) => (
          <View key={s.id} className={`ruhui-service ruhui-service--${s.kind}`}>
            <Text className="ruhui-service__name">{s.name}</Text>
            <Text className="ruhui-service__summary">{s.summary}</Text>
            {s.location && <Text className="ruhui-muted">{s.location.address}</Text>}
          </View>
        ))}
      </View>
      {m.card && !m.open_transfer && !leaving && (
        <View className="ruhui-member__actions">
          <Text className="ruhui-subtitle">{labels.actionsTitle}</Text>
          <Button className="ruhui-btn ruhui-btn--secondary ruhui-member__move" onClick={() => onOpen('move')}>
            {labels.move}
          </Button>
          <Button className="ruhui-btn ruhui-btn--secondary ruhui-member__update" onClick={() => onOpen('update')}>
            {labels.update}
          </Button>
          <Button className="ruhui-btn ruhui-btn--text ruhui-member__leave" onClick={() => onOpen('leave')}>
            {labels.leave}
          </Button>
        </View>
      )}
    </View>
  )
}

/** Dated lines, newest first: the membership's history, or (not yet a member) the driver's applications. */
function Dated({ className, title, rows }: { className: string; title: string; rows: Array<[string, string]> }) {
  return (
    <View className={className}>
      <Text className="ruhui-subtitle">{title}</Text>
      {rows.map(([at, text], i) => (
        <View key={`${at}-${i}`} className="ruhui-history__item">
          <Text className="ruhui-muted">{at.slice(0, 10)}</Text>
          <Text className="ruhui-body">{text}</Text>
        </View>
      ))}
    </View>
  )
}
