#!/usr/bin/env node
// Regenerate packages/core/openapi.json: npm run build && npm run gen:openapi
import { writeFileSync } from 'node:fs'
import * as contract from '@ruhui/core/contract'
import { buildOpenApi, serialize } from './openapi.mjs'

const target = new URL('../openapi.json', import.meta.url)
writeFileSync(target, serialize(buildOpenApi(contract)))
console.log(`wrote ${target.pathname}`)
