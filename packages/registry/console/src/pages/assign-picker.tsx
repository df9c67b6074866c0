/**
 * Assigning an `awaiting_assignment` application (issue #12): the reviewer searches, as they type,
 * the grassroots unions of their subtree that accept online joining, by name or region; those
 * nearest the applicant's region (`near`) come first. The registry checks the choice again on assign.
 */
import { Modal, Select, Space, Spin, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import type { OrgType } from '@ruhui/core'
import { api } from '../api'
import { useI18n } from '../i18n'

export interface AssignableOrg {
  id: string
  name: string
  type: OrgType
  region_code: string
  township_code: string | null
  region_name: string
}

const DEBOUNCE_MS = 250
const LIMIT = 20

/** The search: answers arriving out of order are dropped (only the latest typing counts). */
function useAssignableOrgs(near: string) {
  const [found, setFound] = useState<AssignableOrg[]>([])
  const [more, setMore] = useState(false)
  const [loading, setLoading] = useState(false)
  const [failed, setFailed] = useState<string | null>(null)
  const latest = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const search = (q: string, wait = DEBOUNCE_MS) => {
    clearTimeout(timer.current)
    const n = ++latest.current
    setLoading(true)
    timer.current = setTimeout(() => {
      api<{ data: AssignableOrg[]; has_more: boolean }>('/v1/review/assignable-organisations', { query: { q: q.trim(), near, limit: String(LIMIT) } }).then(
        (r) => n === latest.current && (setFound(r.data), setMore(r.has_more), setFailed(null), setLoading(false)),
        (e: Error) => n === latest.current && (setFound([]), setMore(false), setFailed(e.message), setLoading(false)),
      )
    }, wait)
  }
  useEffect(() => () => clearTimeout(timer.current), [])
  return { found, more, loading, failed, search }
}

export function AssignModal({ near, busy, onAssign, onClose }: { near: string; busy: boolean; onAssign(orgId: string): void; onClose(): void }) {
  const { t, label } = useI18n()
  const [picked, setPicked] = useState<string | undefined>()
  const { found, more, loading, failed, search } = useAssignableOrgs(near)
  // Open with the unions nearest the applicant.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => search('', 0), [])
  return (
    <Modal open title={t.assign} onCancel={onClose} onOk={() => picked && onAssign(picked)} okButtonProps={{ disabled: !picked, loading: busy }} okText={t.assign} cancelText={t.cancel} width={560} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t.assignHint}</Typography.Paragraph>
      <Select<string, { value: string; label: string; org: AssignableOrg }>
        id="assign-org"
        data-testid="assign-org"
        style={{ width: '100%' }}
        autoFocus
        allowClear
        // A fixed width: the modal zooms in as it opens, and a list opened meanwhile would take its shrunken width.
        popupMatchSelectWidth={512}
        placeholder={t.assignPlaceholder}
        value={picked}
        onChange={setPicked}
        showSearch={{ filterOption: false, onSearch: (q) => search(q) }}
        loading={loading}
        notFoundContent={loading ? <Spin size="small" /> : (failed ?? t.noUnionFound)}
        options={found.map((org) => ({ value: org.id, label: org.name, org }))}
        optionRender={(option) => {
          const org = option.data.org
          return (
            <Space orientation="vertical" size={0} data-testid={`assign-option-${org.id}`}>
              <Typography.Text>{org.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {label('orgType', org.type)} · {org.region_name}
              </Typography.Text>
            </Space>
          )
        }}
      />
      {more && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t.moreUnions(LIMIT)}
        </Typography.Paragraph>
      )}
    </Modal>
  )
}
