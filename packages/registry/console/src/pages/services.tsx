/** The member-services catalogue of the reviewer's organisations: add, edit, switch off. */
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { SERVICE_KINDS, type ServiceKind } from '@ruhui/core'
import { type ApiError, api } from '../api'
import { useI18n } from '../i18n'
import { useLoad } from '../use-load'

interface ServiceRow {
  id: string
  kind: ServiceKind
  name: string
  summary: string
  provider_org_id: string
  region_prefixes: string[]
  members_only: boolean
  url: string | null
  location: { lat: number; lng: number; address: string } | null
  active: boolean
}

export function ServicesPage() {
  const { t, label } = useI18n()
  const [editing, setEditing] = useState<ServiceRow | 'new' | null>(null)
  const list = useLoad(() => api<{ data: ServiceRow[] }>('/v1/review/services'), [])
  return (
    <>
      <Typography.Title level={3}>{t.services}</Typography.Title>
      <Typography.Paragraph type="secondary">{t.servicesLead}</Typography.Paragraph>
      <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setEditing('new')}>{t.add}</Button>
      <Table<ServiceRow>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.data ?? []}
        columns={[
          { title: t.kind, dataIndex: 'kind', render: (v: ServiceKind) => label('serviceKind', v) },
          { title: t.name, dataIndex: 'name' },
          { title: t.summary, dataIndex: 'summary' },
          { title: t.servedRegions, dataIndex: 'region_prefixes', render: (v: string[]) => v.join(', ') },
          { title: t.membersOnly, dataIndex: 'members_only', render: (v: boolean) => (v ? <Tag color="red">{t.memberTag}</Tag> : <Tag>{t.allDrivers}</Tag>) },
          { title: t.location, dataIndex: 'location', render: (v: ServiceRow['location']) => v?.address ?? '' },
          { title: t.status, dataIndex: 'active', render: (v: boolean) => (v ? t.inUse : t.off) },
          { title: t.actions, render: (_, r) => <Button type="link" onClick={() => setEditing(r)}>{t.edit}</Button> },
        ]}
      />
      {editing && <ServiceForm service={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), list.reload())} />}
    </>
  )
}

function ServiceForm({ service, onClose, onSaved }: { service: ServiceRow | null; onClose(): void; onSaved(): void }) {
  const { message } = App.useApp()
  const { t, label } = useI18n()
  const [form] = Form.useForm()
  const kind = Form.useWatch('kind', form) as ServiceKind | undefined
  const initial = service
    ? { ...service, region_prefixes: service.region_prefixes.join(','), lat: service.location?.lat, lng: service.location?.lng, address: service.location?.address }
    : { kind: 'driver_home', members_only: false, active: true }
  const save = async (v: Record<string, unknown>) => {
    const body = {
      kind: v.kind,
      name: v.name,
      summary: v.summary,
      provider_org_id: v.provider_org_id,
      region_prefixes: String(v.region_prefixes ?? '').split(/[,，\s]+/).filter(Boolean),
      members_only: Boolean(v.members_only),
      url: v.url ? v.url : null,
      location: v.lat !== undefined && v.lat !== null && v.address ? { lat: v.lat, lng: v.lng, address: v.address } : null,
      ...(service ? { active: Boolean(v.active) } : {}),
    }
    try {
      await (service ? api(`/v1/review/services/${service.id}`, { method: 'PATCH', body }) : api('/v1/review/services', { body }))
      void message.success(t.saved)
      onSaved()
    } catch (e) {
      const err = e as ApiError
      if (err.param) form.setFields([{ name: err.param.startsWith('location') ? (err.param === 'location.lng' ? 'lng' : err.param === 'location.address' ? 'address' : 'lat') : err.param, errors: [err.message] }])
      void message.error(err.message)
    }
  }
  return (
    <Modal open title={service ? t.editing(service.name) : t.add} onCancel={onClose} onOk={() => form.submit()} okText={t.save} cancelText={t.cancel} width={600}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save}>
        <Form.Item name="kind" label={t.kind}>
          <Select options={SERVICE_KINDS.map((value) => ({ value, label: label('serviceKind', value) }))} />
        </Form.Item>
        <Form.Item name="name" label={t.name} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="summary" label={t.summary} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="provider_org_id" label={t.provider} rules={[{ required: true }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="region_prefixes" label={t.servedRegionsInput} rules={[{ required: true }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Form.Item name="url" label={t.link}>
          <Input />
        </Form.Item>
        {(kind === 'driver_home' || service?.location) && (
          <Space wrap>
            <Form.Item name="lat" label={t.lat}>
              <InputNumber min={-90} max={90} step={0.001} />
            </Form.Item>
            <Form.Item name="lng" label={t.lng}>
              <InputNumber min={-180} max={180} step={0.001} />
            </Form.Item>
            <Form.Item name="address" label={t.address}>
              <Input style={{ width: 260 }} />
            </Form.Item>
          </Space>
        )}
        <Space>
          <Form.Item name="members_only" label={t.membersOnly} valuePropName="checked">
            <Switch />
          </Form.Item>
          {service && (
            <Form.Item name="active" label={t.inUse} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Space>
      </Form>
    </Modal>
  )
}
