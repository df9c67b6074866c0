/** Drivers who offered to be union activists or volunteers (积极分子/志愿者), per organisation. */
import { Card, Empty, Table, Tag, Typography } from 'antd'
import { api } from '../api'
import { STATUS, label, useLocale, useW } from '../i18n'
import { useLoad } from '../use-load'

interface Group {
  org_id: string
  org_name: string | null
  volunteers: Array<{ application_id: string; status: string; name: string; mobile: string; county: string; roles: string[]; since: string }>
}

export function VolunteersPage() {
  const w = useW()
  const [locale, t] = useLocale()
  const list = useLoad(() => api<{ data: Group[]; total: number }>('/v1/review/volunteers'), [])
  return (
    <>
      <Typography.Title level={3}>{t.volunteers}</Typography.Title>
      <Typography.Paragraph type="secondary">{locale === 'en' ? `${list.data?.total ?? 0} drivers. Activists and volunteers among truck drivers take part in the union's work.` : `共 ${list.data?.total ?? 0} 人。培养货车司机中的积极分子和志愿者，参与工会工作。`}</Typography.Paragraph>
      {list.data && list.data.data.length === 0 && <Empty />}
      {list.data?.data.map((g) => (
        <Card key={g.org_id} title={`${g.org_name ?? g.org_id}（${g.volunteers.length}${locale === 'en' ? '' : ' 人'}）`} style={{ marginBottom: 16 }} size="small">
          <Table
            rowKey="application_id"
            size="small"
            pagination={false}
            dataSource={g.volunteers}
            columns={[
              { title: w('姓名'), dataIndex: 'name' },
              { title: w('手机号码'), dataIndex: 'mobile' },
              { title: w('常驻地'), dataIndex: 'county' },
              { title: w('意愿'), dataIndex: 'roles', render: (r: string[]) => r.map((x) => <Tag key={x}>{x === 'activist' ? w('积极分子') : w('志愿者')}</Tag>) },
              { title: w('入会状态'), dataIndex: 'status', render: (s: string) => label(STATUS, s, locale) },
              { title: w('时间'), dataIndex: 'since', render: (v: string) => v.slice(0, 10) },
            ]}
          />
        </Card>
      ))}
    </>
  )
}
