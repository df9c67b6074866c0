/**
 * `@ruhui/taro`: the "加入工会" button and the join flow for Taro (WeChat mini-program and h5).
 * Import the styles once in the app: `import '@ruhui/taro/style.css'`.
 */
export { JoinUnionButton } from './join-union-button'
export type { JoinUnionButtonProps } from './join-union-button'
// The join flow, or the member centre in its place when the session says the driver is a member.
export { JoinUnionFlow, useSessionMode } from './join-or-member-centre'
export type { JoinUnionFlowProps, SessionMode } from './join-or-member-centre'
// 我的会籍: the member centre (the e-card and its QR code, status, history, services, requests) and the review loop's answer.
export { MemberCentre } from './member-centre'
export type { MemberCentreProps } from './member-centre'
export { useMemberCentre } from './use-member-centre'
export type { UseMemberCentreOptions, UseMemberCentreResult } from './use-member-centre'
export { MemberCardQr } from './member-card-qr'
export type { MemberCardQrProps } from './member-card-qr'
export { InfoAnswerView, FlowInfoAnswer } from './info-answer-view'
export type { InfoAnswerViewProps, FlowInfoAnswerProps } from './info-answer-view'
export { taroChoosePhoto, taroSubscription } from './member-ports'
export { resolveMemberLabels } from './member-labels'
export type { MemberLabels, MemberCapabilities, MemberState } from '@ruhui/core/member'
export { JoinUnionLink } from './join-union-link'
export type { JoinUnionLinkProps } from './join-union-link'
export { useJoinFlow } from './use-join-flow'
export type { UseJoinFlowOptions, UseJoinFlowResult } from './use-join-flow'
export { createTaroTransport } from './transport'
export type { TaroRequestFn } from './transport'
export { taroStorage, taroNetwork, taroLifecycle } from './ports'
export { zhCNLabels, enLabels, resolveLabels } from './labels'
export type { JoinLabels, DeepPartial } from './labels'
export type { FlowState, FlowEvent, FlowEventName, ExitReason, HostCapabilities } from '@ruhui/core/flow'
