/**
 * The page's side of `ruhui-bridge/1`: tell the host, ask the host (a promise per request, settled by
 * the host's `answer` or `error` through `receive`), and end (success / exit) — by redirecting to the
 * return URL when there is no channel.
 */
import type { Channel } from './channel'
import { type Answers, BRIDGE_PROTOCOL, type BridgeEvent, type RequestType, fitsRequest, parseHostMessage, returnTarget } from './protocol'

export class BridgeError extends Error {
  override name = 'BridgeError'
}

export interface Bridge {
  readonly channel: Channel
  ready(): void
  event(event: BridgeEvent): void
  request<T extends RequestType>(type: T): Promise<Answers[T]>
  success(result: { applicationId: string | null; transferId: string | null; status: string }): void
  exit(reason: string): void
  /** A host's message (object or JSON text): `window.ruhui.receive`, or a `message` event from the parent. */
  receive(input: unknown): boolean
}

export interface BridgeOptions {
  sessionId: string
  channel: Channel
  /** The session's registered return URL (from the registry), read when the page ends with no channel. */
  returnUrl: () => string | null
  /** Navigate away (location.replace). */
  navigate: (url: string) => void
  /** How long a request waits for the host. @default 60000 */
  timeoutMs?: number
  newId?: () => string
}

export function createBridge(o: BridgeOptions): Bridge {
  const pending = new Map<string, { type: RequestType; resolve(v: unknown): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> }>()
  let seq = 0
  let ended = false
  const newId = o.newId ?? (() => `req_${Date.now().toString(36)}_${++seq}`)
  const base = { protocol: BRIDGE_PROTOCOL, session_id: o.sessionId } as const
  const end = (status: 'success' | 'exit', reason: string | undefined, applicationId: string | null) => {
    if (ended) return
    ended = true
    o.channel.finish?.()
    if (o.channel.kind !== 'none') return
    const to = o.returnUrl()
    if (to) o.navigate(returnTarget(to, { status, sessionId: o.sessionId, ...(reason ? { reason } : {}), applicationId }))
  }
  return {
    channel: o.channel,
    ready: () => o.channel.send({ ...base, type: 'ready' }),
    event: (event) => o.channel.send({ ...base, type: 'event', event }),
    request<T extends RequestType>(type: T): Promise<Answers[T]> {
      if (!o.channel.answers) return Promise.reject(new BridgeError(`no host to answer ${type} (channel: ${o.channel.kind})`))
      const id = newId()
      return new Promise<Answers[T]>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id)
          reject(new BridgeError(`the host did not answer ${type} in time`))
        }, o.timeoutMs ?? 60_000)
        pending.set(id, { type, resolve: resolve as (v: unknown) => void, reject, timer })
        o.channel.send({ ...base, type, id })
      })
    },
    success(r) {
      o.channel.send({ ...base, type: 'success', application_id: r.applicationId, transfer_id: r.transferId, status: r.status })
      end('success', undefined, r.applicationId)
    },
    exit(reason) {
      o.channel.send({ ...base, type: 'exit', reason })
      end('exit', reason, null)
    },
    receive(input) {
      const m = parseHostMessage(input)
      const waiting = m && pending.get(m.id)
      if (!m || !waiting) return false
      pending.delete(m.id)
      clearTimeout(waiting.timer)
      if (m.type === 'error') waiting.reject(new BridgeError(m.message ?? `the host declined ${waiting.type}`))
      else if (!fitsRequest(waiting.type, m.result)) waiting.reject(new BridgeError(`the host's answer to ${waiting.type} is not one`))
      else waiting.resolve(m.result)
      return true
    },
  }
}
