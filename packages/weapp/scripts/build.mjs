// `npm run build -w @ruhui/weapp`: the component as WeChat's npm support expects it, in miniprogram_dist/.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildComponent } from './build-component.mjs'

await buildComponent({ outDir: join(dirname(fileURLToPath(import.meta.url)), '../miniprogram_dist') })
