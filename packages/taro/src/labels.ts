/** Every word the component shows, zh-CN first; a host overrides any of them with `labels`. */
import { type FlowLabels, enFlowLabels, zhCNFlowLabels } from '@ruhui/core/flow'

/** The flow's words live in @ruhui/core/flow, shared with @ruhui/weapp and the hosted page. */
export type JoinLabels = FlowLabels
export const zhCNLabels: JoinLabels = zhCNFlowLabels
export const enLabels: JoinLabels = enFlowLabels

/** Labels for a locale, with the host's overrides on top (nested groups merge field by field). */
export function resolveLabels(locale: 'zh-CN' | 'en' = 'zh-CN', overrides: DeepPartial<JoinLabels> = {}): JoinLabels {
  const base = locale === 'en' ? enLabels : zhCNLabels
  const out = { ...base } as Record<string, unknown>
  for (const [k, v] of Object.entries(overrides)) {
    const b = (base as unknown as Record<string, unknown>)[k]
    out[k] = v && typeof v === 'object' && b && typeof b === 'object' ? { ...(b as object), ...(v as object) } : v
  }
  return out as unknown as JoinLabels
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] }
