import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { type JoinTokenClient, type Platform, type SecretKeyClient, createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { createRegistrySandbox, TEST_SECRET_KEY } from '@ruhui/testing'

/** A platform whose sleeps return at once and are recorded, with fixed randomness. */
export function fakePlatform() {
  const sleeps: number[] = []
  let n = 0
  const platform: Platform = {
    now: () => Date.now(),
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    randomBytes: (len) => Uint8Array.from({ length: len }, () => (n = (n * 31 + 7) % 251)),
  }
  return { platform, sleeps }
}

/** A sandbox behind msw for one test file; unknown requests fail the test. */
export function useSandbox() {
  const sandbox = createRegistrySandbox()
  const server = setupServer(...sandbox.handlers)
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    server.resetHandlers()
    sandbox.reset()
  })
  afterAll(() => server.close())
  const fake = fakePlatform()
  const backend = (extra: Partial<Parameters<typeof createRegistryClient>[0]> = {}): SecretKeyClient =>
    createRegistryClient({ baseUrl: sandbox.baseUrl, secretKey: TEST_SECRET_KEY, transport: createFetchTransport(), platform: fake.platform, ...(extra as object) })
  const driver = (joinToken: string, extra: Partial<Parameters<typeof createRegistryClient>[0]> = {}): JoinTokenClient =>
    createRegistryClient({ baseUrl: sandbox.baseUrl, joinToken, transport: createFetchTransport(), platform: fake.platform, ...(extra as object) })
  return { sandbox, server, backend, driver, sleeps: fake.sleeps }
}
