/**
 * The photo a driver uploaded (issue #16), for the reviewers of the application's union and the
 * unions above it: GET /v1/review/uploads/{id} answers the image itself (its type as told by its
 * bytes), never cached, each view audit-logged. Anyone else: 404, as if it did not exist.
 */
import type { Hono } from 'hono'
import { type Caller, Refusal, type RegistryContext } from '../domain/context'
import { uploadForReviewer } from '../domain/uploads'

type Vars = { Variables: { requestId: string; caller: Caller } }

export function mountUploadsReviewApi(app: Hono<Vars>, ctx: RegistryContext) {
  app.get('/v1/review/uploads/:id', async (c) => {
    const caller = c.get('caller')
    if (caller.kind !== 'reviewer') throw new Refusal(caller.kind === 'none' ? 'invalid_api_key' : 'forbidden', { message: '此操作需要审核员账号' })
    const { contentType, bytes } = await uploadForReviewer(ctx, caller, c.req.param('id'))
    const ext = contentType === 'image/png' ? 'png' : 'jpg'
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': contentType,
      'content-length': String(bytes.length),
      'cache-control': 'no-store',
      'content-disposition': `inline; filename="${c.req.param('id').replace(/[^\w]/g, '')}.${ext}"`,
    })
  })
}
