/**
 * Member search by masked fields only (surname, last four of the ID number or mobile, card number),
 * with what the union does with a membership (issue #16), and members' requests to leave above it.
 */
import { Button, Form, Input, Table, Typography } from 'antd'
import { useState } from 'react'
import type { MembershipStatus } from '@ruhui/core'
import { api } from '../api'
import { useI18n } from '../i18n'
import { useLoad } from '../use-load'
import { LeaveRequests } from './leave-requests'
import { MemberActions } from './member-actions'

interface MemberRow {
  card_number: string
  org_name: string | null
  status: MembershipStatus
  join_date: string
  name_masked: string
  id_masked: string
  mobile_masked: string
  base_county: string
}

export function MembersPage() {
  const { t, label } = useI18n()
  const [query, setQuery] = useState<Record<string, string> | null>(null)
  const list = useLoad(() => (query ? api<{ data: MemberRow[] }>('/v1/review/members', { query }) : Promise.resolve({ data: [] })), [JSON.stringify(query)])
  return (
    <>
      <Typography.Title level={3}>{t.members}</Typography.Title>
      <LeaveRequests onChanged={list.reload} />
      <Form layout="inline" style={{ marginBottom: 16 }} onFinish={(v: Record<string, string>) => setQuery(Object.fromEntries(Object.entries(v).filter(([, x]) => x)))}>
        <Form.Item name="name_last" label={t.nameLast}>
          <Input style={{ width: 60 }} maxLength={1} />
        </Form.Item>
        <Form.Item name="id_last4" label={t.idLast4}>
          <Input style={{ width: 90 }} maxLength={4} />
        </Form.Item>
        <Form.Item name="mobile_last4" label={t.mobileLast4}>
          <Input style={{ width: 90 }} maxLength={4} />
        </Form.Item>
        <Form.Item name="card_number" label={t.cardNumber}>
          <Input style={{ width: 180 }} />
        </Form.Item>
        <Button htmlType="submit" type="primary">{t.search}</Button>
      </Form>
      <Table<MemberRow>
        rowKey="card_number"
        loading={list.loading && query !== null}
        dataSource={list.data?.data ?? []}
        columns={[
          { title: t.personName, dataIndex: 'name_masked' },
          { title: t.idNumber, dataIndex: 'id_masked' },
          { title: t.mobile, dataIndex: 'mobile_masked' },
          { title: t.cardNumber, dataIndex: 'card_number' },
          { title: t.union, dataIndex: 'org_name' },
          { title: t.joinDate, dataIndex: 'join_date' },
          { title: t.status, dataIndex: 'status', render: (s: MembershipStatus) => label('membershipStatus', s) },
          { title: t.actions, render: (_, r) => <MemberActions card={r.card_number} status={r.status} name={r.name_masked} onDone={list.reload} /> },
        ]}
      />
    </>
  )
}
