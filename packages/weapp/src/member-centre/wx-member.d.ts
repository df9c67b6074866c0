/** The wx APIs the member centre uses beyond the join component's (merged into the same global Wx). */
interface WxTempFile {
  tempFilePath: string
  size: number
  fileType?: string
}

interface Wx {
  chooseMedia?(options: { count: number; mediaType: string[]; sourceType: string[]; sizeType?: string[]; success?: (res: { tempFiles: WxTempFile[] }) => void; fail?: (err: { errMsg?: string }) => void }): void
  getFileSystemManager?(): { readFile(options: { filePath: string; success?: (res: { data: ArrayBuffer }) => void; fail?: (err: { errMsg?: string }) => void }): void }
  requestSubscribeMessage?(options: { tmplIds: string[]; success?: (res: Record<string, string>) => void; fail?: (err: { errMsg?: string }) => void }): void
}
