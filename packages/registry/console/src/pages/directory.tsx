/** The organisation directory: search, add or edit an organisation, import a directory file with a per-row report. */
import { Alert, App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tooltip, Typography, Upload } from 'antd'
import { useState } from 'react'
import { ORG_LEVELS, ORG_STATUSES, ORG_TYPES, type OrgLevel, type OrgStatus, type OrgType } from '@ruhui/core'
import type { OrgContact } from '@ruhui/core/matching'
import { ApiError, api } from '../api'
import { useI18n } from '../i18n'
import { useLoad } from '../use-load'

interface OrgRow {
  id: string
  name: string
  type: OrgType
  level: OrgLevel
  is_grassroots: boolean
  region_code: string
  township_code: string | null
  parent_id: string | null
  accepts_online: boolean
  status: OrgStatus
  coverage: { regionPrefixes: string[] }
  data: Record<string, unknown> & { contact?: OrgContact }
}
interface ImportReport {
  received: number
  imported: number
  created: number
  updated: number
  errors: Array<{ row: number; id: string | null; field: string; message: string }>
}

// Levels an organisation in a province's directory can have (the national federation is not in one).
const LEVELS = ORG_LEVELS.filter((l) => l !== 'national')
const CONTACT_FIELDS = ['phone', 'address', 'hours'] as const

/** The contact as the form gave it: blank fields left out (the schema refuses empty strings). */
function contactFrom(input: unknown): OrgContact {
  const given = (input ?? {}) as Record<string, unknown>
  const contact: OrgContact = {}
  for (const k of CONTACT_FIELDS) if (typeof given[k] === 'string' && given[k].trim()) contact[k] = given[k].trim()
  return contact
}

/** Whether a union says how to reach it: its phone, else that it has some contact, with the rest on hover. */
function ContactCell({ contact }: { contact: OrgContact | undefined }) {
  const { t } = useI18n()
  const given = contactFrom(contact)
  if (Object.keys(given).length === 0) return <Typography.Text type="secondary">{t.none}</Typography.Text>
  const lines = [given.phone, given.address, given.hours].filter(Boolean).join(' · ')
  return (
    <Tooltip title={lines}>
      <Typography.Text data-testid="org-contact">{given.phone ?? t.yes}</Typography.Text>
    </Tooltip>
  )
}

export function DirectoryPage() {
  const { message } = App.useApp()
  const { t, label } = useI18n()
  const [q, setQ] = useState('')
  const [editing, setEditing] = useState<OrgRow | 'new' | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const list = useLoad(() => api<{ data: OrgRow[]; total: number }>('/v1/review/organisations', { query: { q, limit: '300' } }), [q])

  const importFile = async (file: File) => {
    try {
      const r = await api<ImportReport>('/v1/review/organisations/import', { body: await file.text() })
      setReport(r)
      list.reload()
    } catch (e) {
      void message.error((e as Error).message)
    }
    return false
  }
  return (
    <>
      <Typography.Title level={3}>{t.directory}</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search placeholder={t.nameOrId} allowClear onSearch={setQ} style={{ width: 260 }} />
        <Button type="primary" onClick={() => setEditing('new')}>{t.add}</Button>
        <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => void importFile(f) as unknown as boolean}>
          <Button>{t.importFile}</Button>
        </Upload>
        <Typography.Text type="secondary">{t.orgCount(list.data?.total ?? 0)}</Typography.Text>
      </Space>
      {report && (
        <Alert
          style={{ marginBottom: 16 }}
          type={report.errors.length ? 'warning' : 'success'}
          closable
          onClose={() => setReport(null)}
          message={t.importReport({ ...report, problems: report.errors.length })}
          description={
            report.errors.length > 0 && (
              <Table size="small" rowKey={(r) => `${r.row}-${r.field}`} pagination={false} dataSource={report.errors} columns={[{ title: t.row, dataIndex: 'row', width: 60 }, { title: t.id, dataIndex: 'id' }, { title: t.field, dataIndex: 'field' }, { title: t.problem, dataIndex: 'message' }]} />
            )
          }
        />
      )}
      <Table<OrgRow>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.data ?? []}
        columns={[
          { title: t.id, dataIndex: 'id' },
          { title: t.name, dataIndex: 'name' },
          { title: t.type, dataIndex: 'type', render: (v: OrgType) => label('orgType', v) },
          { title: t.regionCode, dataIndex: 'region_code' },
          { title: t.grassroots, dataIndex: 'is_grassroots', render: (v: boolean) => (v ? t.yes : '') },
          { title: t.onlineJoining, dataIndex: 'accepts_online', render: (v: boolean) => (v ? t.yes : t.no) },
          { title: t.contact, render: (_, r) => <ContactCell contact={r.data.contact} /> },
          { title: t.actions, render: (_, r) => <Button type="link" onClick={() => setEditing(r)}>{t.edit}</Button> },
        ]}
      />
      {editing && <OrgForm org={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), list.reload())} />}
    </>
  )
}

