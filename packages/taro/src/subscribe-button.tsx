/**
 * "接收审核结果通知": after submitting, the driver may subscribe to the union's decision through the
 * host's capability (WeChat's requestSubscribeMessage, which needs a tap). Without the capability
 * nothing is shown; the registry's events and SMS still reach the driver.
 */
import { useState } from 'react'
import { Button, Text } from '@tarojs/components'
import { buttonState } from './button-state'

export interface SubscribeButtonProps {
  request: (() => Promise<{ accepted: boolean }>) | undefined
  labels: { subscribe: string; subscribed: string }
}

export function SubscribeButton({ request, labels }: SubscribeButtonProps) {
  const [state, setState] = useState<'idle' | 'asking' | 'accepted'>('idle')
  if (!request) return null
  if (state === 'accepted') return <Text className="ruhui-ok ruhui-subscribed">{labels.subscribed}</Text>
  const ask = () => {
    setState('asking')
    request().then(
      (r) => setState(r.accepted ? 'accepted' : 'idle'),
      () => setState('idle'),
    )
  }
  return (
    <Button className="ruhui-btn ruhui-btn--secondary ruhui-subscribe" {...buttonState(state === 'asking', state === 'asking')} onClick={ask}>
      {labels.subscribe}
    </Button>
  )
}
