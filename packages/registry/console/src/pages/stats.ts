/** The pilot statistics the dashboard and the report draw (GET /v1/stats). */
import type { ApplicationStatus, OrgType, TierId } from '@ruhui/core'
import { api } from '../api'

export interface Stats {
  funnel: { sessions_created: number; consented: number; submitted: number; approved: number }
  applications_by_day: Record<string, number>
  approvals_by_day: Record<string, number>
  by_city: Record<string, number>
  by_platform: Record<string, number>
  /** `unknown`: the organisation is no longer in the directory. */
  by_org_type: Partial<Record<OrgType | 'unknown', number>>
  /** `assignment`: no tier, the application awaits an organisation. */
  by_tier: Partial<Record<TierId | 'assignment', number>>
  by_status: Partial<Record<ApplicationStatus, number>>
  hours_to_approval: { median: number | null; p90: number | null; count: number; histogram: Array<{ label: string; count: number }> }
  city_names: Record<string, string>
  platform_names: Record<string, string>
  members_per_union: { threshold: number; flagged: number; data: Array<{ org_id: string; org_name: string; type: OrgType | 'unknown'; members: number; needs_social_worker: boolean }> }
  volunteers: number
}

export const loadStats = (q: Record<string, string | undefined>) => api<Stats>('/v1/stats', { query: q })

/** Every day from the first to the last, so that quiet days show as zero. */
export function days(...maps: Array<Record<string, number>>): string[] {
  const all = maps.flatMap((m) => Object.keys(m)).sort()
  if (all.length === 0) return []
  const out: string[] = []
  for (let d = new Date(`${all[0]}T00:00:00Z`); d <= new Date(`${all[all.length - 1]}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10))
  return out
}
