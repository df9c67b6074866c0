/** For admins: the audit log (reveals, exports, sign-ins, changes, partners' reads) and the data-sharing partners. */
import { Alert, App, Button, Card, Form, Input, Select, Table, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../api'
import { useLocale, useW } from '../i18n'
import { KeyActions, KeyState, type Rolled, RolledSecret } from '../key-actions'
import { useLoad } from '../use-load'

interface AuditRow {
  id: number
  actor: string
  actor_name: string
  action: string
  subject: string
  created_at: string
}
interface PartnerRow {
  id: string
  name: string
  kind: string
  created_at: string
  revoked_at: string | null
  old_key_expires_at: string | null
}

const ACTIONS: Record<string, string> = {
  reveal_applicant: '查看申请人完整信息',
  export_csv: '导出 CSV',
  export_xlsx: '导出 Excel',
  sign_in: '登录审核后台',
  share_aggregates: '共享单位读取汇总数据',
  share_records: '共享单位读取个人记录',
  org_create: '新增组织',
  org_update: '编辑组织',
  org_import: '导入目录文件',
  service_create: '新增会员服务',
  service_update: '编辑会员服务',
  platform_create: '新增平台',
  platform_roll_secret_key: '轮换平台接口密钥',
  platform_roll_webhook_secret: '轮换平台事件签名密钥',
  platform_revoke: '停用平台',
  partner_create: '新增数据共享单位',
  partner_roll_key: '轮换共享单位密钥',
  partner_revoke: '停用共享单位',
}
const KINDS: Record<string, string> = { transport_department: '交通运输部门', industry_association: '行业协会' }

export function AuditPage() {
  const w = useW()
  const { message } = App.useApp()
  const [, t] = useLocale()
  const [action, setAction] = useState<string | undefined>()
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
      <Select allowClear placeholder={t.all} style={{ width: 240, marginBottom: 16 }} onChange={setAction} options={Object.entries(ACTIONS).map(([value, label]) => ({ value, label: w(label) }))} />
      <Table<AuditRow>
        rowKey="id"
        size="small"
        loading={log.loading}
        dataSource={log.data?.data ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: w('时间'), dataIndex: 'created_at', render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }) },
          { title: w('操作人'), dataIndex: 'actor_name' },
          { title: w('操作'), dataIndex: 'action', render: (v: string) => w(ACTIONS[v] ?? v) },
          { title: w('对象'), dataIndex: 'subject', render: (v: string) => <Typography.Text style={{ maxWidth: 360 }} ellipsis={{ tooltip: v }}>{v}</Typography.Text> },
        ]}
      />
      <Card title={w('数据共享单位')} style={{ marginTop: 24 }} size="small">
        <Typography.Paragraph type="secondary">{w('交通运输部门和行业协会用共享密钥读取汇总数据；个人记录只包含单独同意共享的司机。每次读取都记入上面的日志。')}</Typography.Paragraph>
        {created && <Alert style={{ marginBottom: 16 }} type="warning" closable onClose={() => setCreated(null)} message={`${created.id}: ${created.key}`} description={w('密钥只显示这一次')} />}
        <Form layout="inline" onFinish={addPartner} initialValues={{ kind: 'transport_department' }} style={{ marginBottom: 16 }}>
          <Form.Item name="name" rules={[{ required: true }]}>
            <Input placeholder={w('单位名称')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="kind">
            <Select style={{ width: 160 }} options={Object.entries(KINDS).map(([value, label]) => ({ value, label: w(label) }))} />
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
            { title: w('编号'), dataIndex: 'id' },
            { title: w('名称'), dataIndex: 'name' },
            { title: w('类别'), dataIndex: 'kind', render: (v: string) => w(KINDS[v] ?? v) },
            { title: w('创建时间'), dataIndex: 'created_at', render: (v: string) => v.slice(0, 10) },
            { title: w('状态'), key: 'state', render: (_: unknown, p: PartnerRow) => <KeyState revokedAt={p.revoked_at} oldUntil={[['共享密钥', p.old_key_expires_at]]} /> },
            {
              title: w('操作'),
              key: 'actions',
              render: (_: unknown, p: PartnerRow) => <KeyActions base={`/v1/review/partners/${p.id}`} rolls={[{ label: '轮换共享密钥' }]} revoked={p.revoked_at !== null} revokeWarning="停用后该单位的共享密钥立即失效。确定停用？" onRolled={setRolled} onChanged={changed} />,
            },
          ]}
        />
      </Card>
    </>
  )
}
