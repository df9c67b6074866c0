/** The pilot's charts, shared by the dashboard and the printable report. */
import { Chart, barOption } from '../chart'
import { ORG_TYPE, TIER } from '../i18n'
import { type Stats, days } from './stats'

export function DailyChart({ s }: { s: Stats }) {
  const d = days(s.applications_by_day, s.approvals_by_day)
  return (
    <Chart
      testId="chart-daily"
      option={{
        title: { text: '每日申请与批准', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { top: 0, right: 0 },
        grid: { left: 40, right: 20, bottom: 40, top: 40 },
        xAxis: { type: 'category', data: d },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: '申请', type: 'line', data: d.map((x) => s.applications_by_day[x] ?? 0), itemStyle: { color: '#c8161d' } },
          { name: '批准', type: 'line', data: d.map((x) => s.approvals_by_day[x] ?? 0), itemStyle: { color: '#1a7f37' } },
        ],
      }}
    />
  )
}

export function FunnelChart({ s }: { s: Stats }) {
  const stages: Array<[string, number]> = [
    ['打开入会流程', s.funnel.sessions_created],
    ['同意授权并填写', s.funnel.consented],
    ['提交申请', s.funnel.submitted],
    ['批准入会', s.funnel.approved],
  ]
  return (
    <Chart
      testId="chart-funnel"
      option={{
        title: { text: '入会漏斗', textStyle: { fontSize: 14 } },
        tooltip: {},
        series: [{ type: 'funnel', sort: 'none', top: 40, bottom: 10, left: '10%', width: '80%', minSize: '10%', label: { formatter: '{b}：{c}' }, data: stages.map(([name, value]) => ({ name, value })), color: ['#f4a3a6', '#e66f74', '#d63b42', '#a30f15'] }],
      }}
    />
  )
}

export const CityChart = ({ s }: { s: Stats }) => <Chart testId="chart-city" option={barOption('按城市', s.by_city, (k) => s.city_names[k] ?? k, true)} />
export const PlatformChart = ({ s }: { s: Stats }) => <Chart testId="chart-platform" option={barOption('按平台', s.by_platform, (k) => s.platform_names[k] ?? k, true)} />
export const TierChart = ({ s }: { s: Stats }) => <Chart testId="chart-tier" option={barOption('按匹配层级', s.by_tier, (k) => TIER[k] ?? k, true)} />

export function OrgTypeChart({ s }: { s: Stats }) {
  return (
    <Chart
      testId="chart-org-type"
      option={{
        title: { text: '按组织类型', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'item' },
        series: [{ type: 'pie', radius: ['35%', '65%'], top: 30, label: { formatter: '{b}：{c}' }, data: Object.entries(s.by_org_type).map(([k, v]) => ({ name: ORG_TYPE[k] ?? k, value: v })) }],
      }}
    />
  )
}

export function ApprovalTimeChart({ s }: { s: Stats }) {
  return (
    <Chart
      testId="chart-approval-time"
      option={{
        title: { text: `从提交到批准（中位数 ${s.hours_to_approval.median === null ? '—' : `${s.hours_to_approval.median.toFixed(1)} 小时`}）`, textStyle: { fontSize: 14 } },
        tooltip: {},
        grid: { left: 40, right: 20, bottom: 40, top: 40 },
        xAxis: { type: 'category', data: s.hours_to_approval.histogram.map((h) => h.label) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: s.hours_to_approval.histogram.map((h) => h.count), itemStyle: { color: '#1a7f37' }, label: { show: true, position: 'top' } }],
      }}
    />
  )
}
