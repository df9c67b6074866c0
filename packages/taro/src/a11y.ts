// Roles and labels for screen readers. On h5 they are the DOM's `role` and `aria-label`. A
// mini-program reads `aria-role` and `aria-label` (WeChat's base library since 2.7.1), which Taro's
// templates carry only with the `@ruhui/taro/taro-plugin` build plugin in the host's config; the
// props are then `ariaRole` and `ariaLabel`.
import { ENV_TYPE, getEnv } from '@tarojs/taro'

const onWeb = () => getEnv() === ENV_TYPE.WEB

export const a11yRole = (role: string) => (onWeb() ? { role } : { ariaRole: role })
export const a11yLabel = (label: string) => (onWeb() ? { 'aria-label': label } : { ariaLabel: label })
