/**
 * Which way the page talks to its host, in this order: React Native's WebView, iOS WKWebView's
 * `webkit.messageHandlers.ruhui`, Android's `@JavascriptInterface` object `RuhuiAndroid`, a WeChat
 * mini-program's `web-view` (`wx.miniProgram`), the parent page when framed (only to the platform's
 * registered origins), else none (the page redirects to the session's return URL).
 */
import type { PageMessage } from './protocol'

export type ChannelKind = 'react-native' | 'webkit' | 'android' | 'mini-program' | 'parent' | 'none'

export interface Channel {
  kind: ChannelKind
  /** Whether the host can answer requests (need_token …) on this channel. */
  answers: boolean
  send(message: PageMessage): void
  /** After `success` / `exit`: what the channel does to close the page (mini-program: navigate back). */
  finish?(): void
}

/** The parts of `window` the pick reads (tests pass plain objects). */
export interface HostWindow {
  ReactNativeWebView?: { postMessage(data: string): void }
  webkit?: { messageHandlers?: { ruhui?: { postMessage(data: unknown): void } } }
  RuhuiAndroid?: { postMessage(data: string): void }
  wx?: { miniProgram?: { postMessage(o: { data: unknown }): void; navigateBack(o?: object): void } }
  __wxjs_environment?: string
  parent: unknown
  self?: unknown
}

export function pickChannel(win: HostWindow, frameOrigins: readonly string[]): Channel {
  const text = (m: PageMessage) => JSON.stringify(m)
  const rn = win.ReactNativeWebView
  if (rn && typeof rn.postMessage === 'function') return { kind: 'react-native', answers: true, send: (m) => rn.postMessage(text(m)) }
  const wk = win.webkit?.messageHandlers?.ruhui
  if (wk && typeof wk.postMessage === 'function') return { kind: 'webkit', answers: true, send: (m) => wk.postMessage(text(m)) }
  const android = win.RuhuiAndroid
  if (android && typeof android.postMessage === 'function') return { kind: 'android', answers: true, send: (m) => android.postMessage(text(m)) }
  const mp = win.wx?.miniProgram
  if (mp && typeof mp.postMessage === 'function') {
    // The web-view hands posted messages to the mini-program when the page is left: go back on the end.
    return { kind: 'mini-program', answers: false, send: (m) => mp.postMessage({ data: m }), finish: () => mp.navigateBack() }
  }
  const parent = win.parent as { postMessage?(m: unknown, origin: string): void } | undefined
  if (parent && parent !== (win.self ?? win) && typeof parent.postMessage === 'function' && frameOrigins.length > 0) {
    // Sent to each registered origin: the browser delivers it only to the one the parent really has.
    return { kind: 'parent', answers: true, send: (m) => frameOrigins.forEach((o) => parent.postMessage?.(m, o)) }
  }
  return { kind: 'none', answers: false, send: () => undefined }
}
