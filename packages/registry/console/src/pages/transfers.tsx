/** Transfers (会籍接转) touching the reviewer's organisations: release the outgoing, accept the incoming. */
import { App, Button, Select, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { TRANSFER_STATUSES, type TransferReason, type TransferStatus } from '@ruhui/core'
import { api } from '../api'
import { useI18n } from '../i18n'
import { useLoad } from '../use-load'
import { StatusTag } from './queue'

interface TransferRow {
  id: string
  status: TransferStatus
  from_org_name: string | null
  to_org_name: string | null
  direction: 'in' | 'out'
  reason: TransferReason
  created_at: string
  expires_at: string
}

export function TransfersPage() {
  const { message } = App.useApp()
  const { t, label } = useI18n()
  const [status, setStatus] = useState<TransferStatus | undefined>()
  const list = useLoad(() => api<{ data: TransferRow[] }>('/v1/review/transfers', { query: { status } }), [status])
  const act = async (id: string, action: string) => {
    try {
      await api(`/v1/review/transfers/${id}/${action}`, { body: {} })
      void message.success(t.done)
      list.reload()
    } catch (e) {
      void message.error((e as Error).message)
    }
  }
  return (
    <>
      <Typography.Title level={3}>{t.transfers}</Typography.Title>
      <Select allowClear placeholder={t.all} style={{ width: 180, marginBottom: 16 }} onChange={setStatus} options={TRANSFER_STATUSES.map((s) => ({ value: s, label: label('transferStatus', s) }))} />
      <Table<TransferRow>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.data ?? []}
        columns={[
          { title: t.id, dataIndex: 'id' },
          { title: t.transferFrom, dataIndex: 'from_org_name' },
          { title: t.transferTo, dataIndex: 'to_org_name' },
          { title: t.transferReason, dataIndex: 'reason', render: (v: TransferReason) => label('transferReason', v) },
          { title: t.status, dataIndex: 'status', render: (s: TransferStatus) => <StatusTag kind="transferStatus" status={s} /> },
          { title: t.deadline, dataIndex: 'expires_at', render: (v: string) => v.slice(0, 10) },
          {
            title: t.actions,
            render: (_, r) => (
              <Space>
                {r.status === 'requested' && r.direction === 'out' && <Button size="small" type="primary" onClick={() => void act(r.id, 'release')}>{t.release}</Button>}
                {r.status === 'released' && r.direction === 'in' && <Button size="small" type="primary" onClick={() => void act(r.id, 'accept')}>{t.accept}</Button>}
                {(r.status === 'requested' || r.status === 'released') && <Button size="small" danger onClick={() => void act(r.id, 'reject')}>{t.refuse}</Button>}
              </Space>
            ),
          },
        ]}
      />
    </>
  )
}
