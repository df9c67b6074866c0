// `start-demo.mjs` (what `npm start` runs after the build) as a child process on free ports:
// resolves with its printed banner once everything is up.
import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'

export interface DemoProcess {
  child: ChildProcess
  banner: string
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>
}

export function startDemo(dataDir: string): Promise<DemoProcess> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'start-demo.mjs')], { env: { ...process.env, RUHUI_DATA_DIR: dataDir, PORT: '0', PLATFORM_PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] })
  const stop = () =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve(child.exitCode)
      : new Promise<number | null>((resolve) => {
          child.once('exit', (code) => resolve(code))
          child.kill('SIGTERM')
        })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      if (out.includes('Ctrl-C')) resolve({ child, banner: out, stop })
    })
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()))
    child.on('exit', (code) => reject(new Error(`the demo exited (${code}): ${out}`)))
  })
}
