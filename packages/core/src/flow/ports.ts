/** What the host platform provides to the flow: storage, network status, app lifecycle. */

export interface FlowStorage {
  getItem(key: string): Promise<string | null> | string | null
  setItem(key: string, value: string): Promise<void> | void
  removeItem(key: string): Promise<void> | void
  /**
   * True when only this app can read the storage. When false, the ID number is never
   * written to it: after a restart the driver types it again (the rest of the draft is kept).
   */
  readonly private: boolean
}

export interface NetworkPort {
  isOnline(): boolean
  /** Called with the new status; returns an unsubscribe function. */
  onChange(listener: (online: boolean) => void): () => void
}

export interface LifecyclePort {
  /** The app came back to the foreground (WeChat fails requests left running in the background). */
  onForeground(listener: () => void): () => void
}

/** An in-memory storage, for tests and hosts without persistence. */
export function memoryStorage(isPrivate = true): FlowStorage & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return { data, private: isPrivate, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) }
}

/** A network port that is always online, for hosts that cannot tell. */
export const alwaysOnline: NetworkPort = { isOnline: () => true, onChange: () => () => undefined }
