// One component script, as every native component ships it: bundled by esbuild as ES2017 CommonJS
// (core and zod/mini inside; no `?.`, `??` or object spread left for old phones), squeezed by terser,
// and its regular expressions lowered (lower-regexps.mjs). Used by the join component and 我的会籍.
import { readFileSync, writeFileSync } from 'node:fs'
import { build } from 'esbuild'
import { minify } from 'terser'
import { lowerRegExps } from './lower-regexps.mjs'

/** @param {{ entry: string, outFile: string, define?: Record<string, string>, external?: string[] }} options */
export async function bundleScript({ entry, outFile, define = {}, external = [] }) {
  await build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    target: 'es2017',
    // The monorepo's sources (same code as the published dist), resolved like vitest does.
    conditions: ['@ruhui/source'],
    mainFields: ['module', 'main'],
    define,
    external,
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  })
  // A second, slower minifier over esbuild's output: terser's repeated compress passes and top-level
  // names (the script is a CommonJS module: its top level is its own) take another 1 KB or so off what
  // every driver's phone downloads. Output stays ES2017.
  const squeezed = await minify(readFileSync(outFile, 'utf8'), { ecma: 2017, module: false, toplevel: true, compress: { passes: 3, ecma: 2017 }, mangle: { toplevel: true }, format: { comments: false, ecma: 2017 } })
  writeFileSync(outFile, lowerRegExps(squeezed.code))
}
