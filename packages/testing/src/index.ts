/**
 * `@ruhui/testing`: an msw sandbox of the ruhui registry for your tests, with magic test
 * identities and failure scenarios. See README.md.
 */
export { createRegistrySandbox, SANDBOX_BASE_URL, TEST_SECRET_KEY, TEST_PLATFORM_ID } from './sandbox'
export { createSandboxTransport } from './sandbox-transport'
export type { RegistrySandbox, SandboxOptions } from './sandbox'
export { testIdentities, makeTestIdNumber, testConsents, testCharter, MAGIC_SEQUENCES } from './fixtures'
export type { TestIdentity } from './fixtures'
export { SANDBOX_ORGS, SANDBOX_PARKS, SANDBOX_PLATFORM_USCC, SANDBOX_EXISTING_MEMBER_ORG } from './sandbox-directory'
export { SANDBOX_SERVICES } from './resources/member-services'
export type { SandboxState, SandboxPlatform } from './state'
