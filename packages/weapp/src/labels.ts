/** Every word the component shows: the flow's own words from @ruhui/core/flow, the same as @ruhui/taro's. */
import { type FlowLabels, enFlowLabels, flowLabels, zhCNFlowLabels } from '@ruhui/core/flow'

export type WeappLabels = FlowLabels
export const zhCN: WeappLabels = zhCNFlowLabels
export const en: WeappLabels = enFlowLabels
export const labelsFor = (locale: string): WeappLabels => flowLabels(locale)
