/** The flow's storage, network and lifecycle ports on Taro's APIs (named imports only). */
import { ENV_TYPE, getEnv, getNetworkType, getStorageSync, offAppShow, offNetworkStatusChange, onAppShow, onNetworkStatusChange, removeStorageSync, setStorageSync } from '@tarojs/taro'
import type { FlowStorage, LifecyclePort, NetworkPort } from '@ruhui/core/flow'

/**
 * Taro storage. A mini-program's storage belongs to the app and the user (private: true);
 * on h5 it is the browser's localStorage, which other scripts on the origin can read, so
 * the ID number is not written there (private: false).
 */
export function taroStorage(isPrivate: boolean = getEnv() !== ENV_TYPE.WEB): FlowStorage {
  return {
    private: isPrivate,
    getItem(key) {
      const v = getStorageSync(key) as unknown
      return typeof v === 'string' && v !== '' ? v : null
    },
    setItem(key, value) {
      setStorageSync(key, value)
    },
    removeItem(key) {
      removeStorageSync(key)
    },
  }
}

/** Network status from Taro's network events; starts online and corrects itself once asked. */
export function taroNetwork(): NetworkPort {
  let online = true
  const listeners = new Set<(online: boolean) => void>()
  const onStatus = (res: { isConnected: boolean }) => {
    if (res.isConnected === online) return
    online = res.isConnected
    for (const l of listeners) l(online)
  }
  try {
    void Promise.resolve(getNetworkType?.({}))
      .then((r) => r && onStatus({ isConnected: (r as { networkType?: string }).networkType !== 'none' }))
      .catch(() => undefined)
  } catch {
    // a host without the API: stay "online" and let requests tell
  }
  let subscribed = false
  return {
    isOnline: () => online,
    onChange(listener) {
      listeners.add(listener)
      if (!subscribed) {
        subscribed = true
        try {
          onNetworkStatusChange?.(onStatus)
        } catch {
          // not available on this host
        }
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && subscribed) {
          subscribed = false
          try {
            offNetworkStatusChange?.(onStatus)
          } catch {
            // not available on this host
          }
        }
      }
    },
  }
}

/** The app came back to the foreground: WeChat fails requests left running in the background. */
export function taroLifecycle(): LifecyclePort {
  return {
    onForeground(listener) {
      const handler = () => listener()
      try {
        onAppShow?.(handler)
      } catch {
        return () => undefined
      }
      return () => {
        try {
          offAppShow?.(handler)
        } catch {
          // not available on this host
        }
      }
    },
  }
}
