/** Platform keys (admins): the platforms and their application counts; add a platform, keys shown once; roll a key or disable a platform. */
import { Alert, App, Button, Form, Input, Modal, Table, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../api'
import { useI18n } from '../i18n'
import { KeyActions, KeyState, type Rolled, RolledSecret } from '../key-actions'
import { useLoad } from '../use-load'

interface PlatformRow {
  id: string
  name: string
  uscc: string | null
  webhook_url: string | null
  allowed_origins: string[]
  return_urls: string[]
  created_at: string
  applications: number
  revoked_at: string | null
  old_secret_key_expires_at: string | null
  old_webhook_secret_expires_at: string | null
}

export function PlatformsPage() {
  const { message } = App.useApp()
  const { t } = useI18n()
  const rolls = [
    { what: 'secret_key', label: t.rollSecretKey, key: t.secretKey },
    { what: 'webhook_secret', label: t.rollWebhookSecret, key: t.webhookSecret },
  ]
  const [adding, setAdding] = useState(false)
  const [created, setCreated] = useState<{ id: string; secret_key: string; webhook_secret: string } | null>(null)
  const [rolled, setRolled] = useState<Rolled | null>(null)
  const list = useLoad(() => api<{ data: PlatformRow[] }>('/v1/review/platforms'), [])
  const [editing, setEditing] = useState<PlatformRow | null>(null)
  const add = async (v: { name: string; webhook_url?: string; uscc?: string; allowed_origins?: string; return_urls?: string }) => {
    try {
      setCreated(await api('/v1/review/platforms', { body: { ...v, allowed_origins: lines(v.allowed_origins), return_urls: lines(v.return_urls) } }))
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
        <Alert style={{ marginBottom: 16 }} type="warning" closable onClose={() => setCreated(null)} message={t.platformKeysShownOnce(created.id)} description={<pre style={{ margin: 0 }}>{`secret key:     ${created.secret_key}\nwebhook secret: ${created.webhook_secret}`}</pre>} />
      )}
      <RolledSecret rolled={rolled} onClose={() => setRolled(null)} />
      <Table<PlatformRow>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.data ?? []}
        columns={[
          { title: t.platformId, dataIndex: 'id' },
          { title: t.name, dataIndex: 'name' },
          { title: t.webhookUrl, dataIndex: 'webhook_url' },
          {
            title: t.webRegistrations,
            key: 'web',
            render: (_: unknown, p: PlatformRow) => (
              <Typography.Link className="platform-web" onClick={() => setEditing(p)}>
                {[...p.allowed_origins, ...p.return_urls].join(' · ') || t.none}
              </Typography.Link>
            ),
          },
          { title: t.applicationCount, dataIndex: 'applications' },
          { title: t.createdAt, dataIndex: 'created_at', render: (v: string) => v.slice(0, 10) },
          {
            title: t.status,
            key: 'state',
            render: (_: unknown, p: PlatformRow) => <KeyState revokedAt={p.revoked_at} oldUntil={[[t.secretKey, p.old_secret_key_expires_at], [t.webhookSecret, p.old_webhook_secret_expires_at]]} />,
          },
          {
            title: t.actions,
            key: 'actions',
            render: (_: unknown, p: PlatformRow) => (
              <KeyActions base={`/v1/review/platforms/${p.id}`} rolls={rolls} revoked={p.revoked_at !== null} revokeWarning={t.disablePlatformWarning} onRolled={setRolled} onChanged={list.reload} />
            ),
          },
        ]}
      />
      <Modal open={adding} title={t.add} footer={null} onCancel={() => setAdding(false)} destroyOnHidden>
        <Form layout="vertical" onFinish={add}>
          <Form.Item name="name" label={t.platformName} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="webhook_url" label={t.webhookUrlOptional}>
            <Input placeholder="https://…/webhooks/ruhui" />
          </Form.Item>
          <Form.Item name="uscc" label={t.platformUscc}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="allowed_origins" label={t.allowedOrigins}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="return_urls" label={t.returnUrls}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t.save}</Button>
        </Form>
      </Modal>
      <WebAccess platform={editing} onClose={() => setEditing(null)} onSaved={list.reload} />
    </>
  )
}

const lines = (text?: string) => (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean)

/** A platform's web access (issue #14): the origins that may frame /join and call from a browser, and its return URLs. */
function WebAccess({ platform, onClose, onSaved }: { platform: PlatformRow | null; onClose(): void; onSaved(): void }) {
  const { message } = App.useApp()
  const { t } = useI18n()
  const save = async (v: { allowed_origins?: string; return_urls?: string }) => {
    try {
      await api(`/v1/review/platforms/${platform?.id}/web`, { body: { allowed_origins: lines(v.allowed_origins), return_urls: lines(v.return_urls) } })
      onClose()
      onSaved()
    } catch (e) {
      void message.error((e as Error).message)
    }
  }
  return (
    <Modal open={platform !== null} title={`${t.editWeb}：${platform?.name ?? ''}`} footer={null} onCancel={onClose} destroyOnHidden>
      {platform && (
        <Form layout="vertical" onFinish={save} initialValues={{ allowed_origins: platform.allowed_origins.join('\n'), return_urls: platform.return_urls.join('\n') }}>
          <Form.Item name="allowed_origins" label={t.allowedOrigins}>
            <Input.TextArea rows={3} id="platform-allowed-origins" />
          </Form.Item>
          <Form.Item name="return_urls" label={t.returnUrls}>
            <Input.TextArea rows={3} id="platform-return-urls" />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t.save}</Button>
        </Form>
      )}
    </Modal>
  )
}
