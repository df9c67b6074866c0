/// <reference types="@tarojs/taro" />
declare module '*.css'
declare const RUHUI_REGISTRY_URL: string
declare const RUHUI_PLATFORM_URL: string
declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'quickapp' | 'qq' | 'jd'
  }
}
