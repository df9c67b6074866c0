/** For admins: the matching configuration in force, its version and each province's tier order in words (issue #12). */
import { Descriptions, Spin, Table, Tag, Typography } from 'antd'
import type { TierId } from '@ruhui/core'
import { api } from '../api'
import { useI18n } from '../i18n'
import { useLoad } from '../use-load'

interface ProvinceRow {
  code: string
  name: string
  tiers: TierId[]
  promote_platform_unions: boolean
  own_rules: boolean
  in_pilot: boolean
}
interface MatchingConfigView {
  version: string
  pilot_region_prefixes: string[] | null
  provinces: ProvinceRow[]
}

export function MatchingPage() {
  const { t, label } = useI18n()
  const config = useLoad(() => api<MatchingConfigView>('/v1/review/matching-config'), [])
  const c = config.data
  // A province by its name in this language where the console has one; the registry's name otherwise.
  const provinceName = (code: string, name?: string) => t.provinces[code.slice(0, 2)] ?? name ?? code
  return (
    <>
      <Typography.Title level={3}>{t.matching}</Typography.Title>
      <Typography.Paragraph type="secondary">{t.matchingLead}</Typography.Paragraph>
      {config.loading && !c && <Spin />}
      {c && (
        <Descriptions bordered size="small" column={1} style={{ marginBottom: 16, maxWidth: 640 }}>
          <Descriptions.Item label={t.configVersion}>
            <Typography.Text code data-testid="matching-version">
              {c.version}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t.pilotRegions}>{c.pilot_region_prefixes ? c.pilot_region_prefixes.map((p) => (p.length === 2 ? provinceName(p) : p)).join(' · ') : t.everywhere}</Descriptions.Item>
        </Descriptions>
      )}
      {c && (
        <Table<ProvinceRow>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={c.provinces}
          columns={[
            { title: t.province, width: 120, render: (_, p) => provinceName(p.code, p.name) },
            { title: t.inPilot, width: 110, dataIndex: 'in_pilot', render: (v: boolean) => (v ? t.yes : t.no) },
            { title: t.ownRules, width: 130, dataIndex: 'own_rules', render: (v: boolean) => (v ? t.yes : '') },
            { title: t.platformUnionsFirst, width: 170, dataIndex: 'promote_platform_unions', render: (v: boolean) => (v ? t.yes : '') },
            {
              title: t.tierOrder,
              render: (_, p) => (
                <span data-testid={`tiers-${p.code}`}>
                  {p.tiers.map((tier, i) => (
                    <Tag key={tier} color={i === 0 ? 'red' : 'default'} style={{ marginBottom: 4 }}>
                      {i + 1}. {label('tier', tier)}
                    </Tag>
                  ))}
                </span>
              ),
            },
          ]}
        />
      )}
    </>
  )
}
