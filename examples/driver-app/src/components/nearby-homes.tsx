// 附近的司机之家: the driver's location when the host grants it, else the demo's (南京江宁).
import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { getLocation } from '@tarojs/taro'
import { type DriverHome, driverHomesNear } from '../demo-platform'

const DEMO_PLACE = { lat: 31.95, lng: 118.84, label: '示例位置：南京市江宁区' }

export function NearbyHomes() {
  const [place, setPlace] = useState<{ lat: number; lng: number; label: string }>(DEMO_PLACE)
  const [homes, setHomes] = useState<DriverHome[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    driverHomesNear(place.lat, place.lng).then(setHomes, (e: Error) => setProblem(e.message))
  }, [place])
  const locate = () =>
    getLocation({ type: 'gcj02' }).then(
      (r) => setPlace({ lat: r.latitude, lng: r.longitude, label: '我的位置' }),
      () => setProblem('未能获取位置，显示示例位置附近的司机之家'),
    )
  return (
    <View className="demo-card">
      <Text className="demo-title">附近的司机之家</Text>
      <Text className="demo-text">{place.label}</Text>
      {problem && <Text className="demo-text">{problem}</Text>}
      {homes?.slice(0, 3).map((h) => (
        <View key={h.id} className="demo-home">
          <Text className="demo-home__name">{h.name}</Text>
          <Text className="demo-text">
            {h.distance_m === null ? '' : h.distance_m < 1000 ? `${h.distance_m} 米` : `${(h.distance_m / 1000).toFixed(1)} 公里`} · {h.address}
          </Text>
        </View>
      ))}
      <Button size="mini" onClick={() => void locate()}>
        用我的位置
      </Button>
    </View>
  )
}
