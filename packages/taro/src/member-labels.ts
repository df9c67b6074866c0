/** The member centre's words (zh-CN first, from @ruhui/core/member), with a host's overrides on top. */
import { type MemberLabels, memberLabels } from '@ruhui/core/member'
import type { DeepPartial } from './labels'

export function resolveMemberLabels(locale: 'zh-CN' | 'en' = 'zh-CN', overrides: DeepPartial<MemberLabels> = {}): MemberLabels {
  const base = memberLabels(locale)
  const out = { ...base } as Record<string, unknown>
  for (const [k, v] of Object.entries(overrides)) {
    const b = (base as unknown as Record<string, unknown>)[k]
    out[k] = v && typeof v === 'object' && b && typeof b === 'object' ? { ...(b as object), ...(v as object) } : v
  }
  return out as unknown as MemberLabels
}
