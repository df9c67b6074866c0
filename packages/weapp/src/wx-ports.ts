/** The flow's storage, network and lifecycle ports on wx.* (each API optional: uni-app and older base libraries lack some). */
import type { FlowStorage, LifecyclePort, NetworkPort } from '@ruhui/core/flow'

/** The mini-program's storage belongs to the app and the user: private, so the draft may keep the ID number. */
export function wxStorage(): FlowStorage {
  return {
    private: true,
    getItem(key) {
      const v = wx.getStorageSync(key)
      return typeof v === 'string' && v !== '' ? v : null
    },
    setItem: (key, value) => wx.setStorageSync(key, value),
    removeItem: (key) => wx.removeStorageSync(key),
  }
}

/** Network status from wx's network events; starts online and corrects itself once asked. */
export function wxNetwork(): NetworkPort {
  let online = true
  const listeners = new Set<(online: boolean) => void>()
  const onStatus = (res: { isConnected: boolean }) => {
    if (res.isConnected === online) return
    online = res.isConnected
    for (const l of listeners) l(online)
  }
  const attempt = (fn: () => void) => {
    try {
      fn()
    } catch {
      // not available on this host: stay "online" and let requests tell
    }
  }
  attempt(() => wx.getNetworkType?.({ success: (r) => onStatus({ isConnected: r.networkType !== 'none' }) }))
  return {
    isOnline: () => online,
    onChange(listener) {
      if (listeners.size === 0) attempt(() => wx.onNetworkStatusChange?.(onStatus))
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) attempt(() => wx.offNetworkStatusChange?.(onStatus))
      }
    },
  }
}

/** The app came back to the foreground: WeChat fails requests left running in the background. */
export function wxLifecycle(): LifecyclePort {
  return {
    onForeground(listener) {
      const handler = () => listener()
      try {
        wx.onAppShow?.(handler)
      } catch {
        return () => undefined
      }
      return () => {
        try {
          wx.offAppShow?.(handler)
        } catch {
          // not available on this host
        }
      }
    },
  }
}
