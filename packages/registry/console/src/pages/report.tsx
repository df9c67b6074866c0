/** 试点工作总结: a printable summary of the pilot for a province, with the figures and the charts. */
import { Button, Descriptions, Select, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import type { Me } from '../api'
import { ORG_TYPE, TIER, useLocale, useW } from '../i18n'
import { go } from '../route'
import { useLoad } from '../use-load'
import { ApprovalTimeChart, CityChart, DailyChart, FunnelChart, OrgTypeChart, TierChart } from './charts'
import { loadStats } from './stats'

const PROVINCES: Record<string, string> = { '32': '江苏省', '34': '安徽省' }

export function ReportPage({ me }: { me: Me }) {
  const w = useW()
  const [locale, t] = useLocale()
  const en = locale === 'en'
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '')
  const [province, setProvince] = useState(params.get('province') ?? me.org_region?.slice(0, 2) ?? '32')
  const printing = params.get('print') === '1'
  const stats = useLoad(() => loadStats({ region_prefix: province }), [province])
  const s = stats.data
  const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : '—')
  const today = new Date().toLocaleDateString('zh-CN')
  return (
    <div className="ruhui-report" style={{ maxWidth: 960, margin: '0 auto', background: '#fff', padding: printing ? 24 : 0 }}>
      <style>{'@media print { .no-print { display: none !important } .ruhui-report { padding: 0 } @page { size: A4; margin: 16mm } }'}</style>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Select value={province} onChange={setProvince} options={Object.entries(PROVINCES).map(([value, label]) => ({ value, label }))} />
        <Button onClick={() => go('report', { province, print: '1' })}>{w('打印版')}</Button>
        <Button type="primary" onClick={() => window.print()}>{t.print}</Button>
      </Space>
      <Typography.Title level={2} style={{ textAlign: 'center' }}>
        {en ? `Online union joining for truck drivers, ${w(PROVINCES[province] ?? province)}: pilot summary` : `${PROVINCES[province] ?? province}货车司机网上入会试点工作总结`}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'center' }} type="secondary">
        {en ? `Figures as of ${today} · by ${me.org_name}` : `数据截至 ${today} · 由 ${me.org_name} 生成`}
      </Typography.Paragraph>
      {s && (
        <>
          <Typography.Title level={4}>{w('一、总体情况')}</Typography.Title>
          <Descriptions bordered size="small" column={2} data-testid="report-figures">
            <Descriptions.Item label={w('打开入会流程')}>{s.funnel.sessions_created}</Descriptions.Item>
            <Descriptions.Item label={w('同意授权并填写')}>{s.funnel.consented}</Descriptions.Item>
            <Descriptions.Item label={w('提交入会申请')}>{s.funnel.submitted}</Descriptions.Item>
            <Descriptions.Item label={w('批准入会')}>{s.funnel.approved}（批准率 {pct(s.funnel.approved, s.funnel.submitted)}）</Descriptions.Item>
            <Descriptions.Item label={w('审批用时中位数')}>{s.hours_to_approval.median === null ? '—' : `${s.hours_to_approval.median.toFixed(1)} 小时`}</Descriptions.Item>
            <Descriptions.Item label={w('积极分子和志愿者')}>{s.volunteers} 人</Descriptions.Item>
            <Descriptions.Item label={w('有司机会员的基层工会')}>{s.members_per_union.data.length} 个</Descriptions.Item>
            <Descriptions.Item label={en ? `With ${s.members_per_union.threshold}+ members (social union worker recommended)` : `会员 ${s.members_per_union.threshold} 人以上（建议配备社会化工会工作者）`}>{s.members_per_union.flagged}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={4}>{w('二、入会进度')}</Typography.Title>
          <DailyChart s={s} />
          <FunnelChart s={s} />
          <Typography.Title level={4}>{w('三、地区与组织')}</Typography.Title>
          <CityChart s={s} />
          <OrgTypeChart s={s} />
          <TierChart s={s} />
          <Table
            size="small"
            pagination={false}
            rowKey="k"
            dataSource={Object.entries(s.by_tier).map(([k, v]) => ({ k, name: TIER[k] ?? k, v }))}
            columns={[{ title: w('匹配层级'), dataIndex: 'name' }, { title: w('申请数'), dataIndex: 'v' }]}
          />
          <Typography.Title level={4}>{w('四、审批效率')}</Typography.Title>
          <ApprovalTimeChart s={s} />
          <Typography.Title level={4}>{w('五、会员较多的基层工会')}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="org_id"
            dataSource={s.members_per_union.data.slice(0, 20)}
            columns={[
              { title: w('工会'), dataIndex: 'org_name' },
              { title: w('类型'), dataIndex: 'type', render: (v: string) => ORG_TYPE[v] ?? v },
              { title: w('会员数'), dataIndex: 'members' },
              { title: w('社会化工会工作者'), dataIndex: 'needs_social_worker', render: (v: boolean) => (v ? w('建议配备') : '') },
            ]}
          />
        </>
      )}
    </div>
  )
}
