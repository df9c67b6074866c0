/** Drivers who offered to be union activists or volunteers (积极分子/志愿者), per organisation. */
import { Card, Empty, Table, Tag, Typography } from 'antd'
import type { ApplicationStatus, VolunteerRole } from '@ruhui/core'
import { api } from '../api'
import { useI18n } from '../i18n'
import { useLoad } from '../use-load'
import { usePlaceWords } from '../place-words'

interface Group {
  org_id: string
  org_name: string | null
  volunteers: Array<{ application_id: string; status: ApplicationStatus; name: string; mobile: string; county: string; roles: VolunteerRole[]; since: string }>
}

export function VolunteersPage() {
  const { t, label } = useI18n()
  const placeWords = usePlaceWords()
  const list = useLoad(() => api<{ data: Group[]; total: number }>('/v1/review/volunteers'), [])
  return (
    <>
      <Typography.Title level={3}>{t.volunteers}</Typography.Title>
      <Typography.Paragraph type="secondary">{t.volunteersLead(list.data?.total ?? 0)}</Typography.Paragraph>
      {list.data && list.data.data.length === 0 && <Empty />}
      {list.data?.data.map((g) => (
        <Card key={g.org_id} title={t.volunteersOf(g.org_name ?? g.org_id, g.volunteers.length)} style={{ marginBottom: 16 }} size="small">
          <Table
            rowKey="application_id"
            size="small"
            pagination={false}
            dataSource={g.volunteers}
            columns={[
              { title: t.personName, dataIndex: 'name' },
              { title: t.mobile, dataIndex: 'mobile' },
              { title: t.region, dataIndex: 'county', render: (c: string) => placeWords(c) },
              { title: t.offered, dataIndex: 'roles', render: (r: VolunteerRole[]) => r.map((x) => <Tag key={x}>{label('volunteerRole', x)}</Tag>) },
              { title: t.applicationStatus, dataIndex: 'status', render: (s: ApplicationStatus) => label('applicationStatus', s) },
              { title: t.since, dataIndex: 'since', render: (v: string) => v.slice(0, 10) },
            ]}
          />
        </Card>
      ))}
    </>
  )
}
