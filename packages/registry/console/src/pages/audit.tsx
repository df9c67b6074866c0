/** For admins: the audit log (reveals, exports, sign-ins, changes, partners' reads) and the data-sharing partners. */
import { Alert, App, Button, Card, Form, Input, Select, Table, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../api'
import { useI18n } from '../i18n'
import type { Words } from '../words'
import { KeyActions, KeyState, type Rolled, RolledSecret } from '../key-actions'
import { useLoad } from '../use-load'

interface AuditRow {
  id: number
  actor: string
  actor_name: string
  action: AuditAction
  subject: string
  created_at: string
}
interface PartnerRow {
  id: string
  name: string
  kind: PartnerKind
  created_at: string
  revoked_at: string | null
  old_key_expires_at: string | null
}

// The registry's audit actions and partner kinds, as the console names them (words.ts).
type AuditAction = keyof Words['auditActions']
type PartnerKind = keyof Words['partnerKinds']

export function AuditPage() {
  const { message } = App.useApp()
  const { t } = useI18n()
  const [action, setAction] = useState<AuditAction | undefined>()
  const [created, setCreated] = useState<{ id: string; key: string } | null>(null)
  const [rolled, setRolled] = useState<Rolled | null>(null)
  const changed = () => (partners.reload(), log.reload())
  const log = useLoad(() => api<{ data: AuditRow[] }>('/v1/review/audit', { query: { action } }), [action])
  const partners = useLoad(() => api<{ data: PartnerRow[] }>('/v1/review/partners'), [])
  const addPartner = async (v: { name: string; kind: string }) => {
    try {
      setCreated(await api('/v1/review/partners', { body: v }))
      partners.reload()
      log.reload()
    } catch (e) {
      void message.error((e as Error).message)
    }
  }
  return (
    <>
      <Typography.Title level={3}>{t.audit}</Typography.Title>
      <Select allowClear placeholder={t.all} style={{ width: 240, marginBottom: 16 }} onChange={setAction} options={Object.entries(t.auditActions).map(([value, label]) => ({ value, label }))} />
      <Table<AuditRow>
        rowKey="id"
        size="small"
        loading={log.loading}
        dataSource={log.data?.data ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t.time, dataIndex: 'created_at', render: (v: string) => t.dateTime(v) },
          { title: t.actor, dataIndex: 'actor_name' },
          { title: t.action, dataIndex: 'action', render: (v: AuditAction) => t.auditActions[v] ?? v },
          { title: t.subject, dataIndex: 'subject', render: (v: string) => <Typography.Text style={{ maxWidth: 360 }} ellipsis={{ tooltip: v }}>{v}</Typography.Text> },
        ]}
      />
      <Card title={t.partners} style={{ marginTop: 24 }} size="small">
        <Typography.Paragraph type="secondary">{t.partnersLead}</Typography.Paragraph>
        {created && <Alert style={{ marginBottom: 16 }} type="warning" closable onClose={() => setCreated(null)} message={`${created.id}: ${created.key}`} description={t.keyShownOnce} />}
        <Form layout="inline" onFinish={addPartner} initialValues={{ kind: 'transport_department' }} style={{ marginBottom: 16 }}>
          <Form.Item name="name" rules={[{ required: true }]}>
            <Input placeholder={t.partnerName} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="kind">
            <Select style={{ width: 200 }} options={Object.entries(t.partnerKinds).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Button htmlType="submit">{t.add}</Button>
        </Form>
        <RolledSecret rolled={rolled} onClose={() => setRolled(null)} />
        <Table<PartnerRow>
          rowKey="id"
          size="small"
          pagination={false}
          loading={partners.loading}
          dataSource={partners.data?.data ?? []}
          columns={[
            { title: t.id, dataIndex: 'id' },
            { title: t.name, dataIndex: 'name' },
            { title: t.kind, dataIndex: 'kind', render: (v: PartnerKind) => t.partnerKinds[v] ?? v },
            { title: t.createdAt, dataIndex: 'created_at', render: (v: string) => v.slice(0, 10) },
            { title: t.status, key: 'state', render: (_: unknown, p: PartnerRow) => <KeyState revokedAt={p.revoked_at} oldUntil={[[t.partnerKey, p.old_key_expires_at]]} /> },
            {
              title: t.actions,
              key: 'actions',
              render: (_: unknown, p: PartnerRow) => <KeyActions base={`/v1/review/partners/${p.id}`} rolls={[{ label: t.rollPartnerKey, key: t.partnerKey }]} revoked={p.revoked_at !== null} revokeWarning={t.disablePartnerWarning} onRolled={setRolled} onChanged={changed} />,
            },
          ]}
        />
      </Card>
    </>
  )
}
