/**
 * Rolling and disabling a platform's or a partner's credentials (admins): a roll asks how long the
 * old one stays valid and shows the new one once; disabling asks for confirmation. The state
 * column says whether it is disabled or an old key is still honoured, and until when.
 */
import { Alert, App, Button, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { api } from './api'
import { useW } from './i18n'

export interface KeyRoll {
  /** Sent as `what` (platforms); omitted for a partner's single key. */
  what?: string
  label: string
}
/** The new secret of the last roll, to show once. */
export interface Rolled {
  label: string
  secret: string
  previousExpiresAt: string
}

const OVERLAPS = [0, 1, 24, 72, 168]

export function KeyActions(props: { base: string; rolls: KeyRoll[]; revoked: boolean; revokeWarning: string; onRolled(r: Rolled): void; onChanged(): void }) {
  const w = useW()
  const { message } = App.useApp()
  const [rolling, setRolling] = useState<KeyRoll | null>(null)
  const [hours, setHours] = useState(24)
  const fail = (e: unknown) => void message.error((e as Error).message)
  const roll = async () => {
    if (!rolling) return
    try {
      const r = await api<Record<string, string>>(`${props.base}/roll`, { body: { ...(rolling.what ? { what: rolling.what } : {}), expires_in_hours: hours } })
      props.onRolled({ label: rolling.label, secret: r[rolling.what ?? 'key'] as string, previousExpiresAt: r.previous_expires_at as string })
      setRolling(null)
      props.onChanged()
    } catch (e) {
      fail(e)
    }
  }
  const revoke = async () => {
    try {
      await api(`${props.base}/revoke`, { body: {} })
      props.onChanged()
    } catch (e) {
      fail(e)
    }
  }
  if (props.revoked) return null
  return (
    <Space wrap>
      {props.rolls.map((r) => (
        <Button key={r.label} size="small" onClick={() => (setHours(24), setRolling(r))}>
          {w(r.label)}
        </Button>
      ))}
      <Popconfirm title={w(props.revokeWarning)} okText={w('停止使用')} cancelText={w('取消')} okButtonProps={{ danger: true }} onConfirm={() => void revoke()}>
        <Button size="small" danger>
          {w('停止使用')}
        </Button>
      </Popconfirm>
      <Modal open={rolling !== null} title={rolling ? w(rolling.label) : ''} okText={w('轮换')} cancelText={w('取消')} onOk={() => void roll()} onCancel={() => setRolling(null)} destroyOnHidden>
        <Typography.Paragraph>{w('新密钥只显示一次。旧密钥在下面选定的时间内仍然有效，便于平台无中断地切换；期间推送的事件同时带新旧两个签名。')}</Typography.Paragraph>
        <Select aria-label={w('旧密钥继续有效')} value={hours} onChange={setHours} style={{ width: 240 }} options={OVERLAPS.map((h) => ({ value: h, label: h === 0 ? w('立即失效') : `${w('旧密钥继续有效')} ${h} ${w('小时')}` }))} />
      </Modal>
    </Space>
  )
}

/** The state column: disabled, or an old key still honoured until a time. */
export function KeyState(props: { revokedAt: string | null; oldUntil: Array<[string, string | null]> }) {
  const w = useW()
  if (props.revokedAt) return <Tag color="red">{`${w('已停用')} ${props.revokedAt.slice(0, 10)}`}</Tag>
  const live = props.oldUntil.filter(([, until]) => until)
  if (live.length === 0) return <Tag color="green">{w('使用中')}</Tag>
  return (
    <Space direction="vertical" size={0}>
      {live.map(([label, until]) => (
        <Typography.Text key={label} type="warning">{`${w(label)}：${w('旧密钥有效至')} ${new Date(until as string).toLocaleString('zh-CN', { hour12: false })}`}</Typography.Text>
      ))}
    </Space>
  )
}

/** The new secret, shown once. */
export function RolledSecret(props: { rolled: Rolled | null; onClose(): void }) {
  const w = useW()
  if (!props.rolled) return null
  const { label, secret, previousExpiresAt } = props.rolled
  return (
    <Alert
      style={{ marginBottom: 16 }}
      type="warning"
      closable
      onClose={props.onClose}
      message={`${w(label)}：${w('新密钥只显示这一次，请交给对方技术负责人妥善保存')}`}
      description={<pre style={{ margin: 0 }}>{`${secret}\n${w('旧密钥有效至')} ${new Date(previousExpiresAt).toLocaleString('zh-CN', { hour12: false })}`}</pre>}
    />
  )
}
