/** The queue of applications for the reviewer's organisations, and one application's detail with the actions. */
import { App, Button, Descriptions, Drawer, Form, Input, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../api'
import { EMPLOYMENT, STATUS, TIER, label, useLocale, useW } from '../i18n'
import { useLoad } from '../use-load'

export interface ReviewApplication {
  id: string
  status: string
  org_id: string | null
  org_name: string | null
  tier: string | null
  platform_id: string
  submitted_at: string
  status_reason: { message: string } | null
  member_card: { number: string } | null
  applicant: Record<string, unknown> & { name: string; id_number: string; mobile: string; masked: boolean }
  base_region: { county: string; township: string | null }
  volunteer: boolean
}

const STATUS_COLOR: Record<string, string> = { under_review: 'processing', needs_info: 'warning', approved: 'success', rejected: 'error', awaiting_assignment: 'purple', withdrawn: 'default' }

export function StatusTag({ status }: { status: string }) {
  const [locale] = useLocale()
  return <Tag color={STATUS_COLOR[status] ?? 'default'}>{label(STATUS, status, locale)}</Tag>
}

export function QueuePage({ params }: { params: URLSearchParams }) {
  const w = useW()
  const [locale, t] = useLocale()
  const [filter, setFilter] = useState<{ status?: string; region_prefix?: string; platform_id?: string }>({})
  const [open, setOpen] = useState<string | null>(params.get('id'))
  const list = useLoad(() => api<{ data: ReviewApplication[] }>('/v1/review/applications', { query: { ...filter, limit: '200' } }), [JSON.stringify(filter)])
  return (
    <>
      <Typography.Title level={3}>{t.queue}</Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16 }} onFinish={(v: typeof filter) => setFilter(Object.fromEntries(Object.entries(v).filter(([, x]) => x)))}>
        <Form.Item name="status" label={t.status}>
          <Select allowClear style={{ width: 160 }} placeholder={locale === 'en' ? 'Open ones' : w('待办（审核中等）')} options={Object.keys(STATUS_COLOR).map((s) => ({ value: s, label: label(STATUS, s, locale) }))} />
        </Form.Item>
        <Form.Item name="region_prefix" label={t.regionPrefix}>
          <Input style={{ width: 120 }} placeholder="3201" maxLength={6} />
        </Form.Item>
        <Form.Item name="platform_id" label={t.platform}>
          <Input style={{ width: 120 }} placeholder="P-DEMO" />
        </Form.Item>
        <Button htmlType="submit">{t.search}</Button>
      </Form>
      <Table<ReviewApplication>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.data ?? []}
        pagination={{ pageSize: 20 }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t.submittedAt, dataIndex: 'submitted_at', render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }) },
          { title: t.applicant, render: (_, r) => `${r.applicant.name} · ${r.applicant.id_number}` },
          { title: t.region, render: (_, r) => r.base_region.county },
          { title: t.union, dataIndex: 'org_name' },
          { title: t.tier, dataIndex: 'tier', render: (v: string | null) => label(TIER, v ?? 'assignment') },
          { title: t.platform, dataIndex: 'platform_id' },
          { title: t.status, dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
          { title: t.actions, render: (_, r) => <Button type="link" onClick={() => setOpen(r.id)}>{t.view}</Button> },
        ]}
      />
      {open && <ApplicationDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />}
    </>
  )
}

function ApplicationDrawer({ id, onClose, onChanged }: { id: string; onClose(): void; onChanged(): void }) {
  const w = useW()
  const { message, modal } = App.useApp()
  const [locale, t] = useLocale()
  const [reveal, setReveal] = useState(false)
  const [busy, setBusy] = useState(false)
  const detail = useLoad(() => api<ReviewApplication>(`/v1/review/applications/${id}`, { query: reveal ? { reveal: 'true' } : {} }), [id, reveal])
  const a = detail.data
  const act = async (action: string, body: Record<string, string> = {}) => {
    setBusy(true)
    try {
      const r = await api<ReviewApplication>(`/v1/review/applications/${id}/${action}`, { body })
      void message.success(`${label(STATUS, r.status, locale)}`)
      // Back to masked: the refreshed view is not another read of the personal data.
      if (reveal) setReveal(false)
      else detail.reload()
      onChanged()
    } catch (e) {
      void message.error((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const ask = (action: 'reject' | 'request_info' | 'assign') => {
    let value = ''
    modal.confirm({
      title: action === 'reject' ? t.reject : action === 'request_info' ? t.requestInfo : t.assign,
      content: <Input.TextArea autoFocus id={`input-${action}`} placeholder={action === 'assign' ? w('组织编号，如 org_tu_320115001') : t.reason} onChange={(e) => (value = e.target.value)} />,
      onOk: () => act(action, action === 'assign' ? { org_id: value.trim() } : { reason: value.trim() }),
    })
  }
  const open = a && ['under_review', 'needs_info', 'awaiting_assignment'].includes(a.status)
  return (
    <Drawer open width={560} onClose={onClose} title={a ? `${a.applicant.name} · ${a.id}` : id}>
      {a && (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t.status}>
              <StatusTag status={a.status} />
              {a.status_reason ? ` ${a.status_reason.message}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={w('姓名')}>{a.applicant.name}</Descriptions.Item>
            <Descriptions.Item label={w('证件号码')}>{a.applicant.id_number}</Descriptions.Item>
            <Descriptions.Item label={w('手机号码')}>{a.applicant.mobile}</Descriptions.Item>
            {!a.applicant.masked && (
              <>
                <Descriptions.Item label={w('从业方式')}>{label(EMPLOYMENT, String(a.applicant.employment_form ?? ''))}</Descriptions.Item>
                <Descriptions.Item label={w('车牌')}>{String(a.applicant.plate ?? '—')}</Descriptions.Item>
                <Descriptions.Item label={w('手机号验证')}>{a.applicant.mobile_verified_at ? `已验证 ${String(a.applicant.mobile_verified_at)}` : '未验证'}</Descriptions.Item>
                <Descriptions.Item label={w('人脸核验')}>{a.applicant.identity_verification ? w('已通过') : w('无')}</Descriptions.Item>
              </>
            )}
            <Descriptions.Item label={t.region}>
              {a.base_region.county}
              {a.base_region.township ? ` / ${a.base_region.township}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t.union}>{a.org_name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t.tier}>{label(TIER, a.tier ?? 'assignment')}</Descriptions.Item>
            <Descriptions.Item label={t.platform}>{a.platform_id}</Descriptions.Item>
            <Descriptions.Item label={w('积极分子/志愿者')}>{a.volunteer ? w('愿意') : '—'}</Descriptions.Item>
            {a.member_card && <Descriptions.Item label={w('会员卡号')}>{a.member_card.number}</Descriptions.Item>}
          </Descriptions>
          <Space wrap style={{ marginTop: 16 }}>
            {a.applicant.masked && (
              <Button onClick={() => setReveal(true)} title={t.revealNote}>
                {t.reveal}
              </Button>
            )}
            {open && a.status !== 'awaiting_assignment' && (
              <Button type="primary" loading={busy} onClick={() => void act('approve')}>
                {t.approve}
              </Button>
            )}
            {open && <Button onClick={() => ask('request_info')}>{t.requestInfo}</Button>}
            {open && <Button onClick={() => ask('assign')}>{t.assign}</Button>}
            {open && (
              <Button danger onClick={() => ask('reject')}>
                {t.reject}
              </Button>
            )}
          </Space>
          {a.applicant.masked && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t.revealNote}</Typography.Paragraph>}
        </>
      )}
    </Drawer>
  )
}
