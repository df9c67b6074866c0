/** The pilot dashboard: the figures, the charts, members per grassroots union, exports. */
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Space, Statistic, Table, Tag, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { type Me, download } from '../api'
import { ORG_TYPE, useLocale, useW } from '../i18n'
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
  const w = useW()
  const { message } = App.useApp()
  const [locale, t] = useLocale()
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
      void message.success(`${locale === 'en' ? 'Exported' : '已导出'} ${name}`)
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
                [w('打开入会流程'), s.funnel.sessions_created, 'sessions'],
                [w('提交申请'), s.funnel.submitted, 'submitted'],
                [w('批准入会'), s.funnel.approved, 'approved'],
                [w('待审核'), (s.by_status.under_review ?? 0) + (s.by_status.needs_info ?? 0) + (s.by_status.awaiting_assignment ?? 0), 'open'],
                [w('积极分子/志愿者'), s.volunteers, 'volunteers'],
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
              <Card size="small" title={locale === 'en' ? `Members per grassroots union (${s.members_per_union.flagged} at or above ${s.members_per_union.threshold}: a social union worker is recommended)` : `各基层工会会员数（${s.members_per_union.threshold} 人以上建议配备社会化工会工作者：${s.members_per_union.flagged} 个）`}>
                <Table
                  size="small"
                  rowKey="org_id"
                  pagination={{ pageSize: 8 }}
                  dataSource={s.members_per_union.data}
                  columns={[
                    { title: w('工会'), dataIndex: 'org_name' },
                    { title: w('类型'), dataIndex: 'type', render: (v: string) => ORG_TYPE[v] ?? v },
                    { title: w('会员'), dataIndex: 'members' },
                    { title: '', dataIndex: 'needs_social_worker', render: (v: boolean) => (v ? <Tag color="red">{w('建议配备社会化工会工作者')}</Tag> : null) },
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
