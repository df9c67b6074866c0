// Stopping: SIGINT/SIGTERM stop the registry promptly even with keep-alive connections open —
// a request that is running when the signal comes still gets its answer, a connection that turns
// idle afterwards is not kept for the 65 s keep-alive, and a client that never finishes its request
// is cut after the grace period.
import { type Socket, connect } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import { type RegistryInstance, startRegistry } from './registry-process'

let r: RegistryInstance | undefined
afterEach(async () => {
  await r?.stop('SIGKILL')
  r?.cleanup()
})

const port = (base: string) => Number(new URL(base).port)
const open = (base: string) =>
  new Promise<Socket>((resolve, reject) => {
    const s = connect(port(base), '127.0.0.1', () => resolve(s))
    s.on('error', reject)
  })
const exitOf = (inst: RegistryInstance) => new Promise<number | string | null>((resolve) => inst.child.once('exit', (code, signal) => resolve(code ?? signal)))
/** The listening socket is closed once the stop has begun. */
async function untilRefused(base: string) {
  for (;;) {
    const refused = await open(base).then(
      (s) => (s.destroy(), false),
      () => true,
    )
    if (refused) return
    await new Promise((res) => setTimeout(res, 20))
  }
}

it('answers the request in flight, then exits without waiting for keep-alive connections', async () => {
  r = await startRegistry({ dialect: 'sqlite' })
  // One connection idle after a finished request, one in the middle of its request headers.
  const idle = await open(r.baseUrl)
  idle.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n')
  await new Promise((res) => idle.once('data', res))
  const busy = await open(r.baseUrl)
  let answer = ''
  busy.on('data', (c) => (answer += c.toString()))
  busy.write('GET /health HTTP/1.1\r\nHost: x\r\n')
  await new Promise((res) => setTimeout(res, 100))

  const exited = exitOf(r)
  const t0 = Date.now()
  r.child.kill('SIGINT')
  await untilRefused(r.baseUrl)
  busy.write('\r\n') // the request completes after the stop began: it is answered, and its connection is then idle
  const code = await exited
  expect(code).toBe(0)
  expect(Date.now() - t0).toBeLessThan(3000) // not the 65 s keep-alive, nor the 5 s grace
  expect(answer).toMatch(/^HTTP\/1\.1 200/)
  expect(answer).toContain('"status":"ok"')
  idle.destroy()
  busy.destroy()
})

it('cuts a client that never finishes its request after the grace period; a second signal changes nothing', async () => {
  r = await startRegistry({ dialect: 'sqlite' }, { RUHUI_SHUTDOWN_GRACE_MS: '600' })
  const stuck = await open(r.baseUrl)
  stuck.write('GET /health HTTP/1.1\r\nHost: x\r\n') // and the headers never end
  const closed = new Promise((res) => stuck.once('close', res))
  await new Promise((res) => setTimeout(res, 100))
  const exited = exitOf(r)
  const t0 = Date.now()
  r.child.kill('SIGINT')
  r.child.kill('SIGTERM')
  expect(await exited).toBe(0)
  const took = Date.now() - t0
  expect(took).toBeGreaterThanOrEqual(500)
  expect(took).toBeLessThan(3000)
  await closed
})
