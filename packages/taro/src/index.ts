/**
 * `@ruhui/taro`: the "加入工会" button and the join flow for Taro (WeChat mini-program and h5).
 * Import the styles once in the app: `import '@ruhui/taro/style.css'`.
 */
export { JoinUnionButton } from './join-union-button'
export type { JoinUnionButtonProps } from './join-union-button'
export { JoinUnionFlow } from './join-union-flow'
export type { JoinUnionFlowProps } from './join-union-flow'
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
