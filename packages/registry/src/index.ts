/** `@ruhui/registry`: the union-side service. Run it with the `ruhui-registry` CLI, or embed it. */
export { createRegistry } from './registry'
export type { Registry } from './registry'
export { configFrom } from './config'
export type { RegistryConfig } from './config'
export { main as cli, run } from './cli'
export { verifyCard } from './crypto/member-card'
export type { CardClaims } from './crypto/member-card'
export { generateKeyEnv } from './crypto/keys'
