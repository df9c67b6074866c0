/** Transfers (会籍接转) touching the reviewer's organisations: release the outgoing, accept the incoming. */
import { App, Button, Select, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../api'
import { STATUS, label, useLocale, useW } from '../i18n'
import { useLoad } from '../use-load'
import { StatusTag } from './queue'

interface TransferRow {
  id: string
  status: string
  from_org_name: string | null
  to_org_name: string | null
  direction: 'in' | 'out'
  reason: string
  created_at: string
  expires_at: string
}

export function TransfersPage() {
  const w = useW()
  const { message } = App.useApp()
  const [locale, t] = useLocale()
  const [status, setStatus] = useState<string | undefined>()
  const list = useLoad(() => api<{ data: TransferRow[] }>('/v1/review/transfers', { query: { status } }), [status])
  const act = async (id: string, action: string) => {
    try {
      await api(`/v1/review/transfers/${id}/${action}`, { body: {} })
      void message.success(w('已处理'))
      list.reload()
    } catch (e) {
      void message.error((e as Error).message)
    }
  }
  return (
    <>
      <Typography.Title level={3}>{t.transfers}</Typography.Title>
      <Select allowClear placeholder={t.all} style={{ width: 180, marginBottom: 16 }} onChange={setStatus} options={['requested', 'released', 'completed', 'rejected'].map((s) => ({ value: s, label: label(STATUS, s, locale) }))} />
      <Table<TransferRow>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.data ?? []}
        columns={[
          { title: w('编号'), dataIndex: 'id' },
          { title: w('转出'), dataIndex: 'from_org_name' },
          { title: w('转入'), dataIndex: 'to_org_name' },
          { title: w('原因'), dataIndex: 'reason' },
          { title: t.status, dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
          { title: w('期限'), dataIndex: 'expires_at', render: (v: string) => v.slice(0, 10) },
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
