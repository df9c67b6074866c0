// The start command's service over real HTTP: a child process on a free port, as `npm start` runs it.
import { type ChildProcess, spawn } from 'node:child_process'
import { afterAll, beforeAll, expect, it } from 'vitest'

let child: ChildProcess
let base = ''

beforeAll(async () => {
  child = spawn(process.execPath, ['server.mjs'], { cwd: new URL('..', import.meta.url), env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] })
  base = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /http:\/\/(127\.0\.0\.1:\d+)\/health/.exec(out)
      if (m) resolve(`http://${m[1]}`)
    })
    child.on('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)))
  })
})

afterAll(() => {
  child?.kill('SIGTERM')
})

const post = (body: unknown) => fetch(`${base}/v1/identity/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) })

it('answers /health and serves the page', async () => {
  expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok', service: 'ruhui-identity-demo' })
  const page = await (await fetch(`${base}/`)).text()
  expect(page).toContain('货车司机入会信息校验')
})

it('checks a profile, with words under each field, never echoing the number', async () => {
  const res = await post({ profile: { name: '张三', idNumber: '320102198503151231', mobile: '13812345678', employmentForm: 'employee' } })
  expect(res.status).toBe(200)
  const body = (await res.json()) as any
  expect(body.ok).toBe(false)
  expect(body.issues).toEqual([{ code: 'invalid_checksum', path: ['idNumber'], message: '身份证件号码校验位不正确，请逐位核对' }])
  expect(JSON.stringify(body)).not.toContain('320102198503151231')

  const good = (await (await post({ profile: { name: '张三', idNumber: '32081119780701135X', mobile: '13812345678', employmentForm: 'employee' }, locale: 'en' })).json()) as any
  expect(good.ok).toBe(true)
  expect(good.derived).toMatchObject({ birth_date: '1978-07-01', sex: 'male', issued_in: '江苏省 淮安市 清浦区（已撤销）' })
})

it('bad requests get the error shape and a 4xx, never a 500', async () => {
  for (const [body, status, code] of [
    ['{not json', 400, 'invalid_json'],
    [{ nope: 1 }, 400, 'parameter_missing'],
    ['null', 400, 'parameter_missing'],
    [{ profile: 'x'.repeat(70_000) }, 413, 'body_too_large'],
  ] as const) {
    const res = await post(body)
    expect(res.status).toBe(status)
    const json = (await res.json()) as any
    expect(json.error).toMatchObject({ code, type: 'invalid_request_error' })
    expect(json.error.request_id).toMatch(/^req_[0-9a-f]{16}$/)
    expect(json.error.message).toMatch(/[\u4e00-\u9fff]/)
  }
  expect((await fetch(`${base}/v1/identity/check`)).status).toBe(405)
  expect((await fetch(`${base}/nowhere`)).status).toBe(404)
})

it('shuts down cleanly on SIGTERM', async () => {
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  child.kill('SIGTERM')
  expect(await exited).toBe(0)
})
