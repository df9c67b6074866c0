// `npm run build -w @ruhui/weapp`: the component as WeChat's npm support expects it, in miniprogram_dist/.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildComponent } from './build-component.mjs'
import { buildMemberCentre } from './build-member-centre.mjs'

const dist = join(dirname(fileURLToPath(import.meta.url)), '../miniprogram_dist')
await buildComponent({ outDir: dist })
// 我的会籍, its own component beside the join flow: usingComponents "@ruhui/weapp/member-centre/index".
await buildMemberCentre({ outDir: join(dist, 'member-centre') })
