/**
 * A framed page on another site may be refused its localStorage (third-party storage blocked: Safari,
 * Chrome with third-party cookies off): reading `window.localStorage` then throws, and Taro's storage
 * with it. The page keeps the flow's draft in memory instead, for this page load only.
 */
export function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(String(k)) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(String(k)),
    setItem: (k, v) => void items.set(String(k), String(v)),
  }
}

/** Returns whether the fallback was put in place. */
export function ensureStorage(win: { localStorage?: Storage } & object): boolean {
  try {
    const s = win.localStorage
    if (s) {
      s.getItem('ruhui:probe')
      return false
    }
  } catch {
    // refused: fall through
  }
  Object.defineProperty(win, 'localStorage', { configurable: true, value: memoryStorage() })
  return true
}
