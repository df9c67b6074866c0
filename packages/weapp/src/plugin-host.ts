/**
 * In the plugin build, what the host mini-program passed to `requirePlugin('ruhui').configure()`
 * (packages/weapp-plugin): a plugin's component cannot ask the host through events alone (its
 * page has no host to listen), and WeChat forbids the phone-number button inside plugins.
 */
export interface PluginHostOptions {
  /** A fresh join token for this session, from the host's backend. */
  refreshToken?(): Promise<string>
  /** The driver's mobile as the host verified it (the host runs WeChat's phone button itself). */
  getPhone?(): Promise<{ mobile: string; verifiedAt?: string }>
  /** The host's facial verification of the driver. */
  verifyFace?(): Promise<{ passed: boolean; verifiedAt?: string }>
  /**
   * What the platform's backend sent as the session's `prefill` (read-only fields with 修改), for the
   * session the plugin page opens: never in the page's URL, which may be logged.
   */
  prefill?(sessionId: string): unknown
  onSuccess?(result: { sessionId: string; applicationId?: string; transferId?: string; status: string }): void
  onExit?(details: { sessionId: string; reason: string }): void
  onEvent?(event: { name: string; sessionId: string; at: string }): void
}

declare const require: (id: string) => { current(): PluginHostOptions }

/** The configured host options in the plugin build; null in the npm component. */
export function pluginHost(): PluginHostOptions | null {
  // plugin/host.js sits two folders above plugin/components/join/index.js (kept out of the bundle: one copy for configure() and the component).
  return RUHUI_PLUGIN ? require('../../host.js').current() : null
}
