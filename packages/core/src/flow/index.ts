/** `@ruhui/core/flow`: the headless join flow the Taro component renders. */
export { createJoinFlow } from './create-join-flow'
export type { JoinFlow, JoinFlowOptions, FlowState, FlowStep, FlowEvent, FlowEventName, FieldName, ExitReason, ResultKind, HostCapabilities } from './types'
export { memoryStorage, alwaysOnline } from './ports'
export type { FlowStorage, NetworkPort, LifecyclePort } from './ports'
export { DEFAULT_CONSENT_TEXTS } from './consent-texts'
export { unionContactOf } from './union-contact'
export { awaitsUnion, unionChoices } from './union-choices'
export type { UnionChoice } from './union-choices'
export { flowLabels, zhCNFlowLabels, enFlowLabels } from './labels'
export type { FlowLabels } from './labels'
export type { UnionContact } from './union-contact'
export type { ConsentText, ConsentTexts } from './consent-texts'
// Held back: sha256Hex (consent-text hashing inside the flow), the reducer, actions and effects (internal parts).
