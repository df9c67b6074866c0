/** Sign-in, then the console: a menu of the pages, the reviewer and their organisation in the header. */
import { Button, Card, Form, Input, Layout, Menu, Segmented, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { Locale } from '@ruhui/core'
import { type Me, api, session } from './api'
import { setLocale, useI18n } from './i18n'
import { QueuePage } from './pages/queue'
import { lazyPage } from './lazy-page'

// The queue loads with the console; the other pages (and ECharts with the dashboard) on first use.
const DashboardPage = lazyPage(() => import('./pages/dashboard').then((m) => m.DashboardPage))
const ReportPage = lazyPage(() => import('./pages/report').then((m) => m.ReportPage))
const DirectoryPage = lazyPage(() => import('./pages/directory').then((m) => m.DirectoryPage))
const MembersPage = lazyPage(() => import('./pages/members').then((m) => m.MembersPage))
const PlatformsPage = lazyPage(() => import('./pages/platforms').then((m) => m.PlatformsPage))
const ServicesPage = lazyPage(() => import('./pages/services').then((m) => m.ServicesPage))
const TransfersPage = lazyPage(() => import('./pages/transfers').then((m) => m.TransfersPage))
const VolunteersPage = lazyPage(() => import('./pages/volunteers').then((m) => m.VolunteersPage))
const AuditPage = lazyPage(() => import('./pages/audit').then((m) => m.AuditPage))
const MatchingPage = lazyPage(() => import('./pages/matching').then((m) => m.MatchingPage))
import { go, useRoute } from './route'

export function Shell() {
  const [me, setMe] = useState<Me | null | undefined>(undefined)
  useEffect(() => {
    const out = () => (session.clear(), setMe(null))
    window.addEventListener('ruhui:signed-out', out)
    if (session.get()) api<Me>('/v1/review/me').then(setMe, out)
    else setMe(null)
    return () => window.removeEventListener('ruhui:signed-out', out)
  }, [])
  if (me === undefined) return null
  if (me === null) return <SignIn onSignedIn={setMe} />
  return <Console me={me} onSignOut={() => void api('/v1/review/sign-out', { body: {} }).finally(() => (session.clear(), setMe(null)))} />
}

function SignIn({ onSignedIn }: { onSignedIn(me: Me): void }) {
  const { t } = useI18n()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (v: { login: string; password: string }) => {
    setBusy(true)
    setError(null)
    try {
      const r = await api<{ token: string; reviewer: Me }>('/v1/review/sign-in', { body: v })
      session.set(r.token)
      onSignedIn(r.reviewer)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card title={t.title} style={{ width: 380 }} extra={<LocaleSwitch />}>
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t.login} name="login" rules={[{ required: true, message: t.loginRequired }]}>
            <Input autoComplete="username" id="login" />
          </Form.Item>
          <Form.Item label={t.password} name="password" rules={[{ required: true, message: t.passwordRequired }]} {...(error ? { validateStatus: 'error' as const, help: error } : {})}>
            <Input.Password autoComplete="current-password" id="password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t.signIn}
          </Button>
        </Form>
      </Card>
    </div>
  )
}

// Each language is named in itself, whatever the console's locale.
const LOCALE_NAMES: Array<{ label: string; value: Locale }> = [
  { label: '中文', value: 'zh-CN' },
  { label: 'EN', value: 'en' },
]

function LocaleSwitch() {
  const { locale } = useI18n()
  return <Segmented size="small" value={locale} onChange={(v) => setLocale(v as Locale)} options={LOCALE_NAMES} />
}

function Console({ me, onSignOut }: { me: Me; onSignOut(): void }) {
  const { t } = useI18n()
  const route = useRoute()
  const pages: Array<[string, string]> = [
    ['queue', t.queue],
    ['transfers', t.transfers],
    ['members', t.members],
    ['dashboard', t.dashboard],
    ['report', t.report],
    ['directory', t.directory],
    ['services', t.services],
    ['volunteers', t.volunteers],
    ...(me.registry_admin ? ([['platforms', t.platforms]] as Array<[string, string]>) : []),
    ...(me.role === 'admin' ? ([['audit', t.audit], ['matching', t.matching]] as Array<[string, string]>) : []),
  ]
  // The printable report has no chrome.
  if (route.page === 'report' && route.params.get('print') === '1') return <ReportPage me={me} />
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0}>
        <div style={{ padding: '16px 16px 8px', fontWeight: 600, color: '#c8161d' }}>{t.title}</div>
        <Menu mode="inline" selectedKeys={[route.page]} items={pages.map(([key, label]) => ({ key, label }))} onClick={(e) => go(e.key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', paddingInline: 24 }}>
          <Space>
            <Typography.Text data-testid="who">
              {me.name} · {me.org_name}
            </Typography.Text>
            <LocaleSwitch />
            <Button onClick={onSignOut}>{t.signOut}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Page page={route.page} me={me} params={route.params} />
        </Layout.Content>
      </Layout>
    </Layout>
  )
}

function Page({ page, me, params }: { page: string; me: Me; params: URLSearchParams }) {
  switch (page) {
    case 'transfers':
      return <TransfersPage />
    case 'members':
      return <MembersPage />
    case 'dashboard':
      return <DashboardPage me={me} />
    case 'report':
      return <ReportPage me={me} />
    case 'directory':
      return <DirectoryPage />
    case 'services':
      return <ServicesPage />
    case 'volunteers':
      return <VolunteersPage />
    case 'platforms':
      return <PlatformsPage />
    case 'audit':
      return <AuditPage />
    case 'matching':
      return <MatchingPage />
    default:
      return <QueuePage params={params} />
  }
}
