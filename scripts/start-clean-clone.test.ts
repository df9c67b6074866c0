// The README's start command, run exactly as written in a clean clone of this repository: it
// installs what it needs, builds, comes up (registry /health answers, the console and the driver
// app are served), and a Ctrl-C (SIGINT to the process group, as a terminal sends it) stops every
// process it started.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const workDir = mkdtempSync(join(tmpdir(), 'ruhui-clean-clone-'))
let child: ChildProcess | undefined

/** The README's start command: the line of its first code block that runs `npm start`. */
export function readmeStartCommand(readme: string): string {
  const block = /```bash\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
  const line = block.split('\n').find((l) => /\bnpm start\b/.test(l))
  if (!line) throw new Error('the README has no start command in its first bash block')
  return line.replace(/\s+#.*$/, '').trim()
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

afterAll(async () => {
  if (child?.pid && alive(child.pid)) process.kill(-child.pid, 'SIGKILL')
  await rm(workDir, { recursive: true, force: true }) // a clone with node_modules: seconds
}, 120_000)

it('the README start command works from a clean clone and stops cleanly', async () => {
  const command = readmeStartCommand(readFileSync(join(root, 'README.md'), 'utf8'))
  expect(command).toBe('npm ci && npm start')
  const clone = join(workDir, 'ruhui')
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', root, clone])
  child = spawn('bash', ['-c', command], { cwd: clone, detached: true, env: { ...process.env, PORT: '0', PLATFORM_PORT: '0', npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  const banner = await new Promise<string>((resolve, reject) => {
    child?.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      if (out.includes('Ctrl-C stops')) resolve(out)
    })
    child?.stderr?.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-200_000)))
    child?.on('exit', (code) => reject(new Error(`the start command exited (${code}) before coming up:\n${out.slice(-4000)}`)))
  })
  const base = /registry:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] as string
  expect(await (await fetch(`${base}/health`)).json()).toMatchObject({ status: 'ok', storage: 'sqlite' })
  expect((await fetch(`${base}/console/`)).status).toBe(200)
  expect(await (await fetch(`${base}/`)).text()).toContain('<div id="app">')

  // Ctrl-C: SIGINT to the whole process group.
  const pgid = child.pid as number
  const exited = new Promise<number | string | null>((resolve) => child?.on('exit', (code, signal) => resolve(code ?? signal)))
  process.kill(-pgid, 'SIGINT')
  const code = await exited
  // Every process of the group is gone within a few seconds, and the port is closed.
  const deadline = Date.now() + 15_000
  const groupAlive = () => {
    try {
      process.kill(-pgid, 0)
      return true
    } catch {
      return false
    }
  }
  while (groupAlive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
  const left = groupAlive() ? spawnSync('ps', ['-o', 'pid,etime,args', '-g', String(pgid)], { encoding: 'utf8' }).stdout : ''
  expect(left, 'processes still running after Ctrl-C').toBe('')
  await expect(fetch(`${base}/health`)).rejects.toThrow()
  // The shell that ran the command ends by the Ctrl-C itself (or npm reports 130); the demo exits 0.
  expect([0, 130, 'SIGINT']).toContain(code)
  expect(out).not.toMatch(/exited \(\d+\); stopping the demo/)
}, 900_000)
