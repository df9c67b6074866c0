/** The Taro build plugin: `plugins: ['@ruhui/taro/taro-plugin']` in the host's Taro config. */
declare function ruhuiTaroPlugin(ctx: unknown): void
export = ruhuiTaroPlugin
