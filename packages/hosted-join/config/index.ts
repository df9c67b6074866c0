// Taro build config of the registry's hosted join page (h5 only). Output: dist/ (index.html, js/, css/),
// served by the registry at /join (packages/registry/src/http/hosted-page.ts). @ruhui/taro is
// consumed prebuilt, as in examples/driver-app; the same module-resolution notes apply.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { defineConfig } from '@tarojs/cli'
import type { IProjectConfig } from '@tarojs/taro/types/compile'

const appModules = path.resolve(__dirname, '../node_modules')
function packageDir(fromDir: string, name: string): string {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name)
    if (existsSync(path.join(candidate, 'package.json'))) return candidate
    if (dir === path.dirname(dir)) throw new Error(`${name} not found from ${fromDir}`)
  }
}

type Chain = {
  resolve: {
    modules: { clear(): { add(p: string): { add(p: string): unknown } } }
    alias: { set(k: string, v: string): unknown }
  }
}
// The router must be the very copy @tarojs/taro-h5 uses (examples/driver-app/config/index.ts).
const h5Chain = (chain: Chain) => {
  chain.resolve.modules.clear().add('node_modules').add(appModules)
  chain.resolve.alias.set('@tarojs/router$', packageDir(packageDir(path.resolve(__dirname, '..'), '@tarojs/taro-h5'), '@tarojs/router'))
}

export default defineConfig<'webpack5'>(async (merge: (...configs: object[]) => object) => {
  const baseConfig: IProjectConfig<'webpack5'> = {
    projectName: 'ruhui-hosted-join',
    date: '2026-12-01',
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: 'dist',
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    h5: {
      webpackChain: h5Chain,
      // Always served at /join on the registry (the page's URL is /join?p=…, so './' would resolve to /).
      publicPath: '/join/',
      staticDirectory: 'static',
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      router: { mode: 'hash' },
      postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
    },
  }
  return merge({}, baseConfig) as typeof baseConfig
})
