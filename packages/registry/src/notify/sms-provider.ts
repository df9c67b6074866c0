/**
 * The generic HTTP SMS provider adapter: one POST of JSON `{ to, template, params }` with
 * `Authorization: Bearer RUHUI_SMS_TOKEN` and an `Idempotency-Key` (the message's id, the same on
 * every try, so a provider that saw a try whose answer was lost can tell). Most SMS services
 * (阿里云短信, 腾讯云短信 …) sit behind a small gateway of the operator's that speaks this.
 */
import type { SmsConfig } from './sms-config'
import type { SmsParams, SmsTemplate } from './sms-templates'

export interface SmsMessage {
  id: string
  to: string
  template: SmsTemplate
  params: SmsParams
}

export type SmsOutcome = { sent: true; status: number } | { sent: false; retry: boolean; status: number | null; error: string | null }

export async function postSms(fetchImpl: typeof fetch, config: SmsConfig, message: SmsMessage): Promise<SmsOutcome> {
  try {
    const res = await fetchImpl(config.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': message.id, 'user-agent': 'ruhui-registry', ...(config.token ? { authorization: `Bearer ${config.token}` } : {}) },
      body: JSON.stringify({ to: message.to, template: message.template, params: message.params }),
      redirect: 'manual',
      signal: AbortSignal.timeout(config.timeoutMs),
    })
    await res.arrayBuffer().catch(() => undefined)
    if (res.status >= 200 && res.status < 300) return { sent: true, status: res.status }
    // The provider's own trouble or a limit is worth another try; any other refusal would be refused again.
    return { sent: false, retry: res.status === 408 || res.status === 429 || res.status >= 500, status: res.status, error: null }
  } catch (e) {
    return { sent: false, retry: true, status: null, error: String((e as Error)?.name ?? e) }
  }
}
