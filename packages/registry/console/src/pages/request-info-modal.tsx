/**
 * 要求补充材料 (issue #16): the reviewer names what is needed — fields to give again (a fixed
 * list), photos to upload (e.g. the driving licence) — with a message to the driver.
 */
import { App, Checkbox, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { ENUM_VALUES, type EnumValue } from '@ruhui/core'
import { api } from '../api'
import { useI18n } from '../i18n'

interface Values {
  fields?: Array<EnumValue<'infoField'>>
  documents?: Array<EnumValue<'uploadPurpose'>>
  reason: string
}

export function RequestInfoModal({ applicationId, onClose, onAsked }: { applicationId: string; onClose(): void; onAsked(): void }) {
  const { message } = App.useApp()
  const { t, label } = useI18n()
  const [form] = Form.useForm<Values>()
  const [busy, setBusy] = useState(false)
  const submit = async (v: Values) => {
    setBusy(true)
    try {
      await api(`/v1/review/applications/${applicationId}/request_info`, { body: { reason: v.reason.trim(), fields: v.fields ?? [], documents: v.documents ?? [] } })
      void message.success(label('applicationStatus', 'needs_info'))
      onAsked()
      onClose()
    } catch (e) {
      void message.error((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal open title={t.requestInfo} okText={t.requestInfoSend} cancelText={t.cancel} confirmLoading={busy} onCancel={onClose} onOk={() => form.submit()} width={560}>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} id="request-info-form">
        <Form.Item name="fields" label={t.requestInfoFields}>
          <Checkbox.Group options={ENUM_VALUES.infoField.map((f) => ({ value: f, label: label('infoField', f) }))} />
        </Form.Item>
        <Form.Item name="documents" label={t.requestInfoDocuments}>
          <Checkbox.Group options={ENUM_VALUES.uploadPurpose.map((d) => ({ value: d, label: label('uploadPurpose', d) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t.requestInfoMessage} rules={[{ required: true, whitespace: true, message: t.requestInfoMessageRequired }, { max: 500 }]}>
          <Input.TextArea id="request-info-message" rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  )
}
