/**
 * Transfers (会籍接转) touching the reviewer's organisations. Both unions see each transfer with the
 * member's masked name: the releasing union releases or refuses a requested one, the receiving
 * union accepts or refuses a released one; the other side sees what it waits for.
 */
import { App, Button, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { TRANSFER_STATUSES, type TransferReason, type TransferStatus } from '@ruhui/core'
import { api } from '../api'
import { useI18n } from '../i18n'
import { useLoad } from '../use-load'
import { StatusTag } from './queue'

type Step = 'release' | 'accept' | 'reject'

export interface TransferRow {
  id: string
  status: TransferStatus
  member_name: string | null
  from_org_name: string | null
  to_org_name: string | null
  direction: 'in' | 'out'
  sides?: Array<'from' | 'to'>
  reason: TransferReason
  created_at: string
  updated_at: string
  /** Absent from rows of an older registry: shown as a dash, never a crash. */
  expires_at?: string
  overdue?: boolean
  actions?: Step[]
  waiting_for?: 'from' | 'to' | null
}

export function TransfersPage() {
  const { message, modal } = App.useApp()
  const { t, label } = useI18n()
  const [status, setStatus] = useState<TransferStatus | undefined>()
  const [busy, setBusy] = useState<string | null>(null)
  const list = useLoad(() => api<{ data: TransferRow[] }>('/v1/review/transfers', { query: { status } }), [status])
  const act = async (id: string, action: Step) => {
    setBusy(`${id}/${action}`)
    try {
      await api(`/v1/review/transfers/${id}/${action}`, { body: {} })
      void message.success(t.done)
      list.reload()
    } catch (e) {
      void message.error((e as Error).message)
    } finally {
      setBusy(null)
    }
  }
  const confirmRefuse = (r: TransferRow) => modal.confirm({ title: t.refuse, content: t.transferRefuseNote, okButtonProps: { danger: true }, onOk: () => act(r.id, 'reject') })
  const stepWords: Record<Step, string> = { release: t.release, accept: t.accept, reject: t.refuse }
  return (
    <>
      <Typography.Title level={3}>{t.transfers}</Typography.Title>
      <Typography.Paragraph type="secondary">{t.transfersLead}</Typography.Paragraph>
      <Select allowClear placeholder={t.all} style={{ width: 180, marginBottom: 16 }} onChange={setStatus} options={TRANSFER_STATUSES.map((s) => ({ value: s, label: label('transferStatus', s) }))} />
      <Table<TransferRow>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.data ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t.transferMember, dataIndex: 'member_name', render: (v: string | null) => v ?? '—' },
          { title: t.transferSide, render: (_, r) => (r.sides ?? [r.direction === 'in' ? 'to' : 'from']).map((side) => <Tag key={side} color={side === 'to' ? 'blue' : 'orange'}>{side === 'to' ? t.transferTo : t.transferFrom}</Tag>) },
          { title: t.transferFrom, dataIndex: 'from_org_name', render: (v: string | null) => v ?? '—' },
          { title: t.transferTo, dataIndex: 'to_org_name', render: (v: string | null) => v ?? '—' },
          { title: t.transferReason, dataIndex: 'reason', render: (v: TransferReason) => label('transferReason', v) },
          { title: t.status, dataIndex: 'status', render: (s: TransferStatus) => <StatusTag kind="transferStatus" status={s} /> },
          { title: t.requestedAt, dataIndex: 'created_at', render: (v: string) => t.dateTime(v) },
          { title: t.deadline, render: (_, r) => (r.status === 'requested' || r.status === 'released') && r.expires_at ? <span>{t.dateTime(r.expires_at)}{r.overdue ? <Tag color="error" style={{ marginLeft: 4 }}>{t.transferOverdue}</Tag> : null}</span> : '—' },
          {
            title: t.actions,
            render: (_, r) => (
              <Space data-testid={`transfer-actions-${r.id}`}>
                {(r.actions ?? []).map((a) => (
                  <Button key={a} size="small" type={a === 'reject' ? 'default' : 'primary'} danger={a === 'reject'} loading={busy === `${r.id}/${a}`} onClick={() => (a === 'reject' ? confirmRefuse(r) : void act(r.id, a))}>
                    {stepWords[a]}
                  </Button>
                ))}
                {(r.actions ?? []).length === 0 && r.waiting_for === 'from' && <Typography.Text type="secondary">{t.waitingRelease}</Typography.Text>}
                {(r.actions ?? []).length === 0 && r.waiting_for === 'to' && <Typography.Text type="secondary">{t.waitingAccept}</Typography.Text>}
              </Space>
            ),
          },
        ]}
      />
    </>
  )
}
