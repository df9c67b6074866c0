/** 试点工作总结: a printable summary of the pilot for a province, with the figures and the charts. */
import { Button, Descriptions, Select, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import type { OrgType, TierId } from '@ruhui/core'
import type { Me } from '../api'
import { useI18n } from '../i18n'
import { go } from '../route'
import { useLoad } from '../use-load'
import { ApprovalTimeChart, CityChart, DailyChart, FunnelChart, OrgTypeChart, TierChart } from './charts'
import { loadStats } from './stats'

// The pilot provinces (the 2021 notice: Jiangsu and Anhui).
const PROVINCES = ['32', '34']

export function ReportPage({ me }: { me: Me }) {
  const { t, orgTypeLabel, tierLabel } = useI18n()
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '')
  const [province, setProvince] = useState(params.get('province') ?? me.org_region?.slice(0, 2) ?? '32')
  const printing = params.get('print') === '1'
  const stats = useLoad(() => loadStats({ region_prefix: province }), [province])
  const s = stats.data
  const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : '—')
  const today = t.date(new Date())
  const provinceName = t.provinces[province] ?? province
  return (
    <div className="ruhui-report" style={{ maxWidth: 960, margin: '0 auto', background: '#fff', padding: printing ? 24 : 0 }}>
      <style>{'@media print { .no-print { display: none !important } .ruhui-report { padding: 0 } @page { size: A4; margin: 16mm } }'}</style>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Select value={province} onChange={setProvince} options={PROVINCES.map((value) => ({ value, label: t.provinces[value] ?? value }))} />
        <Button onClick={() => go('report', { province, print: '1' })}>{t.printVersion}</Button>
        <Button type="primary" onClick={() => window.print()}>{t.print}</Button>
      </Space>
      <Typography.Title level={2} style={{ textAlign: 'center' }}>
        {t.reportTitle(provinceName)}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'center' }} type="secondary">
        {t.reportByline(today, me.org_name ?? '')}
      </Typography.Paragraph>
      {s && (
        <>
          <Typography.Title level={4}>{t.overview}</Typography.Title>
          <Descriptions bordered size="small" column={2} data-testid="report-figures">
            <Descriptions.Item label={t.opened}>{s.funnel.sessions_created}</Descriptions.Item>
            <Descriptions.Item label={t.consented}>{s.funnel.consented}</Descriptions.Item>
            <Descriptions.Item label={t.submittedApplications}>{s.funnel.submitted}</Descriptions.Item>
            <Descriptions.Item label={t.approved}>{t.approvedWithRate(s.funnel.approved, pct(s.funnel.approved, s.funnel.submitted))}</Descriptions.Item>
            <Descriptions.Item label={t.medianTime}>{s.hours_to_approval.median === null ? '—' : t.hours(s.hours_to_approval.median)}</Descriptions.Item>
            <Descriptions.Item label={t.activistsAndVolunteers}>{t.people(s.volunteers)}</Descriptions.Item>
            <Descriptions.Item label={t.unionsWithMembers}>{t.unions(s.members_per_union.data.length)}</Descriptions.Item>
            <Descriptions.Item label={t.unionsAtThreshold(s.members_per_union.threshold)}>{s.members_per_union.flagged}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={4}>{t.progress}</Typography.Title>
          <DailyChart s={s} />
          <FunnelChart s={s} />
          <Typography.Title level={4}>{t.regionsAndOrgs}</Typography.Title>
          <CityChart s={s} />
          <OrgTypeChart s={s} />
          <TierChart s={s} />
          <Table
            size="small"
            pagination={false}
            rowKey="k"
            dataSource={Object.entries(s.by_tier).map(([k, v]) => ({ k, name: tierLabel(k as TierId | 'assignment'), v }))}
            columns={[{ title: t.tier, dataIndex: 'name' }, { title: t.applicationCount, dataIndex: 'v' }]}
          />
          <Typography.Title level={4}>{t.approvalTime}</Typography.Title>
          <ApprovalTimeChart s={s} />
          <Typography.Title level={4}>{t.largestUnions}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="org_id"
            dataSource={s.members_per_union.data.slice(0, 20)}
            columns={[
              { title: t.unionShort, dataIndex: 'org_name' },
              { title: t.type, dataIndex: 'type', render: (v: OrgType | 'unknown') => orgTypeLabel(v) },
              { title: t.memberTotal, dataIndex: 'members' },
              { title: t.socialWorker, dataIndex: 'needs_social_worker', render: (v: boolean) => (v ? t.recommended : '') },
            ]}
          />
        </>
      )}
    </div>
  )
}
