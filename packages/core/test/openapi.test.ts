// The committed OpenAPI document is exactly what the contract generates (the lint runs in npm test).
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import * as contract from '@ruhui/core/contract'
import { buildOpenApi, serialize } from '../scripts/openapi.mjs'

it('regenerating openapi.json gives the committed file', () => {
  const committed = readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')
  expect(serialize(buildOpenApi(contract))).toBe(committed)
})

it('documents every route and the error shape', () => {
  const doc = buildOpenApi(contract) as { paths: Record<string, Record<string, { operationId: string }>>; components: { schemas: Record<string, unknown> } }
  const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId))
  expect(ops.sort()).toEqual(Object.values(contract.ROUTES).map((r) => r.name).sort())
  expect(doc.components.schemas.Error).toMatchObject({ properties: { error: { required: ['type', 'code', 'message', 'request_id'] } } })
})