function OrgForm({ org, onClose, onSaved }: { org: OrgRow | null; onClose(): void; onSaved(): void }) {
  const { message } = App.useApp()
  const { t, label } = useI18n()
  const [form] = Form.useForm()
  const [busy, setBusy] = useState(false)
  const initial = org
    ? { ...org.data, regionPrefixes: org.coverage.regionPrefixes.join(',') }
    : { type: 'township_union', level: 'township', isGrassroots: true, acceptsOnline: true, status: 'active' }
  const save = async (v: Record<string, unknown>) => {
    setBusy(true)
    const { regionPrefixes, contact: contactInput, ...rest } = v
    const contact = contactFrom(contactInput)
    const body: Record<string, unknown> = {
      ...(org?.data ?? {}),
      ...rest,
      coverage: { ...((org?.data.coverage as object) ?? {}), regionPrefixes: String(regionPrefixes ?? '').split(/[,，\s]+/).filter(Boolean) },
      // An edit that clears every field sends an empty contact (an edit keeps the fields it leaves out).
      ...(Object.keys(contact).length > 0 || org?.data.contact ? { contact } : {}),
    }
    if (!org && Object.keys(contact).length === 0) delete body.contact
    for (const k of ['townshipCode', 'uscc', 'parentId']) if (body[k] === '' || body[k] === null) delete body[k]
    try {
      await (org ? api(`/v1/review/organisations/${org.id}`, { method: 'PATCH', body }) : api('/v1/review/organisations', { body }))
      void message.success(t.saved)
      onSaved()
    } catch (e) {
      const err = e as ApiError
      const [field, sub] = (err.param ?? '').split('.')
      if (field) form.setFields([{ name: field === 'coverage' ? 'regionPrefixes' : field === 'contact' && sub ? ['contact', sub] : field, errors: [err.message] }])
      void message.error(err.message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal open title={org ? t.editing(org.name) : t.add} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText={t.save} cancelText={t.cancel} width={640}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save}>
        {!org && (
          <Form.Item name="id" label={t.orgIdNew} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="name" label={t.name} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="type" label={t.type}>
            <Select style={{ width: 260 }} options={ORG_TYPES.map((value) => ({ value, label: label('orgType', value) }))} />
          </Form.Item>
          <Form.Item name="level" label={t.level}>
            <Select style={{ width: 140 }} options={LEVELS.map((value) => ({ value, label: label('orgLevel', value) }))} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="regionCode" label={t.seatCode} rules={[{ required: true }]}>
            <Input maxLength={6} />
          </Form.Item>
          <Form.Item name="townshipCode" label={t.townshipCode}>
            <Input maxLength={9} />
          </Form.Item>
          <Form.Item name="parentId" label={t.parentId}>
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="regionPrefixes" label={t.coverage} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="uscc" label={t.uscc}>
          <Input maxLength={18} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name={['contact', 'phone']} label={t.contactPhone}>
            <Input id="org-contact-phone" style={{ width: 180 }} maxLength={30} placeholder="12351" />
          </Form.Item>
          <Form.Item name={['contact', 'hours']} label={t.contactHours}>
            <Input id="org-contact-hours" style={{ width: 360 }} maxLength={100} placeholder={t.contactHoursExample} />
          </Form.Item>
        </Space>
        <Form.Item name={['contact', 'address']} label={t.contactAddress}>
          <Input id="org-contact-address" maxLength={200} />
        </Form.Item>
        <Space>
          <Form.Item name="isGrassroots" label={t.isGrassroots} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="acceptsOnline" label={t.acceptsOnline} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="status" label={t.status}>
            <Select style={{ width: 120 }} options={ORG_STATUSES.map((value) => ({ value, label: label('orgStatus', value) }))} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  )
}
