// `npm run build -w @ruhui/weapp`: the component as WeChat's npm support expects it, in miniprogram_dist/.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildComponent } from './build-component.mjs'

// With 我的会籍 beside the flow (miniprogram_dist/member-centre: usingComponents "@ruhui/weapp/member-centre/index").
await buildComponent({ outDir: join(dirname(fileURLToPath(import.meta.url)), '../miniprogram_dist') })
