/** The member-services catalogue of the reviewer's organisations: add, edit, switch off. */
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { type ApiError, api } from '../api'
import { SERVICE_KIND, useLocale, useW } from '../i18n'
import { useLoad } from '../use-load'

interface ServiceRow {
  id: string
  kind: string
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
  const w = useW()
  const [, t] = useLocale()
  const [editing, setEditing] = useState<ServiceRow | 'new' | null>(null)
  const list = useLoad(() => api<{ data: ServiceRow[] }>('/v1/review/services'), [])
  return (
    <>
      <Typography.Title level={3}>{t.services}</Typography.Title>
      <Typography.Paragraph type="secondary">{w('会员服务清单会显示在司机端入会流程中：非会员看到入会后能享受什么，会员看到自己已有的服务；司机之家可按距离查找。')}</Typography.Paragraph>
      <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setEditing('new')}>{t.add}</Button>
      <Table<ServiceRow>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.data ?? []}
        columns={[
          { title: w('类别'), dataIndex: 'kind', render: (v: string) => SERVICE_KIND[v] ?? v },
          { title: w('名称'), dataIndex: 'name' },
          { title: w('说明'), dataIndex: 'summary' },
          { title: w('范围'), dataIndex: 'region_prefixes', render: (v: string[]) => v.join(', ') },
          { title: w('会员专享'), dataIndex: 'members_only', render: (v: boolean) => (v ? <Tag color="red">{w('会员')}</Tag> : <Tag>{w('所有司机')}</Tag>) },
          { title: w('位置'), dataIndex: 'location', render: (v: ServiceRow['location']) => v?.address ?? '' },
          { title: t.status, dataIndex: 'active', render: (v: boolean) => (v ? w('在用') : w('停用')) },
          { title: t.actions, render: (_, r) => <Button type="link" onClick={() => setEditing(r)}>{t.edit}</Button> },
        ]}
      />
      {editing && <ServiceForm service={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), list.reload())} />}
    </>
  )
}

function ServiceForm({ service, onClose, onSaved }: { service: ServiceRow | null; onClose(): void; onSaved(): void }) {
  const w = useW()
  const { message } = App.useApp()
  const [, t] = useLocale()
  const [form] = Form.useForm()
  const kind = Form.useWatch('kind', form) as string | undefined
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
      void message.success(w('已保存'))
      onSaved()
    } catch (e) {
      const err = e as ApiError
      if (err.param) form.setFields([{ name: err.param.startsWith('location') ? (err.param === 'location.lng' ? 'lng' : err.param === 'location.address' ? 'address' : 'lat') : err.param, errors: [err.message] }])
      void message.error(err.message)
    }
  }
  return (
    <Modal open title={service ? `${t.edit} ${service.name}` : t.add} onCancel={onClose} onOk={() => form.submit()} okText={t.save} cancelText={t.cancel} width={600}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save}>
        <Form.Item name="kind" label={w('类别')}>
          <Select options={Object.entries(SERVICE_KIND).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="name" label={w('名称')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="summary" label={w('说明')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="provider_org_id" label={w('提供服务的工会编号')} rules={[{ required: true }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="region_prefixes" label={w('服务地区（逗号分隔）')} rules={[{ required: true }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Form.Item name="url" label={w('链接（可选）')}>
          <Input />
        </Form.Item>
        {(kind === 'driver_home' || service?.location) && (
          <Space wrap>
            <Form.Item name="lat" label={w('纬度')}>
              <InputNumber min={-90} max={90} step={0.001} />
            </Form.Item>
            <Form.Item name="lng" label={w('经度')}>
              <InputNumber min={-180} max={180} step={0.001} />
            </Form.Item>
            <Form.Item name="address" label={w('地址')}>
              <Input style={{ width: 260 }} />
            </Form.Item>
          </Space>
        )}
        <Space>
          <Form.Item name="members_only" label={w('会员专享')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {service && (
            <Form.Item name="active" label={w('在用')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Space>
      </Form>
    </Modal>
  )
}
