/** Platform keys (admins): the platforms and their application counts; add a platform, keys shown once; roll a key or disable a platform. */
import { Alert, App, Button, Form, Input, Modal, Table, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../api'
import { useLocale, useW } from '../i18n'
import { KeyActions, KeyState, type Rolled, RolledSecret } from '../key-actions'
import { useLoad } from '../use-load'

interface PlatformRow {
  id: string
  name: string
  webhook_url: string | null
  created_at: string
  applications: number
  revoked_at: string | null
  old_secret_key_expires_at: string | null
  old_webhook_secret_expires_at: string | null
}

const ROLLS = [
  { what: 'secret_key', label: '轮换接口密钥' },
  { what: 'webhook_secret', label: '轮换事件签名密钥' },
]

export function PlatformsPage() {
  const w = useW()
  const { message } = App.useApp()
  const [locale, t] = useLocale()
  const [adding, setAdding] = useState(false)
  const [created, setCreated] = useState<{ id: string; secret_key: string; webhook_secret: string } | null>(null)
  const [rolled, setRolled] = useState<Rolled | null>(null)
  const list = useLoad(() => api<{ data: PlatformRow[] }>('/v1/review/platforms'), [])
  const add = async (v: { name: string; webhook_url?: string }) => {
    try {
      setCreated(await api('/v1/review/platforms', { body: v }))
      setAdding(false)
      list.reload()
    } catch (e) {
      void message.error((e as Error).message)
    }
  }
  return (
    <>
      <Typography.Title level={3}>{t.platforms}</Typography.Title>
      <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setAdding(true)}>{t.add}</Button>
      {created && (
        <Alert style={{ marginBottom: 16 }} type="warning" closable onClose={() => setCreated(null)} message={locale === 'en' ? `The keys of platform ${created.id} are shown this once: hand them to the platform's technical lead` : `平台 ${created.id} 的密钥只显示这一次，请交给平台技术负责人妥善保存`} description={<pre style={{ margin: 0 }}>{`secret key:     ${created.secret_key}\nwebhook secret: ${created.webhook_secret}`}</pre>} />
      )}
      <RolledSecret rolled={rolled} onClose={() => setRolled(null)} />
      <Table<PlatformRow>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.data ?? []}
        columns={[
          { title: w('平台编号'), dataIndex: 'id' },
          { title: w('名称'), dataIndex: 'name' },
          { title: w('事件推送地址'), dataIndex: 'webhook_url' },
          { title: w('申请数'), dataIndex: 'applications' },
          { title: w('创建时间'), dataIndex: 'created_at', render: (v: string) => v.slice(0, 10) },
          {
            title: w('状态'),
            key: 'state',
            render: (_: unknown, p: PlatformRow) => <KeyState revokedAt={p.revoked_at} oldUntil={[['接口密钥', p.old_secret_key_expires_at], ['事件签名密钥', p.old_webhook_secret_expires_at]]} />,
          },
          {
            title: t.actions,
            key: 'actions',
            render: (_: unknown, p: PlatformRow) => (
              <KeyActions base={`/v1/review/platforms/${p.id}`} rolls={ROLLS} revoked={p.revoked_at !== null} revokeWarning="停用后该平台的接口密钥和司机的入会链接立即失效，事件不再推送。确定停用？" onRolled={setRolled} onChanged={list.reload} />
            ),
          },
        ]}
      />
      <Modal open={adding} title={t.add} footer={null} onCancel={() => setAdding(false)} destroyOnHidden>
        <Form layout="vertical" onFinish={add}>
          <Form.Item name="name" label={w('平台名称')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="webhook_url" label={w('事件推送地址（可选）')}>
            <Input placeholder="https://…/webhooks/ruhui" />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t.save}</Button>
        </Form>
      </Modal>
    </>
  )
}
