/** The pilot's charts, shared by the dashboard and the printable report. */
import { Chart, barOption } from '../chart'
import { ORG_TYPE, TIER, useW, useLocale } from '../i18n'
import { type Stats, days } from './stats'

export function DailyChart({ s }: { s: Stats }) {
  const w = useW()
  const d = days(s.applications_by_day, s.approvals_by_day)
  return (
    <Chart
      testId="chart-daily"
      option={{
        title: { text: w('每日申请与批准'), textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { top: 0, right: 0 },
        grid: { left: 40, right: 20, bottom: 40, top: 40 },
        xAxis: { type: 'category', data: d },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: w('申请'), type: 'line', data: d.map((x) => s.applications_by_day[x] ?? 0), itemStyle: { color: '#c8161d' } },
          { name: w('批准'), type: 'line', data: d.map((x) => s.approvals_by_day[x] ?? 0), itemStyle: { color: '#1a7f37' } },
        ],
      }}
    />
  )
}

export function FunnelChart({ s }: { s: Stats }) {
  const w = useW()
  const stages: Array<[string, number]> = [
    [w('打开入会流程'), s.funnel.sessions_created],
    [w('同意授权并填写'), s.funnel.consented],
    [w('提交申请'), s.funnel.submitted],
    [w('批准入会'), s.funnel.approved],
  ]
  return (
    <Chart
      testId="chart-funnel"
      option={{
        title: { text: w('入会漏斗'), textStyle: { fontSize: 14 } },
        tooltip: {},
        series: [{ type: 'funnel', sort: 'none', top: 40, bottom: 10, left: '10%', width: '80%', minSize: '10%', label: { formatter: '{b}：{c}' }, data: stages.map(([name, value]) => ({ name, value })), color: ['#f4a3a6', '#e66f74', '#d63b42', '#a30f15'] }],
      }}
    />
  )
}

export function CityChart({ s }: { s: Stats }) {
  const w = useW()
  return <Chart testId="chart-city" option={barOption(w('按城市'), s.by_city, (k) => s.city_names[k] ?? k, true)} />
}
export function PlatformChart({ s }: { s: Stats }) {
  const w = useW()
  return <Chart testId="chart-platform" option={barOption(w('按平台'), s.by_platform, (k) => s.platform_names[k] ?? k, true)} />
}
export function TierChart({ s }: { s: Stats }) {
  const w = useW()
  return <Chart testId="chart-tier" option={barOption(w('按匹配层级'), s.by_tier, (k) => TIER[k] ?? k, true)} />
}

export function OrgTypeChart({ s }: { s: Stats }) {
  const w = useW()
  return (
    <Chart
      testId="chart-org-type"
      option={{
        title: { text: w('按组织类型'), textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'item' },
        series: [{ type: 'pie', radius: ['35%', '65%'], top: 30, label: { formatter: '{b}：{c}' }, data: Object.entries(s.by_org_type).map(([k, v]) => ({ name: ORG_TYPE[k] ?? k, value: v })) }],
      }}
    />
  )
}

export function ApprovalTimeChart({ s }: { s: Stats }) {
  const en = useLocale()[0] === 'en'
  const median = s.hours_to_approval.median
  return (
    <Chart
      testId="chart-approval-time"
      option={{
        title: { text: en ? `Submission to approval (median ${median === null ? '—' : `${median.toFixed(1)} h`})` : `从提交到批准（中位数 ${median === null ? '—' : `${median.toFixed(1)} 小时`}）`, textStyle: { fontSize: 14 } },
        tooltip: {},
        grid: { left: 40, right: 20, bottom: 40, top: 40 },
        xAxis: { type: 'category', data: s.hours_to_approval.histogram.map((h) => h.label) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: s.hours_to_approval.histogram.map((h) => h.count), itemStyle: { color: '#1a7f37' }, label: { show: true, position: 'top' } }],
      }}
    />
  )
}
