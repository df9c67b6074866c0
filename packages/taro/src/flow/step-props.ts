/** What every step of <JoinUnionFlow> receives: the flow's state, its actions, the words, the host's props. */
import type { FlowState, JoinFlow } from '@ruhui/core/flow'
import type { JoinLabels } from '../labels'
import type { JoinUnionFlowProps } from '../join-union-flow'

export interface StepProps {
  state: FlowState
  flow: JoinFlow
  labels: JoinLabels
  props: JoinUnionFlowProps
}

export const localeOf = (props: JoinUnionFlowProps): 'zh-CN' | 'en' => props.locale ?? 'zh-CN'
