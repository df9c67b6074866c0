/**
 * Host capabilities for the member centre and the review loop on Taro: a photo through
 * Taro.chooseImage (its bytes read on the device), and WeChat's subscription request for the
 * union's decisions. Each is optional: a host without them simply does not show the button.
 */
import { ENV_TYPE, chooseImage, getEnv, getFileSystemManager, requestSubscribeMessage } from '@tarojs/taro'
import type { ChosenPhoto } from '@ruhui/core/member'

/** The driver takes or picks one photo; its bytes are read here (mini-program file system, or the h5 File). Null when cancelled. */
export function taroChoosePhoto(): () => Promise<ChosenPhoto | null> {
  return async () => {
    let res: Awaited<ReturnType<typeof chooseImage>>
    try {
      res = await chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
    } catch {
      return null // cancelled, or no permission
    }
    const path = res.tempFilePaths[0]
    const file = res.tempFiles[0] as { path: string; type?: string; originalFileObj?: Blob } | undefined
    if (!path || !file) return null
    if (getEnv() === ENV_TYPE.WEB) {
      const blob: Blob = file.originalFileObj ?? (await fetch(path).then((r) => r.blob()))
      return { bytes: new Uint8Array(await blob.arrayBuffer()), contentType: blob.type || file.type || '', preview: path }
    }
    const data = await new Promise<ArrayBuffer>((resolve, reject) => getFileSystemManager().readFile({ filePath: path, success: (r) => resolve(r.data as ArrayBuffer), fail: reject }))
    return { bytes: new Uint8Array(data), contentType: file.type ?? '', preview: path }
  }
}

/**
 * WeChat subscription messages for the union's decisions (the host's template ids, from its
 * mini-program's settings). Call it from a tap (WeChat requires one); accepted when any template was.
 */
export function taroSubscription(templateIds: string[]): () => Promise<{ accepted: boolean }> {
  return async () => {
    if (getEnv() !== ENV_TYPE.WEAPP || templateIds.length === 0) return { accepted: false }
    try {
      const r = (await requestSubscribeMessage({ tmplIds: templateIds } as Parameters<typeof requestSubscribeMessage>[0])) as unknown as Record<string, string>
      return { accepted: templateIds.some((id) => r[id] === 'accept') }
    } catch {
      return { accepted: false }
    }
  }
}
