/** The queue of applications for the reviewer's organisations, and one application's detail with the actions. */
import { App, Button, Descriptions, Drawer, Form, Input, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { ApplicationStatus, EmploymentForm, TierId, TransferStatus } from '@ruhui/core'
import { api } from '../api'
import { useI18n } from '../i18n'
import { useLoad } from '../use-load'
import { AssignModal } from './assign-picker'
import { usePlaceWords } from '../place-words'
import { usePlatformNames } from '../platform-names'
import { OVERDUE_ROW, WaitingTag, overdueStyle } from './waiting-days'
import { BatchApproveButton } from './batch-approve'
import { RequestInfoModal } from './request-info-modal'
import { type InformationRequestView, InformationRequests } from './information-requests'
import { IdentityEvidence, type PrivacyFacts } from './identity-evidence'

export interface ReviewApplication extends Partial<PrivacyFacts> {
  id: string
  status: ApplicationStatus
  org_id: string | null
  org_name: string | null
  tier: TierId | null
  platform_id: string
  submitted_at: string
  status_reason: { message: string } | null
  member_card: { number: string } | null
  applicant: Record<string, unknown> & { name: string; id_number: string; mobile: string; masked: boolean; employment_form?: EmploymentForm; plate?: string | null; mobile_verified_at?: string | null }
  base_region: { county: string; township: string | null }
  volunteer: boolean
  /** Issue #16: working days waiting on the union (queue rows), overdue past five; the review loop (detail). */
  waiting_working_days?: number | null
  overdue?: boolean
  information_requests?: InformationRequestView[]
}

// The statuses a reviewer filters by, with their colours.
const STATUS_COLOR: Partial<Record<ApplicationStatus, string>> = { under_review: 'processing', needs_info: 'warning', approved: 'success', rejected: 'error', awaiting_assignment: 'purple', withdrawn: 'default' }
const TRANSFER_COLOR: Record<TransferStatus, string> = { requested: 'processing', released: 'warning', completed: 'success', rejected: 'error' }

export function StatusTag(props: { kind: 'applicationStatus'; status: ApplicationStatus } | { kind: 'transferStatus'; status: TransferStatus }) {
  const { label } = useI18n()
  if (props.kind === 'transferStatus') return <Tag color={TRANSFER_COLOR[props.status]}>{label('transferStatus', props.status)}</Tag>
  return <Tag color={STATUS_COLOR[props.status] ?? 'default'}>{label('applicationStatus', props.status)}</Tag>
}

/** The tier matching chose; none for a union a reviewer assigned (after `awaiting_assignment`). */
function TierWords({ application: a }: { application: ReviewApplication }) {
  const { t, tierLabel } = useI18n()
  return <>{a.tier === null && a.status !== 'awaiting_assignment' && a.org_id ? t.assignedByReviewer : tierLabel(a.tier)}</>
}

export function QueuePage({ params }: { params: URLSearchParams }) {
  const { t, label } = useI18n()
  const platformName = usePlatformNames()
  const placeWords = usePlaceWords()
  const [filter, setFilter] = useState<{ status?: string; region_prefix?: string; platform_id?: string }>({})
  const [open, setOpen] = useState<string | null>(params.get('id'))
  const list = useLoad(() => api<{ data: ReviewApplication[] }>('/v1/review/applications', { query: { ...filter, limit: '200' } }), [JSON.stringify(filter)])
  // Batch approval (issue #16): the open applications selected in the list.
  const [selected, setSelected] = useState<string[]>([])
  const rows = list.data?.data ?? []
  return (
    <>
      <Typography.Title level={3}>{t.queue}</Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16 }} onFinish={(v: typeof filter) => setFilter(Object.fromEntries(Object.entries(v).filter(([, x]) => x)))}>
        <Form.Item name="status" label={t.status}>
          <Select allowClear style={{ width: 160 }} placeholder={t.openOnes} options={(Object.keys(STATUS_COLOR) as ApplicationStatus[]).map((s) => ({ value: s, label: label('applicationStatus', s) }))} />
        </Form.Item>
        <Form.Item name="region_prefix" label={t.regionPrefix}>
          <Input style={{ width: 120 }} placeholder="3201" maxLength={6} />
        </Form.Item>
        <Form.Item name="platform_id" label={t.platform}>
          <Input style={{ width: 120 }} placeholder="P-DEMO" />
        </Form.Item>
        <Button htmlType="submit">{t.search}</Button>
      </Form>
      <style>{overdueStyle}</style>
      <div style={{ marginBottom: 12 }}>
        <BatchApproveButton selected={selected} names={Object.fromEntries(rows.map((r) => [r.id, `${r.applicant.name} · ${r.applicant.id_number}`]))} onDone={() => (setSelected([]), list.reload())} />
      </div>
      <Table<ReviewApplication>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.data ?? []}
        pagination={{ pageSize: 20 }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        rowClassName={(r) => (r.overdue ? OVERDUE_ROW : '')}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (r) => ({ disabled: !['submitted', 'under_review', 'needs_info'].includes(r.status) }) }}
        columns={[
          { title: t.submittedAt, dataIndex: 'submitted_at', render: (v: string) => t.dateTime(v) },
          { title: t.waiting, render: (_, r) => <WaitingTag days={r.waiting_working_days} overdue={r.overdue} /> },
          { title: t.applicant, render: (_, r) => `${r.applicant.name} · ${r.applicant.id_number}` },
          { title: t.region, render: (_, r) => placeWords(r.base_region.county, r.base_region.township) },
          { title: t.union, dataIndex: 'org_name' },
          { title: t.tier, render: (_, r) => <TierWords application={r} /> },
          { title: t.platform, render: (_, r) => platformName(r.platform_id) },
          { title: t.status, dataIndex: 'status', render: (s: ApplicationStatus) => <StatusTag kind="applicationStatus" status={s} /> },
          { title: t.actions, render: (_, r) => <Button type="link" onClick={() => setOpen(r.id)}>{t.view}</Button> },
        ]}
      />
      {open && <ApplicationDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />}
    </>
  )
}

