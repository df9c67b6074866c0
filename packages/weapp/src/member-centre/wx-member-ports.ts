/** The member centre's host capabilities on wx: a photo through wx.chooseMedia (its bytes read on the device), and WeChat's subscription request. */
import type { ChosenPhoto } from '@ruhui/core/member'

/** The driver takes or picks one photo; null when cancelled or when this base library has no chooseMedia. */
export function wxChoosePhoto(): Promise<ChosenPhoto | null> {
  return new Promise((resolve) => {
    if (!wx.chooseMedia || !wx.getFileSystemManager) return resolve(null)
    const fs = wx.getFileSystemManager()
    wx.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sourceType: ['camera', 'album'],
      sizeType: ['compressed'],
      success: (res) => {
        const file = res.tempFiles[0]
        if (!file) return resolve(null)
        fs.readFile({ filePath: file.tempFilePath, success: (r) => resolve({ bytes: new Uint8Array(r.data), contentType: '', preview: file.tempFilePath }), fail: () => resolve(null) })
      },
      fail: () => resolve(null),
    })
  })
}

/** Ask for WeChat subscription messages (the host's template ids); call from a tap. */
export function wxSubscribe(templateIds: string[]): Promise<{ accepted: boolean }> {
  return new Promise((resolve) => {
    if (!wx.requestSubscribeMessage || templateIds.length === 0) return resolve({ accepted: false })
    wx.requestSubscribeMessage({ tmplIds: templateIds, success: (r) => resolve({ accepted: templateIds.some((id) => r[id] === 'accept') }), fail: () => resolve({ accepted: false }) })
  })
}
