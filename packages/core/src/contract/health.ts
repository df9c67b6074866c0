import * as z from 'zod/mini'
import { timestamp } from './common'

export const health = z.object({ status: z.literal('ok'), api_version: z.string(), time: timestamp })
export type Health = z.infer<typeof health>