function ApplicationDrawer({ id, onClose, onChanged }: { id: string; onClose(): void; onChanged(): void }) {
  const { message, modal } = App.useApp()
  const { t, label } = useI18n()
  const platformName = usePlatformNames()
  const placeWords = usePlaceWords()
  const [reveal, setReveal] = useState(false)
  const [busy, setBusy] = useState(false)
  const [assigning, setAssigning] = useState(false)
  const [asking, setAsking] = useState(false)
  const detail = useLoad(() => api<ReviewApplication>(`/v1/review/applications/${id}`, { query: reveal ? { reveal: 'true' } : {} }), [id, reveal])
  const a = detail.data
  const act = async (action: string, body: Record<string, string> = {}) => {
    setBusy(true)
    try {
      const r = await api<ReviewApplication>(`/v1/review/applications/${id}/${action}`, { body })
      void message.success(label('applicationStatus', r.status))
      setAssigning(false)
      // Back to masked: the refreshed view is not another read of the personal data.
      if (reveal) setReveal(false)
      else detail.reload()
      onChanged()
    } catch (e) {
      void message.error((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const ask = (action: 'reject' | 'request_info') => {
    let value = ''
    modal.confirm({
      title: action === 'reject' ? t.reject : t.requestInfo,
      content: <Input.TextArea autoFocus id={`input-${action}`} placeholder={t.reason} onChange={(e) => (value = e.target.value)} />,
      onOk: () => act(action, { reason: value.trim() }),
    })
  }
  // What the registry allows: an awaiting application can only be assigned; the others decided.
  const open = a && ['under_review', 'needs_info'].includes(a.status)
  return (
    <Drawer open width={560} onClose={onClose} title={a ? `${a.applicant.name} · ${a.id}` : id}>
      {a && (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t.status}>
              <StatusTag kind="applicationStatus" status={a.status} />
              {a.status_reason ? ` ${a.status_reason.message}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t.personName}>{a.applicant.name}</Descriptions.Item>
            <Descriptions.Item label={t.idNumber}>{a.applicant.id_number}</Descriptions.Item>
            <Descriptions.Item label={t.mobile}>{a.applicant.mobile}</Descriptions.Item>
            {!a.applicant.masked && (
              <>
                <Descriptions.Item label={t.employmentForm}>{a.applicant.employment_form ? label('employmentForm', a.applicant.employment_form) : '—'}</Descriptions.Item>
                <Descriptions.Item label={t.plate}>{a.applicant.plate ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t.mobileCheck}>{a.applicant.mobile_verified_at ? t.mobileVerifiedAt(a.applicant.mobile_verified_at) : t.notVerified}</Descriptions.Item>
                <Descriptions.Item label={t.faceCheck}>{a.applicant.identity_verification ? t.passed : t.none}</Descriptions.Item>
              </>
            )}
            <Descriptions.Item label={t.region}>
              {placeWords(a.base_region.county, a.base_region.township)}
            </Descriptions.Item>
            <Descriptions.Item label={t.union}>{a.org_name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t.tier}>
              <TierWords application={a} />
            </Descriptions.Item>
            <Descriptions.Item label={t.platform}>{platformName(a.platform_id)}</Descriptions.Item>
            <Descriptions.Item label={t.volunteerOffer}>{a.volunteer ? t.willing : '—'}</Descriptions.Item>
            {a.member_card && <Descriptions.Item label={t.cardNumber}>{a.member_card.number}</Descriptions.Item>}
          </Descriptions>
          <Space wrap style={{ marginTop: 16 }}>
            {a.applicant.masked && (
              <Button onClick={() => setReveal(true)} title={t.revealNote}>
                {t.reveal}
              </Button>
            )}
            {open && (
              <Button type="primary" loading={busy} onClick={() => void act('approve')}>
                {t.approve}
              </Button>
            )}
            {open && <Button onClick={() => setAsking(true)}>{t.requestInfo}</Button>}
            {a.status === 'awaiting_assignment' && (
              <Button type="primary" onClick={() => setAssigning(true)}>
                {t.assign}
              </Button>
            )}
            {open && (
              <Button danger onClick={() => ask('reject')}>
                {t.reject}
              </Button>
            )}
          </Space>
          {a.applicant.masked && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t.revealNote}</Typography.Paragraph>}
          <IdentityEvidence facts={a} />
          <InformationRequests requests={a.information_requests} applicant={a.applicant} baseRegion={a.base_region} />
          {asking && <RequestInfoModal applicationId={a.id} onClose={() => setAsking(false)} onAsked={() => (reveal ? setReveal(false) : detail.reload(), onChanged())} />}
          {assigning && <AssignModal near={a.base_region.township ?? a.base_region.county} busy={busy} onAssign={(orgId) => void act('assign', { org_id: orgId })} onClose={() => setAssigning(false)} />}
        </>
      )}
    </Drawer>
  )
}
