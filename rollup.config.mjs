// One config over the published packages: ESM (.mjs) + CJS (.cjs) + types (.d.mts/.d.cts).
import esbuild from 'rollup-plugin-esbuild'
import { dts } from 'rollup-plugin-dts'
import { readFileSync } from 'node:fs'

const packages = [
  {
    dir: 'packages/core',
    entries: {
      index: 'src/index.ts',
      regions: 'src/regions/index.ts',
      townships: 'src/townships/index.ts',
      matching: 'src/matching/index.ts',
      contract: 'src/contract/index.ts',
      client: 'src/client/index.ts',
      axios: 'src/transports/axios.ts',
      webhooks: 'src/webhooks/index.ts',
      node: 'src/webhooks/node.ts',
      flow: 'src/flow/index.ts',
      member: 'src/member/index.ts',
      server: 'src/server/index.ts',
      cards: 'src/cards/index.ts',
      'cards-js': 'src/cards/js.ts',
    },
  },
  // Node-only packages: a Node target keeps import.meta (ES2018 would erase it).
  { dir: 'packages/testing', entries: { index: 'src/index.ts' }, target: 'node20' },
  { dir: 'packages/registry', entries: { index: 'src/index.ts' }, target: 'node20' },
  // The Taro component: ESM only (Taro's webpack consumes it), JSX compiled, React and Taro external.
  { dir: 'packages/taro', entries: { index: 'src/index.ts', link: 'src/join-union-link.tsx', 'member-centre': 'src/member-centre.tsx', 'join-flow': 'src/join-union-flow.tsx' }, esmOnly: true, assets: ['style.css'] },
]

function externalFor(dir) {
  const pkg = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'))
  const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]
  return (id) => id.startsWith('node:') || deps.some((d) => id === d || id.startsWith(`${d}/`))
}

/** Copies files from src/ to dist/ as they are (the component's stylesheet). */
function copyAssets(dir, assets) {
  return {
    name: 'copy-assets',
    generateBundle() {
      for (const fileName of assets) this.emitFile({ type: 'asset', fileName, source: readFileSync(`${dir}/src/${fileName}`) })
    },
  }
}

export default packages.flatMap(({ dir, entries, target = 'es2018', esmOnly = false, assets = [] }) => {
  const input = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, `${dir}/${v}`]))
  const external = externalFor(dir)
  return [
    {
      input,
      external,
      plugins: [esbuild({ target, charset: 'utf8', tsconfig: `${dir}/tsconfig.json`, jsx: 'automatic' }), copyAssets(dir, assets)],
      output: [
        { dir: `${dir}/dist`, format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'shared/core-[hash].mjs', hoistTransitiveImports: false },
        ...(esmOnly ? [] : [{ dir: `${dir}/dist`, format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'shared/core-[hash].cjs', hoistTransitiveImports: false }]),
      ],
    },
    {
      input,
      external,
      // Node's types for the Node-only entry; the typecheck keeps them out of the rest of core.
      plugins: [dts({ tsconfig: `${dir}/tsconfig.json`, compilerOptions: { types: ['node'] } })],
      output: [
        { dir: `${dir}/dist`, format: 'es', entryFileNames: '[name].d.mts', chunkFileNames: 'shared/core-[hash].d.mts' },
        ...(esmOnly ? [] : [{ dir: `${dir}/dist`, format: 'es', entryFileNames: '[name].d.cts', chunkFileNames: 'shared/core-[hash].d.cts' }]),
      ],
    },
  ]
})
