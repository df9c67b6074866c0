/**
 * `<JoinUnionLink>`: the same "加入工会" button without the flow's code, for a host that keeps
 * the flow on a page of its own (a subpackage, so the main package stays small).
 */
import { Button } from '@tarojs/components'
import { navigateTo } from '@tarojs/taro'

export interface JoinUnionLinkProps {
  /** The host page that renders <JoinUnionFlow>, e.g. '/join/pages/flow/index'. */
  url: string
  label?: string
  locale?: 'zh-CN' | 'en'
  className?: string
}

export function JoinUnionLink({ url, label, locale, className }: JoinUnionLinkProps) {
  const text = label ?? (locale === 'en' ? 'Join the union' : '加入工会')
  return (
    <Button className={`ruhui-join-button ${className ?? ''}`.trim()} onClick={() => void navigateTo({ url })}>
      {text}
    </Button>
  )
}
