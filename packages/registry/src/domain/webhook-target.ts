/**
 * Where the registry may send a platform's events (issue #19, finding 5): an http(s) address on
 * the public internet. Loopback, link-local (cloud metadata at 169.254.169.254 among them),
 * private, shared (CGNAT) and reserved addresses are refused when a webhook is registered and
 * again at every delivery (the name may resolve elsewhere by then), unless the registry runs with
 * RUHUI_ALLOW_PRIVATE_WEBHOOKS=1 (the demo and the tests, whose platforms run on 127.0.0.1).
 * Redirects are never followed: a 3xx answer is a failed delivery.
 * Known limit: the address is checked by resolving the name just before the request, which then
 * resolves it again; a name that changes its answer within that moment is not caught.
 */
import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

const blocked = new BlockList()
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, bits, 'ipv4')
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32], ['100::', 64]] as const) blocked.addSubnet(net, bits, 'ipv6')

/** Whether an IP address is not on the public internet (IPv4-mapped IPv6 counts as its IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return blocked.check(mapped[1] as string, 'ipv4')
  const family = isIP(address)
  if (family === 0) return true
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

export function allowPrivateWebhooks(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.RUHUI_ALLOW_PRIVATE_WEBHOOKS === '1'
}

/** Why a webhook address is refused (in Chinese), or null. Resolves the name unless private addresses are allowed. */
export async function checkWebhookTarget(url: unknown, allowPrivate = allowPrivateWebhooks()): Promise<string | null> {
  if (typeof url !== 'string' || url.length > 500 || !/^https?:\/\/\S+$/.test(url)) return '事件推送地址应为 http(s) 网址（500 字以内）'
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return '事件推送地址不是有效的网址'
  }
  if (parsed.username || parsed.password) return '事件推送地址不能包含用户名或密码'
  if (allowPrivate) return null
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return `事件推送地址 ${host} 是本机或内网地址`
  if (isIP(host)) return isPrivateAddress(host) ? `事件推送地址 ${host} 是本机、内网或保留地址` : null
  let addresses: Array<{ address: string }>
  try {
    addresses = await lookup(host, { all: true, verbatim: true })
  } catch {
    return `无法解析事件推送地址的域名 ${host}`
  }
  const inside = addresses.find((a) => isPrivateAddress(a.address))
  return inside ? `事件推送地址 ${host} 解析到本机、内网或保留地址（${inside.address}）` : null
}

/** Refused before sending: the address is not (or no longer) a public one. */
export class WebhookTargetRefused extends Error {
  override name = 'webhook_target_refused'
}

/** POST an event: the target checked first, redirects not followed (a 3xx comes back as the answer). */
export async function postWebhook(fetchImpl: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  const refused = await checkWebhookTarget(url)
  if (refused) throw new WebhookTargetRefused(refused)
  return fetchImpl(url, { ...init, redirect: 'manual' })
}
