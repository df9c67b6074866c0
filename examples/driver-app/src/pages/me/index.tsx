import { Text, View } from '@tarojs/components'
import { JoinUnionLink } from '@ruhui/taro/link'

export default function Me() {
  return (
    <View className="demo-page">
      <View className="demo-card">
        <Text className="demo-title">我的</Text>
        <Text className="demo-text">实名认证：已认证（示例）</Text>
        <Text className="demo-text">常跑线路：江苏 ⇄ 安徽</Text>
      </View>
      <View className="demo-card">
        <Text className="demo-title">工会会员</Text>
        <Text className="demo-text">尚未加入工会</Text>
        <JoinUnionLink url="/join/pages/flow/index" />
      </View>
    </View>
  )
}
