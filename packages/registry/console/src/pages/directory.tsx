/** The organisation directory: search, add or edit an organisation, import a directory file with a per-row report. */
import { Alert, App, Button, Form, Input, Modal, Select, Space, Switch, Table, Typography, Upload } from 'antd'
import { useState } from 'react'
import { ApiError, api } from '../api'
import { ORG_TYPE, useLocale, useW } from '../i18n'
import { useLoad } from '../use-load'

interface OrgRow {
  id: string
  name: string
  type: string
  level: string
  is_grassroots: boolean
  region_code: string
  township_code: string | null
  parent_id: string | null
  accepts_online: boolean
  status: string
  coverage: { regionPrefixes: string[] }
  data: Record<string, unknown>
}
interface ImportReport {
  received: number
  imported: number
  created: number
  updated: number
  errors: Array<{ row: number; id: string | null; field: string; message: string }>
}

const LEVELS = ['province', 'prefecture', 'county', 'township', 'village', 'unit']

export function DirectoryPage() {
  const w = useW()
  const { message } = App.useApp()
  const [locale, t] = useLocale()
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
        <Input.Search placeholder={w('名称或编号')} allowClear onSearch={setQ} style={{ width: 260 }} />
        <Button type="primary" onClick={() => setEditing('new')}>{t.add}</Button>
        <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => void importFile(f) as unknown as boolean}>
          <Button>{t.import}</Button>
        </Upload>
        <Typography.Text type="secondary">{locale === 'en' ? `${list.data?.total ?? 0} organisations` : `共 ${list.data?.total ?? 0} 个组织`}</Typography.Text>
      </Space>
      {report && (
        <Alert
          style={{ marginBottom: 16 }}
          type={report.errors.length ? 'warning' : 'success'}
          closable
          onClose={() => setReport(null)}
          message={locale === 'en' ? `${report.received} received, ${report.imported} imported (${report.created} new, ${report.updated} updated), ${report.errors.length} problems` : `收到 ${report.received} 条，导入 ${report.imported} 条（新增 ${report.created}，更新 ${report.updated}），有问题 ${report.errors.length} 处`}
          description={
            report.errors.length > 0 && (
              <Table size="small" rowKey={(r) => `${r.row}-${r.field}`} pagination={false} dataSource={report.errors} columns={[{ title: w('行'), dataIndex: 'row', width: 60 }, { title: w('编号'), dataIndex: 'id' }, { title: w('字段'), dataIndex: 'field' }, { title: w('问题'), dataIndex: 'message' }]} />
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
          { title: w('编号'), dataIndex: 'id' },
          { title: w('名称'), dataIndex: 'name' },
          { title: w('类型'), dataIndex: 'type', render: (v: string) => ORG_TYPE[v] ?? v },
          { title: w('地区'), dataIndex: 'region_code' },
          { title: w('基层'), dataIndex: 'is_grassroots', render: (v: boolean) => (v ? w('是') : '') },
          { title: w('在线入会'), dataIndex: 'accepts_online', render: (v: boolean) => (v ? w('是') : w('否')) },
          { title: t.actions, render: (_, r) => <Button type="link" onClick={() => setEditing(r)}>{t.edit}</Button> },
        ]}
      />
      {editing && <OrgForm org={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), list.reload())} />}
    </>
  )
}

function OrgForm({ org, onClose, onSaved }: { org: OrgRow | null; onClose(): void; onSaved(): void }) {
  const w = useW()
  const { message } = App.useApp()
  const [, t] = useLocale()
  const [form] = Form.useForm()
  const [busy, setBusy] = useState(false)
  const initial = org
    ? { ...org.data, regionPrefixes: org.coverage.regionPrefixes.join(',') }
    : { type: 'township_union', level: 'township', isGrassroots: true, acceptsOnline: true, status: 'active' }
  const save = async (v: Record<string, unknown>) => {
    setBusy(true)
    const { regionPrefixes, ...rest } = v
    const body: Record<string, unknown> = {
      ...(org?.data ?? {}),
      ...rest,
      coverage: { ...((org?.data.coverage as object) ?? {}), regionPrefixes: String(regionPrefixes ?? '').split(/[,，\s]+/).filter(Boolean) },
    }
    for (const k of ['townshipCode', 'uscc', 'parentId']) if (body[k] === '' || body[k] === null) delete body[k]
    try {
      await (org ? api(`/v1/review/organisations/${org.id}`, { method: 'PATCH', body }) : api('/v1/review/organisations', { body }))
      void message.success(w('已保存'))
      onSaved()
    } catch (e) {
      const err = e as ApiError
      if (err.param) form.setFields([{ name: err.param.split('.')[0] === 'coverage' ? 'regionPrefixes' : err.param.split('.')[0], errors: [err.message] }])
      void message.error(err.message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal open title={org ? `${t.edit} ${org.name}` : t.add} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText={t.save} cancelText={t.cancel} width={640}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save}>
        {!org && (
          <Form.Item name="id" label={w('编号（org_ 开头）')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="name" label={w('名称')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="type" label={w('类型')}>
            <Select style={{ width: 220 }} options={Object.entries(ORG_TYPE).filter(([k]) => k !== 'unknown').map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="level" label={w('层级')}>
            <Select style={{ width: 140 }} options={LEVELS.map((value) => ({ value, label: value }))} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="regionCode" label={w('所在地代码（6 位）')} rules={[{ required: true }]}>
            <Input maxLength={6} />
          </Form.Item>
          <Form.Item name="townshipCode" label={w('乡镇代码（9 位，可选）')}>
            <Input maxLength={9} />
          </Form.Item>
          <Form.Item name="parentId" label={w('上级工会编号')}>
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="regionPrefixes" label={w('覆盖地区（逗号分隔，如 320115）')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="uscc" label={w('统一社会信用代码（可选）')}>
          <Input maxLength={18} />
        </Form.Item>
        <Space>
          <Form.Item name="isGrassroots" label={w('基层工会（可发展会员）')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="acceptsOnline" label={w('接受在线入会')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="status" label={w('状态')}>
            <Select style={{ width: 120 }} options={[{ value: 'active', label: w('正常') }, { value: 'suspended', label: w('暂停') }, { value: 'dissolved', label: w('已撤销') }]} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  )
}
