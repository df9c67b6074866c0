/** `--allowed-origin` / `--return-url` of `platform create|update`: checked, normalised, deduplicated; a bad one stops the command. */
import { checkOrigin, checkReturnUrl } from './platform-web'

export function webRegistrations(origins: string[] | undefined, returnUrls: string[] | undefined) {
  const check = (list: string[], f: typeof checkOrigin, flag: string) =>
    [
      ...new Set(
        list.map((v) => {
          const r = f(v)
          if (!r.ok) throw new Error(`${flag} refused: ${r.message}`)
          return r.value
        }),
      ),
    ]
  const columns: { allowed_origins?: string; return_urls?: string } = {}
  const shown: { allowed_origins?: string[]; return_urls?: string[] } = {}
  if (origins?.length) columns.allowed_origins = JSON.stringify((shown.allowed_origins = check(origins, checkOrigin, '--allowed-origin')))
  if (returnUrls?.length) columns.return_urls = JSON.stringify((shown.return_urls = check(returnUrls, checkReturnUrl, '--return-url')))
  return { columns, shown }
}
