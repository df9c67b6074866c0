// npm start: the registry on embedded SQLite with the SAMPLE pilot directory, a demo platform
// and a demo reviewer, on 127.0.0.1. Prints the addresses and the demo credentials.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const BIN = new URL('../packages/registry/bin/ruhui-registry.mjs', import.meta.url).pathname
const dataDir = resolve(process.env.RUHUI_DATA_DIR ?? 'data')
const port = process.env.PORT ?? '8787'
mkdirSync(dataDir, { recursive: true })

const cli = (args) => {
  const r = spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`ruhui-registry ${args.join(' ')}: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop())
}

const credentialsFile = join(dataDir, 'demo-credentials.json')
if (!existsSync(credentialsFile)) {
  cli(['seed'])
  const platform = cli(['platform', 'create', '--name', '示例货运平台甲（演示）', '--id', 'P-DEMO'])
  const reviewer = cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京市总工会审核员（演示）'])
  writeFileSync(credentialsFile, JSON.stringify({ platform, reviewer }, null, 2), { mode: 0o600 })
}
const { platform, reviewer } = JSON.parse(readFileSync(credentialsFile, 'utf8'))

const child = spawn(process.execPath, [BIN, 'start', '--port', port, '--data-dir', dataDir, '--seed-sample-if-empty'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' } })
let shown = false
child.stdout.on('data', (chunk) => {
  const text = chunk.toString()
  const m = /"msg":"listening","port":(\d+)/.exec(text)
  if (m && !shown) {
    shown = true
    const base = `http://127.0.0.1:${m[1]}`
    console.log(`
ruhui 工会登记系统已启动（示例数据）/ the ruhui registry is up (sample data)
  登记系统 registry:     ${base}    (健康检查 ${base}/health · 接口文档 ${base}/openapi.json)
  数据 data:             ${dataDir}  (SQLite; 示例组织目录 sample directory of Jiangsu and Anhui)
  演示平台 demo platform: ${platform.platform_id}  secret key ${platform.secret_key}
  演示审核员 demo reviewer (南京市总工会): key ${reviewer.key}
  试一试 try: curl -s -X POST ${base}/v1/join-sessions -H 'authorization: Bearer ${platform.secret_key}' -H 'content-type: application/json' -d '{"platform_user_id":"driver-1"}'
(司机端示例小程序和审核后台随后续 issue 加入 / the driver app and the review console arrive with later issues. Ctrl-C stops.)`)
  } else if (shown) process.stdout.write(text)
})
const stop = () => child.kill('SIGTERM')
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
child.on('exit', (code) => process.exit(code ?? 0))
