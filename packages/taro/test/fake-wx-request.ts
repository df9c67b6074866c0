// wx.request as WeChat documents it, on node:http: success for every HTTP status (header
// names as the server sent them, data as text when dataType is not 'json'), fail with an
// errMsg ("request:fail timeout", "request:fail …") when there is no response.
import { request as httpRequest } from 'node:http'
import type { TaroRequestFn } from '../src/transport'

export const fakeWxRequest: TaroRequestFn = (options) => {
  const url = new URL(options.url)
  let failed = false
  const fail = (errMsg: string) => {
    if (failed) return
    failed = true
    options.fail({ errMsg })
  }
  const req = httpRequest(
    { hostname: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method, headers: options.header },
    (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const header: Record<string, string> = {}
        for (let i = 0; i < res.rawHeaders.length; i += 2) header[res.rawHeaders[i]!] = res.rawHeaders[i + 1]!
        const text = Buffer.concat(chunks).toString('utf8')
        let data: unknown = text
        if (options.dataType === 'json') {
          try {
            data = JSON.parse(text)
          } catch {
            data = text
          }
        }
        options.success({ statusCode: res.statusCode ?? 0, header, data })
      })
    },
  )
  req.setTimeout(options.timeout, () => {
    fail('request:fail timeout')
    req.destroy()
  })
  req.on('error', (e) => fail(`request:fail ${e.message}`))
  if (options.data !== undefined) req.write(options.data)
  req.end()
  return { abort: () => req.destroy() }
}
