/** The pilot dashboard: the figures, the charts, members per grassroots union, exports. */
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Space, Statistic, Table, Tag, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import type { OrgType } from '@ruhui/core'
import { type Me, download } from '../api'
import { useI18n } from '../i18n'
import { useLoad } from '../use-load'
import { ApprovalTimeChart, CityChart, DailyChart, FunnelChart, OrgTypeChart, PlatformChart, TierChart } from './charts'
import { loadStats } from './stats'

interface Filter {
  from?: string
  to?: string
  region_prefix?: string
  threshold?: string
}

export function DashboardPage({ me }: { me: Me }) {
  const { message } = App.useApp()
  const { t, orgTypeLabel } = useI18n()
  const [filter, setFilter] = useState<Filter>({})
  const stats = useLoad(() => loadStats({ ...filter }), [JSON.stringify(filter)])
  const s = stats.data
  const onFinish = (v: { range?: [Dayjs, Dayjs] | null; region_prefix?: string; threshold?: number }) =>
    setFilter({
      ...(v.range ? { from: v.range[0].format('YYYY-MM-DD'), to: v.range[1].format('YYYY-MM-DD') } : {}),
      ...(v.region_prefix ? { region_prefix: v.region_prefix } : {}),
      ...(v.threshold ? { threshold: String(v.threshold) } : {}),
    })
  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      const name = await download(`/v1/review/exports/applications.${format}`, { from: filter.from, to: filter.to, region_prefix: filter.region_prefix })
      void message.success(t.exported(name))
    } catch (e) {
      void message.error((e as Error).message)
    }
  }
  return (
    <>
      <Typography.Title level={3}>{t.dashboard}</Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={onFinish}>
        <Form.Item name="range" label={`${t.from} – ${t.to}`}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="region_prefix" label={t.regionPrefix}>
          <Input style={{ width: 100 }} maxLength={6} placeholder={me.org_region?.slice(0, 2) ?? '32'} />
        </Form.Item>
        <Form.Item name="threshold" label={t.threshold}>
          <InputNumber min={1} max={99999} placeholder={String(s?.members_per_union.threshold ?? 50)} />
        </Form.Item>
        <Space>
          <Button htmlType="submit" type="primary">{t.search}</Button>
          <Button onClick={() => void exportAs('csv')}>{t.exportCsv}</Button>
          <Button onClick={() => void exportAs('xlsx')}>{t.exportXlsx}</Button>
        </Space>
      </Form>
      {s && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            {(
              [
                [t.opened, s.funnel.sessions_created, 'sessions'],
                [t.submitted, s.funnel.submitted, 'submitted'],
                [t.approved, s.funnel.approved, 'approved'],
                [t.openCount, (s.by_status.under_review ?? 0) + (s.by_status.needs_info ?? 0) + (s.by_status.awaiting_assignment ?? 0), 'open'],
                [t.volunteerOffer, s.volunteers, 'volunteers'],
              ] as Array<[string, number, string]>
            ).map(([title, value, id]) => (
              <Col key={id} flex="1">
                <Card size="small">
                  <Statistic title={title} value={value} valueStyle={{ color: '#c8161d' }} data-testid={`stat-${id}`} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}><Card size="small"><DailyChart s={s} /></Card></Col>
            <Col xs={24} xl={12}><Card size="small"><FunnelChart s={s} /></Card></Col>
            <Col xs={24} xl={12}><Card size="small"><CityChart s={s} /></Card></Col>
            <Col xs={24} xl={12}><Card size="small"><PlatformChart s={s} /></Card></Col>
            <Col xs={24} xl={12}><Card size="small"><OrgTypeChart s={s} /></Card></Col>
            <Col xs={24} xl={12}><Card size="small"><TierChart s={s} /></Card></Col>
            <Col xs={24} xl={12}><Card size="small"><ApprovalTimeChart s={s} /></Card></Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t.membersPerUnion(s.members_per_union.threshold, s.members_per_union.flagged)}>
                <Table
                  size="small"
                  rowKey="org_id"
                  pagination={{ pageSize: 8 }}
                  dataSource={s.members_per_union.data}
                  columns={[
                    { title: t.unionShort, dataIndex: 'org_name' },
                    { title: t.type, dataIndex: 'type', render: (v: OrgType | 'unknown') => orgTypeLabel(v) },
                    { title: t.memberCount, dataIndex: 'members' },
                    { title: '', dataIndex: 'needs_social_worker', render: (v: boolean) => (v ? <Tag color="red">{t.socialWorkerRecommended}</Tag> : null) },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  )
}
