// Taro build config of the example driver app (weapp + h5). Output: dist/weapp and dist/h5.
// @ruhui/taro is consumed prebuilt (packages/taro/dist), as a freight platform consumes the
// published package; its stylesheet is written for a 375-px design width.
import { existsSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { defineConfig } from '@tarojs/cli'
import type { IProjectConfig } from '@tarojs/taro/types/compile'

// In this monorepo npm keeps some @tarojs packages under the app (their peers clash with the
// root's rollup 4 and vite 8): look in the app's node_modules first, so the app and
// @ruhui/taro share one copy of each. A platform's own app does not need this.
const appModules = path.resolve(__dirname, '../node_modules')
/** Where Node would find `name` when required from `fromDir`. */
function packageDir(fromDir: string, name: string): string {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name)
    if (existsSync(path.join(candidate, 'package.json'))) return candidate
    if (dir === path.dirname(dir)) throw new Error(`${name} not found from ${fromDir}`)
  }
}

// ES2017 on every phone, whatever the host's project.config.json says (its "es6" switch may be
// off): Taro's Babel skips node_modules and the workspace packages, but the prebuilt @ruhui/core
// and zod carry `?.` and `??`. Babel (babel-preset-taro, the browserslist above) lowers them too.
const appDir = path.resolve(__dirname, '..')
const coreDir = realpathSync(packageDir(appDir, '@ruhui/core'))
// uqr (the member card's QR encoder, in @ruhui/taro's member-centre mode) ships class fields: lowered too.
const taroDir = realpathSync(packageDir(appDir, '@ruhui/taro'))
const lowered = [coreDir, taroDir, realpathSync(packageDir(coreDir, 'zod')), realpathSync(packageDir(taroDir, 'uqr'))].map((d) => d + path.sep)
const es2017Include = [(file: string) => lowered.some((d) => file.startsWith(d))]

type Chain = {
  resolve: {
    modules: { clear(): { add(p: string): { add(p: string): unknown } } }
    alias: { set(k: string, v: string): unknown }
  }
}
const preferAppModules = (chain: Chain) => void chain.resolve.modules.clear().add(appModules).add('node_modules')
// On h5 Taro aliases @tarojs/taro itself; the app's folder is only a fallback there. The router
// must be the very copy @tarojs/taro-h5 uses (two copies: navigateTo finds no history).
const h5Chain = (chain: Chain) => {
  chain.resolve.modules.clear().add('node_modules').add(appModules)
  chain.resolve.alias.set('@tarojs/router$', packageDir(packageDir(path.resolve(__dirname, '..'), '@tarojs/taro-h5'), '@tarojs/router'))
}

export default defineConfig<'webpack5'>(async (merge: (...configs: object[]) => object) => {
  const baseConfig: IProjectConfig<'webpack5'> = {
    projectName: 'ruhui-driver-app',
    date: '2026-11-28',
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // Roles and labels of the join flow for screen readers on mini-programs (host config, packages/taro/README.md).
    plugins: ['@ruhui/taro/taro-plugin'],
    defineConstants: {
      // Where the app finds the registry and the platform's backend. On h5 an empty value means
      // "the page's own origin" (npm start serves the app from the registry), and the query
      // string can override both (?registry=…&platform=…).
      RUHUI_REGISTRY_URL: JSON.stringify(process.env.RUHUI_REGISTRY_URL ?? (process.env.TARO_ENV === 'h5' ? '' : 'http://127.0.0.1:8787')),
      RUHUI_PLATFORM_URL: JSON.stringify(process.env.RUHUI_PLATFORM_URL ?? 'http://127.0.0.1:8788'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      compile: { include: es2017Include },
      postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
      webpackChain: preferAppModules,
    },
    h5: {
      webpackChain: h5Chain,
      publicPath: './',
      staticDirectory: 'static',
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      router: { mode: 'hash' },
      postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
    },
  }
  return merge({}, baseConfig) as typeof baseConfig
})
