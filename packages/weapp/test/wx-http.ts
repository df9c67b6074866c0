// The slice of wx the member centre uses, over real HTTP (fetch) to a real registry process, plus a
// storage and chooseMedia/getFileSystemManager answering with the file a test puts in `photo`.
type WxRequestOptions = { url: string; method?: string; header?: Record<string, string>; data?: unknown; success?(res: { statusCode: number; header: Record<string, string>; data: unknown }): void; fail?(err: { errMsg: string }): void }

export function wxHttp() {
  const storage = new Map<string, unknown>()
  const requests: string[] = []
  const files = new Map<string, Uint8Array>()
  const state = { photo: null as Uint8Array | null, subscribeAsks: [] as string[][] }
  const wx = {
    request(o: WxRequestOptions) {
      const method = o.method ?? 'GET'
      requests.push(`${method} ${new URL(o.url).pathname}`)
      const body = typeof o.data === 'string' ? o.data : o.data === undefined ? undefined : JSON.stringify(o.data)
      fetch(o.url, { method, headers: o.header ?? {}, ...(body !== undefined && method !== 'GET' ? { body } : {}) })
        .then(async (res) => o.success?.({ statusCode: res.status, header: Object.fromEntries(res.headers), data: await res.text() }))
        .catch((e: Error) => o.fail?.({ errMsg: `request:fail ${e.message}` }))
    },
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    chooseMedia(o: { success?(r: { tempFiles: Array<{ tempFilePath: string; size: number }> }): void; fail?(e: { errMsg: string }): void }) {
      if (!state.photo) return o.fail?.({ errMsg: 'chooseMedia:fail cancel' })
      const path = `wxfile://tmp_${files.size + 1}.jpg`
      files.set(path, state.photo)
      o.success?.({ tempFiles: [{ tempFilePath: path, size: state.photo.length }] })
    },
    // The driver accepts every template offered.
    requestSubscribeMessage(o: { tmplIds: string[]; success?(r: Record<string, string>): void }) {
      state.subscribeAsks.push(o.tmplIds)
      o.success?.(Object.fromEntries(o.tmplIds.map((id) => [id, 'accept'])))
    },
    getFileSystemManager: () => ({
      readFile(o: { filePath: string; success?(r: { data: ArrayBuffer }): void; fail?(e: { errMsg: string }): void }) {
        const bytes = files.get(o.filePath)
        if (!bytes) return o.fail?.({ errMsg: 'readFile:fail no such file' })
        o.success?.({ data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })
      },
    }),
  }
  return { wx, requests, state }
}
