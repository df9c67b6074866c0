// @tarojs/taro in vitest: its APIs exist only once a platform runtime starts, so tests give
// the component a stand-in with the named exports it uses (TOOLCHAIN.md §3).
import { vi } from 'vitest'

export const storage = new Map<string, string>()
export const taroApi = {
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  getEnv: vi.fn(() => 'WEB'),
  request: vi.fn(),
  navigateTo: vi.fn(async () => ({ errMsg: 'navigateTo:ok' })),
  getStorageSync: vi.fn((k: string) => storage.get(k) ?? ''),
  setStorageSync: vi.fn((k: string, v: string) => void storage.set(k, v)),
  removeStorageSync: vi.fn((k: string) => void storage.delete(k)),
  getNetworkType: vi.fn(async () => ({ networkType: 'wifi' })),
  onNetworkStatusChange: vi.fn(),
  offNetworkStatusChange: vi.fn(),
  onAppShow: vi.fn(),
  offAppShow: vi.fn(),
}
