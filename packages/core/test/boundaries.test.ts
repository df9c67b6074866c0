// core/src imports nothing but itself and its declared dependency zod (ARCHITECTURE.md):
// no other npm packages, no Node built-ins, no platform globals. Only 'zod/mini' — classic
// 'zod' adds ~80 KB to a mini-program (TOOLCHAIN.md §7). Per-file exceptions are listed here.
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect, it } from 'vitest'

const root = join(import.meta.dirname, '../src')
const allowedEverywhere = ['zod/mini']
const allowed: Record<string, string[]> = {
  'transports/axios.ts': ['axios'],
  'webhooks/node.ts': ['node:crypto'],
  // Ed25519 in plain JavaScript, in its own entry (@ruhui/core/cards-js) for hosts without it in WebCrypto (issue #16).
  'cards/js.ts': ['@noble/ed25519'],
}

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) yield* sources(p)
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) yield p
  }
}

it('core/src imports only relative paths (and the listed exceptions)', () => {
  const bad: string[] = []
  for (const file of sources(root)) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = (m[1] ?? m[2]) as string
      const rel = relative(root, file)
      if (spec.startsWith('./') || spec.startsWith('../') || allowedEverywhere.includes(spec)) continue
      if (!(allowed[rel] ?? []).includes(spec)) bad.push(`${rel}: ${spec}`)
    }
  }
  expect(bad).toEqual([])
})

it('matching/ and contract/ do not import each other (the server module joins them)', () => {
  const bad: string[] = []
  for (const file of sources(root)) {
    const rel = relative(root, file)
    const folder = rel.split('/')[0]
    const other = folder === 'matching' ? 'contract' : folder === 'contract' ? 'matching' : undefined
    if (!other) continue
    for (const m of readFileSync(file, 'utf8').matchAll(/from\s+['"](\.\.\/[^'"]+)['"]/g)) if ((m[1] as string).startsWith(`../${other}`)) bad.push(`${rel}: ${m[1]}`)
  }
  expect(bad).toEqual([])
})

it('core/src does not reach for platform globals', () => {
  const bad: string[] = []
  for (const file of sources(root)) {
    const text = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '')
    for (const g of ['window.', 'document.', 'wx.', 'Taro.', 'process.', 'require(', 'fetch(', 'XMLHttpRequest', 'Buffer.']) {
      if (text.includes(g)) bad.push(`${relative(root, file)}: ${g}`)
    }
  }
  expect(bad).toEqual([])
})

it('errors keep their brand across duplicated bundles', async () => {
  const { isSdkError, ValidationError } = await import('@ruhui/core')
  // A copy of the class from "another bundle": same global symbol, different constructor.
  const copy = await import('../src/errors?copy' as string)
  const foreign = new copy.ValidationError([{ code: 'x', path: [] }])
  expect(foreign instanceof ValidationError).toBe(false)
  expect(isSdkError(foreign)).toBe(true)
})

const repo = join(import.meta.dirname, '../../..')

function imports(dir: string): Array<{ file: string; spec: string }> {
  const out: Array<{ file: string; spec: string }> = []
  const walk = function* (d: string): Generator<string> {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist') continue
      const p = join(d, e.name)
      if (e.isDirectory()) yield* walk(p)
      else if (/\.(?:ts|tsx|mjs|js)$/.test(e.name)) yield p
    }
  }
  for (const file of walk(dir)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      out.push({ file: relative(repo, file), spec: (m[1] ?? m[2]) as string })
    }
  }
  return out
}

it('examples use only published entry points of @ruhui packages', () => {
  // An example's own tests may start a real registry process with the registry's test harness (that is test setup, not code an integrator copies).
  const harness = ({ file, spec }: { file: string; spec: string }) => /\/test\//.test(file) && /^(\.\.\/)+packages\/registry\/test\/[a-z-]+$/.test(spec)
  const bad = imports(join(repo, 'examples')).filter((i) => !harness(i)).filter(({ spec }) => /(^|\/)packages\/|\/src\//.test(spec) || (spec.startsWith('@ruhui/') && !/^@ruhui\/(core(\/(client|contract|flow|node|webhooks|matching|regions|axios))?|testing|sample-directory|taro(\/link)?)$/.test(spec)))
  expect(bad).toEqual([])
})

it('@ruhui/testing imports only msw, Node built-ins it needs, and @ruhui/core entry points', () => {
  const bad = imports(join(repo, 'packages/testing/src')).filter(({ spec }) => !spec.startsWith('.') && !/^(msw|@ruhui\/core(\/[a-z]+)?)$/.test(spec))
  expect(bad).toEqual([])
})

it('every package and example depends on the workspace packages by the same exact version', () => {
  const manifests = ['package.json', ...['packages', 'examples'].flatMap((d) => readdirSync(join(repo, d)).map((p) => `${d}/${p}/package.json`))]
  const bad: string[] = []
  for (const m of manifests) {
    let pkg: Record<string, Record<string, string> | undefined>
    try {
      pkg = JSON.parse(readFileSync(join(repo, m), 'utf8'))
    } catch {
      continue // a folder without a manifest
    }
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies'] as const) {
      for (const [name, range] of Object.entries(pkg[field] ?? {})) {
        if (!name.startsWith('@ruhui/')) continue
        const version = JSON.parse(readFileSync(join(repo, 'packages', name.slice('@ruhui/'.length), 'package.json'), 'utf8')).version as string
        if (range !== version) bad.push(`${m} ${field}: ${name}@${range} (the workspace has ${version})`)
      }
    }
  }
  expect(bad).toEqual([])
})
