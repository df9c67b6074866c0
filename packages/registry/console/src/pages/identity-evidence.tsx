/**
 * What the reviewer weighs about who applied (issue #13), in the application drawer: each identity
 * check labelled by its source — 平台后台已核验 (the platform's backend, with its secret key) or
 * 设备声明 (only claimed by the app on the phone) —, a possible duplicate of an existing member
 * (named with the union and status only within the reviewer's subtree, else "a member elsewhere")
 * or of an application being handled (the ID number under another name or mobile), the fields that differ from the
 * platform's prefill, the charter declaration and the consents, with any withdrawal.
 */
import { Alert, Descriptions, Space, Tag, Typography } from 'antd'
import type { EnumValue } from '@ruhui/core'
import { useI18n } from '../i18n'

export interface EvidenceItem {
  subject: 'identity' | 'mobile'
  source: 'platform_backend' | 'device'
  method: string
  at: string
  applies: boolean
}

export interface PrivacyFacts {
  evidence: EvidenceItem[]
  flags: { possible_duplicate?: { member_org_id?: string; member_org_name?: string | null; member_status?: EnumValue<'membershipStatus'>; member_elsewhere?: true; open_application_id?: string }; prefill_mismatch?: Array<keyof PrefillWords> }
  charter: { text_version: string; accepted_at: string } | null
  consents: Array<{ kind: EnumValue<'consentKind'>; text_version: string; granted_at: string; withdrawn: boolean }>
}

type PrefillWords = ReturnType<typeof useI18n>['t']['prefillFields']

export function IdentityEvidence({ facts }: { facts: Partial<PrivacyFacts> }) {
  const { t, label } = useI18n()
  const method = (m: string) => (m === 'platform_realname' || m === 'face_match' ? label('verificationMethod', m) : t.evidenceMobileButton)
  const duplicate = facts.flags?.possible_duplicate
  const mismatch = facts.flags?.prefill_mismatch ?? []
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 16 }} data-testid="identity-evidence">
      <Typography.Title level={5} style={{ margin: 0 }}>{t.evidenceTitle}</Typography.Title>
      {duplicate?.member_org_id && duplicate.member_status && <Alert type="warning" showIcon data-testid="possible-duplicate" message={t.possibleDuplicate(duplicate.member_org_name ?? duplicate.member_org_id, label('membershipStatus', duplicate.member_status))} />}
      {duplicate?.member_elsewhere && <Alert type="warning" showIcon data-testid="possible-duplicate" message={t.possibleDuplicateElsewhere} />}
      {duplicate?.open_application_id && <Alert type="warning" showIcon data-testid="possible-duplicate-application" message={t.possibleDuplicateApplication(duplicate.open_application_id)} />}
      {mismatch.length > 0 && <Alert type="warning" showIcon data-testid="prefill-mismatch" message={t.prefillMismatch(mismatch.map((f) => t.prefillFields[f]).join('、'))} />}
      <Descriptions column={1} bordered size="small">
        {(facts.evidence ?? []).map((e) => (
          <Descriptions.Item key={`${e.subject}-${e.source}-${e.method}`} label={t.evidenceSubject[e.subject]}>
            <Tag color={e.source === 'platform_backend' ? 'green' : 'default'} data-testid={`evidence-${e.source}`}>
              {t.evidenceSource[e.source]}
            </Tag>
            {method(e.method)} · {t.dateTime(e.at)}
            {!e.applies && <Typography.Text type="danger"> {t.evidenceNotThisPerson}</Typography.Text>}
          </Descriptions.Item>
        ))}
        {(facts.evidence ?? []).length === 0 && <Descriptions.Item label={t.evidenceSubject.identity}>{t.evidenceNone}</Descriptions.Item>}
        <Descriptions.Item label={t.charterDeclaration}>{facts.charter ? t.charterAccepted(facts.charter.text_version, facts.charter.accepted_at) : t.charterMissing}</Descriptions.Item>
        <Descriptions.Item label={t.consentsGiven}>
          {(facts.consents ?? []).map((c) => (
            <Tag key={c.kind} color={c.withdrawn ? 'default' : 'blue'}>
              {label('consentKind', c.kind)}
              {c.withdrawn ? `（${t.consentWithdrawn}）` : ''}
            </Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
    </Space>
  )
}
