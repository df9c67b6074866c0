// A Taro build plugin for the host's config — `plugins: ['@ruhui/taro/taro-plugin']` — so that on a
// mini-program the join flow's roles and labels reach the screen reader: the templates get
// `aria-role` and `aria-label`, and the runtime learns to send them. h5 needs nothing (the DOM has
// them); without the plugin a mini-program still works, only unlabelled.
// CommonJS (this folder's package.json): Taro finds plugins with `resolve`, which reads `main`
// rather than the package's `exports`, and loads them with `require`.
const components = require('./aria-components.js')

const RUNTIME = '@ruhui/taro/taro-plugin/runtime'

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (!platform.template) return // a web platform
      platform.template.mergeComponents(ctx, components)
      platform.runtimePath = [].concat(platform.runtimePath ?? [], RUNTIME)
    },
  })
}
