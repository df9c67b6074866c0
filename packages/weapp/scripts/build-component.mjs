// Builds the native component (src/) into a folder: index.js bundled with esbuild as ES2017
// CommonJS (core and zod/mini inside; no `?.`, `??` or object spread left for old phones), squeezed by terser,
// regular expressions lowered too (lower-regexps.mjs), and the WXML (one file per step), WXSS and JSON copied. The plugin build (packages/weapp-plugin) calls this too.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { minify } from 'terser'
import { buildMemberCentre } from './build-member-centre.mjs'
import { lowerRegExps } from './lower-regexps.mjs'

const src = join(dirname(fileURLToPath(import.meta.url)), '../src')

/** @param {{ outDir: string, plugin?: boolean }} options */
export async function buildComponent({ outDir, plugin = false }) {
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  await build({
    entryPoints: [join(src, 'index.ts')],
    outfile: join(outDir, 'index.js'),
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    target: 'es2017',
    // The monorepo's sources (same code as the published dist), resolved like vitest does.
    conditions: ['@ruhui/source'],
    mainFields: ['module', 'main'],
    define: { RUHUI_PLUGIN: String(plugin) },
    // The plugin's configure() and its component share one module (plugin/host.js).
    external: ['../../host.js'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  })
  const js = join(outDir, 'index.js')
  // A second, slower minifier over esbuild's output: terser's repeated compress passes and top-level
  // names (the script is a CommonJS module: its top level is its own) take another 1 KB or so off what
  // every driver's phone downloads. Output stays ES2017.
  const squeezed = await minify(readFileSync(js, 'utf8'), { ecma: 2017, module: false, toplevel: true, compress: { passes: 3, ecma: 2017 }, mangle: { toplevel: true }, format: { comments: false, ecma: 2017 } })
  writeFileSync(js, lowerRegExps(squeezed.code))
  // index.wxml includes one file per step (and the field, the error, the picker).
  const templates = readdirSync(src).filter((f) => f.endsWith('.wxml') && !f.startsWith('phone'))
  for (const f of ['index.json', 'index.wxss', ...templates]) copyFileSync(join(src, f), join(outDir, f))
  // WeChat forbids the phone-number button in plugins: the plugin build never contains it.
  copyFileSync(join(src, plugin ? 'phone-plugin.wxml' : 'phone.wxml'), join(outDir, 'phone.wxml'))
  // 我的会籍 (issue #16): its own component beside the flow, which the flow shows for a member's session.
  await buildMemberCentre({ outDir: join(outDir, 'member-centre') })
}
