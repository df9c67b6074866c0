// What WeChat DevTools' "构建 npm" (Tools → Build npm) does, for the command line and the tests:
// every dependency with a `miniprogram` field has that folder copied to
// miniprogram/miniprogram_npm/<name>, where `"usingComponents": { "ruhui-join": "@ruhui/weapp" }` finds it.
import { cpSync, existsSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const out = join(root, 'miniprogram/miniprogram_npm')
rmSync(out, { recursive: true, force: true })
for (const name of Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies ?? {})) {
  const dir = dirname(realpathSync(require.resolve(`${name}/package.json`)))
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  if (!pkg.miniprogram) continue
  const dist = join(dir, pkg.miniprogram)
  if (!existsSync(join(dist, 'index.js'))) throw new Error(`[native-weapp-host] ${name}: ${dist}/index.js is missing; build it first (npm run build)`)
  cpSync(dist, join(out, name), { recursive: true })
}
