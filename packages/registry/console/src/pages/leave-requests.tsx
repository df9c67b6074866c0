/**
 * Members' requests to leave (退会) waiting for their union (issue #16): confirm (the member
 * leaves; the card stops at once; the driver is told) or decline with a reason the member sees.
 */
import { App, Button, Input, Space, Table, Typography } from 'antd'
import type { EnumValue } from '@ruhui/core'
import { api } from '../api'
import { useI18n } from '../i18n'
import { useLoad } from '../use-load'

interface LeaveRow {
  id: string
  card_number: string
  member_name: string
  org_name: string | null
  reason: EnumValue<'leaveReason'>
  note: string | null
  requested_at: string
}

export function LeaveRequests({ onChanged }: { onChanged(): void }) {
  const { modal, message } = App.useApp()
  const { t, label } = useI18n()
  const list = useLoad(() => api<{ data: LeaveRow[] }>('/v1/review/leave-requests'), [])
  const decide = async (id: string, decision: 'confirm' | 'decline', reason: string) => {
    try {
      await api(`/v1/review/leave-requests/${id}/${decision}`, { body: reason ? { reason } : {} })
      void message.success(t.done)
      list.reload()
      onChanged()
    } catch (e) {
      void message.error((e as Error).message)
    }
  }
  const ask = (r: LeaveRow, decision: 'confirm' | 'decline') => {
    let reason = ''
    // Declining needs a reason the member will see: its OK stays off until one is written.
    const okProps = () => ({ danger: decision === 'confirm', disabled: decision === 'decline' && !reason.trim() })
    const dialog = modal.confirm({
      title: `${decision === 'confirm' ? t.confirmLeave : t.declineLeave} · ${r.member_name}`,
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          {decision === 'confirm' ? t.confirmLeaveNote : t.declineLeaveNote}
          <Input.TextArea
            id={`leave-reason-${decision}`}
            maxLength={500}
            placeholder={decision === 'decline' ? t.declineReasonRequired : t.reason}
            onChange={(e) => {
              reason = e.target.value
              dialog.update({ okButtonProps: okProps() })
            }}
          />
        </Space>
      ),
      okButtonProps: okProps(),
      onOk: () => decide(r.id, decision, reason.trim()),
    })
  }
  const rows = list.data?.data ?? []
  return (
    <div data-testid="leave-requests" style={{ marginBottom: 24 }}>
      <Typography.Title level={4}>{t.leaveRequests}</Typography.Title>
      <Table<LeaveRow>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t.noPendingLeave }}
        columns={[
          { title: t.personName, dataIndex: 'member_name' },
          { title: t.cardNumber, dataIndex: 'card_number' },
          { title: t.union, dataIndex: 'org_name' },
          { title: t.leaveReason, dataIndex: 'reason', render: (v: EnumValue<'leaveReason'>) => label('leaveReason', v) },
          { title: t.leaveNote, dataIndex: 'note', render: (v: string | null) => v ?? '—' },
          { title: t.requestedAt, dataIndex: 'requested_at', render: (v: string) => t.dateTime(v) },
          {
            title: t.actions,
            render: (_, r) => (
              <Space>
                <Button size="small" danger onClick={() => ask(r, 'confirm')}>{t.confirmLeave}</Button>
                <Button size="small" onClick={() => ask(r, 'decline')}>{t.declineLeave}</Button>
              </Space>
            ),
          },
        ]}
      />
    </div>
  )
}
