/**
 * The review loop in the application drawer (issue #16): each request for information, what the
 * driver gave again, their note and their photos. Photos come from the registry with the
 * reviewer's session (an <img src> cannot carry it) and every view of one is audit-logged there.
 */
import { Card, Descriptions, Image, Space, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { EnumValue } from '@ruhui/core'
import { session } from '../api'
import { useI18n } from '../i18n'

export interface InformationRequestView {
  id: string
  fields: Array<EnumValue<'infoField'>>
  documents: Array<EnumValue<'uploadPurpose'>>
  message: string
  requested_at: string
  answered_at: string | null
  answer: { fields: Array<EnumValue<'infoField'>>; note: string | null } | null
  uploads: Array<{ id: string; purpose: EnumValue<'uploadPurpose'>; content_type: string; size: number }>
}

/** A field's value as the revealed applicant record holds it now (after the driver's answer). */
function valueOf(applicant: Record<string, unknown>, field: EnumValue<'infoField'>, base: { county: string; township: string | null } | undefined): string {
  if (field === 'base_region') return base ? [base.county, base.township].filter(Boolean).join(' / ') : '—'
  const v = applicant[field]
  return typeof v === 'string' && v ? v : '—'
}

/** `applicant`: the drawer's applicant; once revealed (an audited read), the values given again are shown with their names. */
export function InformationRequests({ requests, applicant, baseRegion }: { requests: InformationRequestView[] | undefined; applicant?: Record<string, unknown> & { masked: boolean }; baseRegion?: { county: string; township: string | null } }) {
  const { t, label } = useI18n()
  if (!requests?.length) return null
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 16 }} data-testid="information-requests">
      <Typography.Title level={5} style={{ margin: 0 }}>{t.infoRequests}</Typography.Title>
      {[...requests].reverse().map((r) => (
        <Card key={r.id} size="small" title={t.infoRequestedAt(t.dateTime(r.requested_at))} extra={r.answer ? <Tag color="success">{t.infoAnsweredAt(t.dateTime(r.answered_at ?? r.requested_at))}</Tag> : r.answered_at ? <Tag>{t.infoSuperseded}</Tag> : <Tag color="warning">{t.infoWaiting}</Tag>}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t.infoAsked}>
              {[...r.fields.map((f) => label('infoField', f)), ...r.documents.map((d) => label('uploadPurpose', d))].join(t.listSeparator) || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t.requestInfoMessage}>{r.message}</Descriptions.Item>
            {r.answer && (
              <Descriptions.Item label={t.infoGivenAgain}>
                {r.answer.fields.map((f) => (applicant && !applicant.masked ? t.fieldValue(label('infoField', f), valueOf(applicant, f, baseRegion)) : label('infoField', f))).join(t.listSeparator) || '—'}
              </Descriptions.Item>
            )}
            {r.answer?.note && <Descriptions.Item label={t.infoNote}>{r.answer.note}</Descriptions.Item>}
          </Descriptions>
          {r.answer && r.answer.fields.length > 0 && (!applicant || applicant.masked) && <Typography.Paragraph type="secondary">{t.infoSeeRevealed}</Typography.Paragraph>}
          {r.uploads.length > 0 && (
            <Image.PreviewGroup>
              <Space wrap>
                {r.uploads.map((u) => <UploadPhoto key={u.id} id={u.id} caption={label('uploadPurpose', u.purpose)} />)}
              </Space>
            </Image.PreviewGroup>
          )}
        </Card>
      ))}
    </Space>
  )
}

function UploadPhoto({ id, caption }: { id: string; caption: string }) {
  const { t } = useI18n()
  const [src, setSrc] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let url: string | null = null
    let live = true
    fetch(new URL(`/v1/review/uploads/${id}`, window.location.origin), { headers: { authorization: `Bearer ${session.get() ?? ''}` } })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status))
        url = URL.createObjectURL(await res.blob())
        if (live) setSrc(url)
      })
      .catch(() => live && setFailed(true))
    return () => {
      live = false
      if (url) URL.revokeObjectURL(url)
    }
  }, [id])
  return (
    <figure style={{ margin: 0, textAlign: 'center' }} data-testid={`upload-${id}`}>
      {src ? <Image width={160} src={src} alt={caption} /> : <div style={{ width: 160, height: 100, display: 'grid', placeItems: 'center', background: '#fafafa' }}>{failed ? t.photoFailed : '…'}</div>}
      <figcaption><Typography.Text type="secondary">{caption}</Typography.Text></figcaption>
    </figure>
  )
}
