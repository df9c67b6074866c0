/** The slice of the mini-program's globals this component uses (WeChat; uni-app and the plugin give the same). */
type WxCallback<T> = (res: T) => void

interface WxRequestOptions {
  url: string
  method?: string
  header?: Record<string, string>
  data?: string
  timeout?: number
  dataType?: string
  responseType?: string
  success?: WxCallback<{ statusCode: number; header?: Record<string, unknown>; data: unknown }>
  fail?: WxCallback<{ errMsg?: string }>
}

interface Wx {
  request(options: WxRequestOptions): unknown
  getStorageSync(key: string): unknown
  setStorageSync(key: string, value: string): void
  removeStorageSync(key: string): void
  getNetworkType?(options: { success?: WxCallback<{ networkType: string }> }): void
  onNetworkStatusChange?(listener: WxCallback<{ isConnected: boolean }>): void
  offNetworkStatusChange?(listener: WxCallback<{ isConnected: boolean }>): void
  onAppShow?(listener: () => void): void
  offAppShow?(listener: () => void): void
  pageScrollTo?(options: { scrollTop: number; duration?: number }): void
}

declare const wx: Wx
declare const console: { warn(...args: unknown[]): void }
declare function Component(options: Record<string, unknown>): void
/** Set by the build: true in the plugin build (no phone-number button; capabilities come from configure()). */
declare const RUHUI_PLUGIN: boolean
declare function setTimeout(fn: () => void, ms?: number): number
declare function clearTimeout(id: number | undefined): void
declare function setInterval(fn: () => void, ms?: number): number
declare function clearInterval(id: number | undefined): void
