import { Text, View } from '@tarojs/components'
import { JoinUnionLink } from '@ruhui/taro/link'
import { NearbyHomes } from '../../components/nearby-homes'

export default function Index() {
  return (
    <View className="demo-page">
      <View className="demo-card">
        <Text className="demo-title">今日货源</Text>
        <Text className="demo-text">南京 → 合肥 · 9.6 米厢车 · 12 吨</Text>
        <Text className="demo-text">苏州 → 芜湖 · 4.2 米厢车 · 3 吨</Text>
      </View>
      <View className="demo-card">
        <Text className="demo-title">司机工会</Text>
        <Text className="demo-text">在线加入工会，享受关爱基金、意外伤害保障和司机之家服务。</Text>
        <JoinUnionLink url="/join/pages/flow/index" />
      </View>
      <NearbyHomes />
    </View>
  )
}
