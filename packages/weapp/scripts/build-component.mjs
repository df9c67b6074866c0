// Builds the native component (src/) into a folder: index.js bundled, squeezed and lowered for old
// phones (bundle-script.mjs), and the WXML (one file per step), WXSS and JSON copied. The plugin build (packages/weapp-plugin) calls this too.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildMemberCentre } from './build-member-centre.mjs'
import { bundleScript } from './bundle-script.mjs'

const src = join(dirname(fileURLToPath(import.meta.url)), '../src')

/** @param {{ outDir: string, plugin?: boolean }} options */
export async function buildComponent({ outDir, plugin = false }) {
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  // The plugin's configure() and its component share one module (plugin/host.js).
  await bundleScript({ entry: join(src, 'index.ts'), outFile: join(outDir, 'index.js'), define: { RUHUI_PLUGIN: String(plugin) }, external: ['../../host.js'] })
  // index.wxml includes one file per step (and the field, the error, the picker).
  const templates = readdirSync(src).filter((f) => f.endsWith('.wxml') && !f.startsWith('phone'))
  for (const f of ['index.json', 'index.wxss', ...templates]) copyFileSync(join(src, f), join(outDir, f))
  // WeChat forbids the phone-number button in plugins: the plugin build never contains it.
  copyFileSync(join(src, plugin ? 'phone-plugin.wxml' : 'phone.wxml'), join(outDir, 'phone.wxml'))
  // 我的会籍 (issue #16): its own component beside the flow, which the flow shows for a member's session.
  await buildMemberCentre({ outDir: join(outDir, 'member-centre') })
}
