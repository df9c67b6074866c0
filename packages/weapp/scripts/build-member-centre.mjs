// Builds the member centre (src/member-centre/) into <outDir>/member-centre/: index.js bundled as
// ES2017 CommonJS with core, zod/mini and the QR encoder inside, regular expressions lowered, and
// its WXML, WXSS (which imports the join component's) and JSON copied. Run after buildComponent.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { lowerRegExps } from './lower-regexps.mjs'

const src = join(dirname(fileURLToPath(import.meta.url)), '../src/member-centre')

/** @param {{ outDir: string }} options the component folder (e.g. miniprogram_dist/member-centre) */
export async function buildMemberCentre({ outDir }) {
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  await build({
    entryPoints: [join(src, 'index.ts')],
    outfile: join(outDir, 'index.js'),
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    target: 'es2017',
    conditions: ['@ruhui/source'],
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  })
  const js = join(outDir, 'index.js')
  writeFileSync(js, lowerRegExps(readFileSync(js, 'utf8')))
  for (const f of ['index.json', 'index.wxml', 'index.wxss']) copyFileSync(join(src, f), join(outDir, f))
}
