// `npm run build -w @ruhui/weapp-plugin`: the WeChat plugin in dist/plugin — the component built
// from @ruhui/weapp's sources in plugin mode (no phone-number button; host capabilities from
// configure()), the plugin page, main file and plugin.json.
import { cpSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildComponent } from '../../weapp/scripts/build-component.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'dist/plugin')
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
for (const f of ['plugin.json', 'index.js', 'host.js', 'pages']) cpSync(join(root, 'src', f), join(out, f), { recursive: true })
await buildComponent({ outDir: join(out, 'components/join'), plugin: true })
