/**
 * What the member's union does with a membership (issue #16): 保留会籍 (retain), restore, 开除会籍
 * (expel, with a reason; the card stops at once and the driver is told). Offered by status.
 */
import { App, Button, Input, Space } from 'antd'
import { useState } from 'react'
import type { MembershipStatus } from '@ruhui/core'
import { api } from '../api'
import { useI18n } from '../i18n'

type Action = 'retain' | 'restore' | 'expel'
const OFFERED: Partial<Record<MembershipStatus, Action[]>> = { active: ['retain', 'expel'], retained: ['restore', 'expel'], expelled: ['restore'] }

export function MemberActions({ card, status, name, onDone }: { card: string; status: MembershipStatus; name: string; onDone(): void }) {
  const { modal, message } = App.useApp()
  const { t, label } = useI18n()
  const [busy, setBusy] = useState<Action | null>(null)
  const words: Record<Action, string> = { retain: t.retain, restore: t.restore, expel: t.expel }
  const run = async (action: Action, reason: string) => {
    setBusy(action)
    try {
      const r = await api<{ status: MembershipStatus }>(`/v1/review/members/${card}/${action}`, { body: reason ? { reason } : {} })
      void message.success(label('membershipStatus', r.status))
      onDone()
    } catch (e) {
      void message.error((e as Error).message)
    } finally {
      setBusy(null)
    }
  }
  const ask = (action: Action) => {
    let reason = ''
    // Expelling needs a reason: its OK stays off until one is written.
    const needsReason = action === 'expel'
    const okProps = () => ({ danger: needsReason, disabled: needsReason && !reason.trim() })
    const dialog = modal.confirm({
      title: `${words[action]} · ${name}`,
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          {needsReason ? t.expelNote : t.memberActionNote}
          <Input.TextArea
            id={`member-reason-${action}`}
            autoFocus
            maxLength={500}
            placeholder={needsReason ? t.expelReasonRequired : t.reason}
            onChange={(e) => {
              reason = e.target.value
              dialog.update({ okButtonProps: okProps() })
            }}
          />
        </Space>
      ),
      okButtonProps: okProps(),
      onOk: () => run(action, reason.trim()),
    })
  }
  return (
    <Space data-testid={`member-actions-${card}`}>
      {(OFFERED[status] ?? []).map((a) => (
        <Button key={a} size="small" danger={a === 'expel'} loading={busy === a} onClick={() => ask(a)}>
          {words[a]}
        </Button>
      ))}
    </Space>
  )
}
