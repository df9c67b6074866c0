/**
 * Rolling and disabling a platform's or a partner's credentials (admins): a roll asks how long the
 * old one stays valid and shows the new one once; disabling asks for confirmation. The state
 * column says whether it is disabled or an old key is still honoured, and until when.
 */
import { Alert, App, Button, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { api } from './api'
import { useI18n } from './i18n'

export interface KeyRoll {
  /** Sent as `what` (platforms); omitted for a partner's single key. */
  what?: string
  /** The button's words, e.g. 轮换事件签名密钥. */
  label: string
  /** The key's name, e.g. 事件签名密钥. */
  key: string
}
/** The new secret of the last roll, to show once. */
export interface Rolled {
  /** The key's name. */
  key: string
  secret: string
  previousExpiresAt: string
}

const OVERLAPS = [0, 1, 24, 72, 168]

export function KeyActions(props: { base: string; rolls: KeyRoll[]; revoked: boolean; revokeWarning: string; onRolled(r: Rolled): void; onChanged(): void }) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [rolling, setRolling] = useState<KeyRoll | null>(null)
  const [hours, setHours] = useState(24)
  const fail = (e: unknown) => void message.error((e as Error).message)
  const roll = async () => {
    if (!rolling) return
    try {
      const r = await api<Record<string, string>>(`${props.base}/roll`, { body: { ...(rolling.what ? { what: rolling.what } : {}), expires_in_hours: hours } })
      props.onRolled({ key: rolling.key, secret: r[rolling.what ?? 'key'] as string, previousExpiresAt: r.previous_expires_at as string })
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
          {r.label}
        </Button>
      ))}
      <Popconfirm title={props.revokeWarning} okText={t.disable} cancelText={t.cancel} okButtonProps={{ danger: true }} onConfirm={() => void revoke()}>
        <Button size="small" danger>
          {t.disable}
        </Button>
      </Popconfirm>
      <Modal open={rolling !== null} title={rolling?.label ?? ''} okText={t.roll} cancelText={t.cancel} onOk={() => void roll()} onCancel={() => setRolling(null)} destroyOnHidden>
        <Typography.Paragraph>{t.rollNote}</Typography.Paragraph>
        <Select aria-label={t.overlapLabel} value={hours} onChange={setHours} style={{ width: 240 }} options={OVERLAPS.map((h) => ({ value: h, label: h === 0 ? t.overlapNone : t.overlapHours(h) }))} />
      </Modal>
    </Space>
  )
}

/** The state column: disabled, or an old key still honoured until a time. */
export function KeyState(props: { revokedAt: string | null; oldUntil: Array<[string, string | null]> }) {
  const { t } = useI18n()
  if (props.revokedAt) return <Tag color="red">{t.disabledSince(props.revokedAt.slice(0, 10))}</Tag>
  const live = props.oldUntil.filter(([, until]) => until)
  if (live.length === 0) return <Tag color="green">{t.active}</Tag>
  return (
    <Space direction="vertical" size={0}>
      {live.map(([key, until]) => (
        <Typography.Text key={key} type="warning">{t.oldKeyUntil(key, until as string)}</Typography.Text>
      ))}
    </Space>
  )
}

/** The new secret, shown once. */
export function RolledSecret(props: { rolled: Rolled | null; onClose(): void }) {
  const { t } = useI18n()
  if (!props.rolled) return null
  const { key, secret, previousExpiresAt } = props.rolled
  return (
    <Alert
      style={{ marginBottom: 16 }}
      type="warning"
      closable
      onClose={props.onClose}
      message={t.rolledShownOnce(key)}
      description={<pre style={{ margin: 0 }}>{`${secret}\n${t.oldUntil(previousExpiresAt)}`}</pre>}
    />
  )
}
