import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { createRoot } from 'react-dom/client'
import { useLocale } from './i18n'
import { Shell } from './shell'

function Root() {
  const [locale] = useLocale()
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#c8161d', fontSize: 15 } }}>
      <AntApp>
        <Shell />
      </AntApp>
    </ConfigProvider>
  )
}

createRoot(document.getElementById('root') as HTMLElement).render(<Root />)
