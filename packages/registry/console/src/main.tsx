import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { createRoot } from 'react-dom/client'
import { useI18n } from './i18n'
import { Shell } from './shell'

const ANTD_LOCALES = { 'zh-CN': zhCN, en: enUS }

function Root() {
  const { locale } = useI18n()
  return (
    <ConfigProvider locale={ANTD_LOCALES[locale]} theme={{ token: { colorPrimary: '#c8161d', fontSize: 15 } }}>
      <AntApp>
        <Shell />
      </AntApp>
    </ConfigProvider>
  )
}

createRoot(document.getElementById('root') as HTMLElement).render(<Root />)
