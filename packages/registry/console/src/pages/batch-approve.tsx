/**
 * Batch approval for a mass-joining event (集中入会): the applications selected in the queue are
 * approved in one action; each is approved, recorded and notified on its own, and any that could
 * not be approved are listed with the reason (issue #16).
 */
import { App, Button, List, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../api'
import type { Locale } from '@ruhui/core'
import { useI18n } from '../i18n'

type BatchError = { code: string; message: string; en: string }
/** The registry gives each refusal's words in both languages. */
const ERROR_WORDS: Record<Locale, (e: BatchError) => string> = { 'zh-CN': (e) => e.message, en: (e) => e.en }

interface BatchResult {
  approved: number
  failed: number
  results: Array<{ application_id: string; ok: boolean; error?: BatchError }>
}

export function BatchApproveButton({ selected, names, onDone }: { selected: string[]; names: Record<string, string>; onDone(): void }) {
  const { modal, message } = App.useApp()
  const { t, locale } = useI18n()
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      const r = await api<BatchResult>('/v1/review/batch-approvals', { body: { application_ids: selected } })
      const failures = r.results.filter((x) => !x.ok)
      if (failures.length === 0) void message.success(t.batchResult(r.approved, 0))
      else
        modal.warning({
          title: t.batchResult(r.approved, r.failed),
          width: 560,
          content: (
            <List
              data-testid="batch-failures"
              size="small"
              dataSource={failures}
              renderItem={(f) => (
                <List.Item>
                  <Typography.Text strong>{names[f.application_id] ?? f.application_id}</Typography.Text>
                  <Typography.Text type="secondary">{f.error ? ERROR_WORDS[locale](f.error) : ''}</Typography.Text>
                </List.Item>
              )}
            />
          ),
        })
      onDone()
    } catch (e) {
      void message.error((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button type="primary" disabled={selected.length === 0} loading={busy} onClick={() => modal.confirm({ title: t.batchApprove(selected.length), content: t.batchConfirm(selected.length), onOk: run })}>
      {t.batchApprove(selected.length)}
    </Button>
  )
}
