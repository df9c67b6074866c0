// npm start: the whole pilot on one machine, on 127.0.0.1 —
//   the registry on embedded SQLite with the SAMPLE pilot directory and services (PORT, default 8787),
//   the h5 build of the example driver app at /, the review console at /console,
//   the example platform backend with a demo key (PLATFORM_PORT, default 8788),
// and the demo sign-ins printed. Ctrl-C (or SIGTERM) stops everything.
import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const BIN = join(root, 'packages/registry/bin/ruhui-registry.mjs')
const dataDir = resolve(process.env.RUHUI_DATA_DIR ?? 'data')
const port = process.env.PORT ?? '8787'
const platformPort = process.env.PLATFORM_PORT ?? '8788'
const appDir = join(root, 'examples/driver-app/dist/h5')
for (const [what, file] of [['the driver app (h5)', join(appDir, 'index.html')], ['the review console', join(root, 'packages/registry/dist/console/index.html')]]) {
  if (!existsSync(file)) {
    console.error(`${what} is not built (${file}): run \`npm run build\` first (npm start does).`)
    process.exit(1)
  }
}
mkdirSync(dataDir, { recursive: true })
// The demo's platform backend listens on this machine: let the registry (and its CLI) send events there.
process.env.RUHUI_ALLOW_PRIVATE_WEBHOOKS ??= '1'

const cli = (args) => {
  const r = spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`ruhui-registry ${args.join(' ')}: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop())
}

// Demo credentials, made once per data directory (v2: console sign-ins and a second union; v3: the
// Nanjing admin is a registry admin, who may roll platform keys: packages/registry/README.md, roles).
const credentialsFile = join(dataDir, 'demo-credentials.json')
// The demo platform is the sample directory's 示例货运平台甲 (its credit code), so its drivers in Nanjing meet the
// freight federation built on it (DOMAIN.md §7.6 example A); the registry runs the 2021 pilot configuration.
const DEMO_PLATFORM_USCC = '91320100900000014Q'
const PILOT_CONFIG = fileURLToPath(new URL('../packages/registry/matching/pilot-2021.json', import.meta.url))
let demo = existsSync(credentialsFile) ? JSON.parse(readFileSync(credentialsFile, 'utf8')) : null
if (!demo || demo.version !== 3) {
  if (!demo) cli(['seed'])
  const suffix = demo ? `-${Date.now().toString(36)}` : ''
  const platform = demo?.platform ?? cli(['platform', 'create', '--name', '示例货运平台甲（演示）', '--id', 'P-DEMO', '--uscc', DEMO_PLATFORM_USCC])
  const reviewer = cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京市总工会审核员（演示）', '--login', `nanjing${suffix}`, '--role', 'registry_admin'])
  const other = cli(['reviewer', 'create', '--org', 'org_lf_3401', '--name', '合肥市总工会审核员（演示）', '--login', `hefei${suffix}`])
  demo = { version: 3, platform, reviewer, other }
  writeFileSync(credentialsFile, JSON.stringify(demo, null, 2), { mode: 0o600 })
}

const children = new Set()
let stopping = false
const stop = (code = 0) => {
  if (stopping) return
  stopping = true
  for (const c of children) c.kill('SIGTERM')
  let left = children.size
  if (left === 0) process.exit(code)
  for (const c of children) c.on('exit', () => --left === 0 && process.exit(code))
  // The registry lets running requests finish for 5 s; nothing is left behind after 8.
  setTimeout(() => {
    for (const c of children) c.kill('SIGKILL')
    process.exit(code)
  }, 8_000).unref()
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

/** Start a child; resolve with the first match of `ready` in its stdout. */
function start(name, args, env, ready) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } })
  children.add(child)
  child.on('exit', (code) => {
    children.delete(child)
    if (!stopping) {
      // A Ctrl-C reaches the children too; only a failure is worth a word.
      if (code !== 0) console.error(`${name} exited (${code}); stopping the demo.`)
      stop(code === 0 ? 0 : 1)
    }
  })
  return new Promise((resolveReady) => {
    let buf = ''
    const onData = (chunk) => {
      buf += chunk.toString()
      const m = ready.exec(buf)
      if (m) {
        child.stdout.off('data', onData)
        child.stdout.on('data', (c) => process.stdout.write(c))
        resolveReady(m[1])
      }
    }
    child.stdout.on('data', onData)
  })
}

const registryPort = await start('the registry', [BIN, 'start', '--port', port, '--data-dir', dataDir, '--seed-sample-if-empty', '--app-dir', appDir, '--matching-config', PILOT_CONFIG], { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }, /"msg":"listening","port":(\d+)/)
const base = `http://127.0.0.1:${registryPort}`
const platformUrl = await start(
  'the platform backend',
  [join(root, 'examples/platform-backend/server.mjs')],
  { PORT: platformPort, RUHUI_REGISTRY_URL: base, RUHUI_SECRET_KEY: demo.platform.secret_key, RUHUI_WEBHOOK_SECRET: demo.platform.webhook_secret, CORS_ORIGINS: base },
  /on (http:\/\/127\.0\.0\.1:\d+)/,
)
// Events go to the platform backend at the address it has now (PLATFORM_PORT may change between runs, or be 0).
cli(['platform', 'set-webhook', '--id', demo.platform.platform_id, '--webhook-url', `${platformUrl}/webhooks/ruhui`])
// The hosted join page (/join, issue #14): the platform backend's origin may frame it, the demo driver app is its return URL;
// a hosted session for a demo driver, as a native app's backend would create it (valid for the token's 30 minutes).
cli(['platform', 'update', '--id', demo.platform.platform_id, '--allowed-origin', platformUrl, '--return-url', `${base}/`])
const hosted = await fetch(`${base}/v1/join-sessions`, { method: 'POST', headers: { authorization: `Bearer ${demo.platform.secret_key}`, 'content-type': 'application/json' }, body: JSON.stringify({ platform_user_id: 'demo-hosted-driver', return_url: `${base}/` }) }).then((r) => r.json())
// The driver app was built to find the platform backend at 127.0.0.1:8788; another port goes in the address.
const driverApp = platformUrl === 'http://127.0.0.1:8788' ? `${base}/` : `${base}/?platform=${encodeURIComponent(platformUrl)}`
console.log(`
ruhui 货车司机网上入会演示已启动（示例数据）/ the ruhui demo is up (sample data)
  司机端 driver app (h5):  ${driverApp}#/pages/me/index   — “我的”页里点“加入工会”
  审核后台 console:        ${base}/console/
    演示审核员（南京市总工会，管理员）login ${demo.reviewer.login}  password ${demo.reviewer.password}
    另一家工会（合肥市总工会）        login ${demo.other.login}  password ${demo.other.password}
  登记系统 registry:       ${base}    (健康检查 ${base}/health · 接口文档 ${base}/openapi.json)
  托管入会页 hosted join page (WebView / iframe, 30 分钟内有效 / valid 30 min):
    ${hosted.hosted_url ?? `（未能创建 / not created: ${JSON.stringify(hosted.error ?? hosted)}）`}
  平台后台 platform backend: ${platformUrl}  (演示平台 ${demo.platform.platform_id}，密钥只在这里 / its secret key stays here)
  数据 data:               ${dataDir}  (SQLite)
在一个标签页以司机身份入会，在另一个标签页登录审核后台批准。 Join as a driver in one tab, approve in the other. Ctrl-C stops.`)
