// Builds the member centre (src/member-centre/) into <outDir>/member-centre/: index.js bundled like
// the join component's (bundle-script.mjs) with core, zod/mini and the QR encoder inside, and its
// WXML, WXSS (which imports the join component's) and JSON copied. Run after buildComponent.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundleScript } from './bundle-script.mjs'

const src = join(dirname(fileURLToPath(import.meta.url)), '../src/member-centre')

/** @param {{ outDir: string }} options the component folder (e.g. miniprogram_dist/member-centre) */
export async function buildMemberCentre({ outDir }) {
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  await bundleScript({ entry: join(src, 'index.ts'), outFile: join(outDir, 'index.js') })
  for (const f of ['index.json', 'index.wxml', 'index.wxss']) copyFileSync(join(src, f), join(outDir, f))
}
