// The join flow's page, in the `join` subpackage: asks the platform's backend for a join
// session, then renders <JoinUnionFlow>. One component, one token, one result callback.
import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { navigateBack, showToast } from '@tarojs/taro'
import { JoinUnionFlow } from '@ruhui/taro'
import { prefillFromSession } from '@ruhui/core/flow'
import { type JoinSessionGrant, createJoinSession, faceCheck, phoneFromCode, refreshJoinToken, registryUrl } from '../../../demo-platform'

export default function JoinFlowPage() {
  const [grant, setGrant] = useState<JoinSessionGrant | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const load = () => {
    setProblem(null)
    createJoinSession().then(setGrant, (e: Error) => setProblem(e.message))
  }
  useEffect(load, [])

  if (problem)
    return (
      <View className="demo-page">
        <Text className="demo-text">{problem}</Text>
        <Button onClick={load}>重试</Button>
      </View>
    )
  if (!grant)
    return (
      <View className="demo-page">
        <Text className="demo-text">正在打开入会页面…</Text>
      </View>
    )
  return (
    <JoinUnionFlow
      registryUrl={registryUrl()}
      sessionId={grant.sessionId}
      joinToken={grant.joinToken}
      prefill={prefillFromSession(grant.prefill)}
      onTokenExpired={() => refreshJoinToken(grant.sessionId)}
      capabilities={{ verifyFace: faceCheck, exchangePhoneCode: phoneFromCode }}
      onSuccess={() => void showToast({ title: '申请已提交', icon: 'success' })}
      onExit={({ reason }) => {
        if (reason === 'user_exit' || reason === 'consent_denied') void navigateBack().catch(() => undefined)
      }}
      onClose={() => void navigateBack().catch(() => undefined)}
    />
  )
}
