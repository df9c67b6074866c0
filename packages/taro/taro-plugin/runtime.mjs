// Runs in the mini-program before the app (the build plugin adds it to Taro's runtime modules):
// the same attributes as the templates, so Taro sends `ariaRole`/`ariaLabel` props to them.
import { mergeInternalComponents } from '@tarojs/shared'
import components from './aria-components.js'

mergeInternalComponents(components)
