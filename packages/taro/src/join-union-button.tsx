/**
 * `<JoinUnionButton>`: the "加入工会" button. With a session (or `createSession` to mint one on
 * tap) it opens the flow over the host page; with `onOpen` the host opens it itself, e.g. on
 * a page in a subpackage.
 */
import { useState } from 'react'
import { Button, View } from '@tarojs/components'
import { JoinUnionFlow, type JoinUnionFlowProps } from './join-or-member-centre'
import { buttonState } from './button-state'
import { resolveLabels } from './labels'

export interface JoinUnionButtonProps extends Omit<JoinUnionFlowProps, 'sessionId' | 'joinToken' | 'onClose'> {
  sessionId?: string
  joinToken?: string
  /** Ask the host's backend for a join session when the driver taps (the token is short-lived). */
  createSession?(): Promise<{ sessionId: string; joinToken: string }>
  /** Open the flow yourself instead (e.g. navigate to a page that renders <JoinUnionFlow>). */
  onOpen?(): void
  /** The overlay closed (after the flow ended, or the driver closed it). */
  onClose?(): void
  buttonClassName?: string
}

export function JoinUnionButton(props: JoinUnionButtonProps) {
  const labels = resolveLabels(props.locale, props.labels)
  const [session, setSession] = useState<{ sessionId: string; joinToken: string } | null>(null)
  const [opening, setOpening] = useState(false)

  const open = async () => {
    if (opening || session) return // a double tap opens one flow
    if (props.onOpen) return props.onOpen()
    if (props.sessionId && props.joinToken) return setSession({ sessionId: props.sessionId, joinToken: props.joinToken })
    if (!props.createSession) return
    setOpening(true)
    try {
      setSession(await props.createSession())
    } catch {
      // the host's backend said no: the host shows its own message through its createSession
    } finally {
      setOpening(false)
    }
  }
  const close = () => {
    setSession(null)
    props.onClose?.()
  }

  return (
    <>
      <Button className={`ruhui-join-button ${props.buttonClassName ?? ''}`.trim()} {...buttonState(opening, opening)} onClick={() => void open()}>
        {labels.button}
      </Button>
      {session && (
        <View className="ruhui-overlay">
          <JoinUnionFlow {...props} sessionId={session.sessionId} joinToken={session.joinToken} onClose={close} />
        </View>
      )}
    </>
  )
}
