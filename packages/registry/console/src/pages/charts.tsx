/** The pilot's charts, shared by the dashboard and the printable report. */
import type { OrgType } from '@ruhui/core'
import { Chart, barOption } from '../chart'
import { useI18n } from '../i18n'
import { type Stats, days } from './stats'

export function DailyChart({ s }: { s: Stats }) {
  const { t } = useI18n()
  const d = days(s.applications_by_day, s.approvals_by_day)
  return (
    <Chart
      testId="chart-daily"
      option={{
        title: { text: t.perDay, textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { top: 0, right: 0 },
        grid: { left: 40, right: 20, bottom: 40, top: 40 },
        xAxis: { type: 'category', data: d },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t.applicationsSeries, type: 'line', data: d.map((x) => s.applications_by_day[x] ?? 0), itemStyle: { color: '#c8161d' } },
          { name: t.approvalsSeries, type: 'line', data: d.map((x) => s.approvals_by_day[x] ?? 0), itemStyle: { color: '#1a7f37' } },
        ],
      }}
    />
  )
}

export function FunnelChart({ s }: { s: Stats }) {
  const { t } = useI18n()
  const stages: Array<[string, number]> = [
    [t.opened, s.funnel.sessions_created],
    [t.consented, s.funnel.consented],
    [t.submitted, s.funnel.submitted],
    [t.approved, s.funnel.approved],
  ]
  return (
    <Chart
      testId="chart-funnel"
      option={{
        title: { text: t.funnel, textStyle: { fontSize: 14 } },
        tooltip: {},
        // The labels sit to the right of the funnel: room for them in either language.
        series: [{ type: 'funnel', sort: 'none', top: 40, bottom: 10, left: '5%', width: '55%', minSize: '10%', label: { formatter: t.chartItem }, data: stages.map(([name, value]) => ({ name, value })), color: ['#f4a3a6', '#e66f74', '#d63b42', '#a30f15'] }],
      }}
    />
  )
}

export function CityChart({ s }: { s: Stats }) {
  const { t } = useI18n()
  return <Chart testId="chart-city" option={barOption(t.byCity, s.by_city, (k) => s.city_names[k] ?? k, true)} />
}
export function PlatformChart({ s }: { s: Stats }) {
  const { t } = useI18n()
  return <Chart testId="chart-platform" option={barOption(t.byPlatform, s.by_platform, (k) => s.platform_names[k] ?? k, true)} />
}
export function TierChart({ s }: { s: Stats }) {
  const { t, tierLabel } = useI18n()
  return <Chart testId="chart-tier" option={barOption(t.byTier, s.by_tier, tierLabel, true)} />
}

export function OrgTypeChart({ s }: { s: Stats }) {
  const { t, orgTypeLabel } = useI18n()
  return (
    <Chart
      testId="chart-org-type"
      option={{
        title: { text: t.byOrgType, textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'item' },
        series: [{ type: 'pie', radius: ['35%', '65%'], top: 30, label: { formatter: t.chartItem, width: 180, overflow: 'break' }, data: Object.entries(s.by_org_type).map(([k, v]) => ({ name: orgTypeLabel(k as OrgType | 'unknown'), value: v })) }],
      }}
    />
  )
}

export function ApprovalTimeChart({ s }: { s: Stats }) {
  const { t } = useI18n()
  return (
    <Chart
      testId="chart-approval-time"
      option={{
        title: { text: t.timeToApproval(s.hours_to_approval.median), textStyle: { fontSize: 14 } },
        tooltip: {},
        grid: { left: 40, right: 20, bottom: 40, top: 40 },
        xAxis: { type: 'category', data: s.hours_to_approval.histogram.map((h) => h.label) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: s.hours_to_approval.histogram.map((h) => h.count), itemStyle: { color: '#1a7f37' }, label: { show: true, position: 'top' } }],
      }}
    />
  )
}
