/**
 * The home-region picker (issue #18): a full-screen list per level, the count shown, and type-ahead that
 * matches names and pinyin initials ("hf" → 合肥市). Places are shown in words, never as codes.
 */
import { Input, Text, View } from '@tarojs/components'
import { a11yLabel, a11yRole } from '../a11y'
import type { StepProps } from './step-props'

export function RegionPicker({ state, flow, labels }: Omit<StepProps, 'props'>) {
  const picker = state.regionPicker
  const list = picker.results ?? picker.items
  const where = picker.path.map((r) => r.name).join(' ')
  return (
    <View className="ruhui-overlay ruhui-picker" {...a11yRole('dialog')} {...a11yLabel(labels.fields.county)}>
      <View className="ruhui-picker__head">
        <View {...a11yRole('button')} className="ruhui-picker__back" onClick={() => void flow.regionPickerBack()}>
          <Text>{`‹ ${labels.regionBack}`}</Text>
        </View>
        <Text className="ruhui-title ruhui-picker__where">{where || labels.fields.county}</Text>
        <Input
          className="ruhui-input ruhui-picker__search"
          {...a11yLabel(labels.regionSearch)}
          value={picker.query}
          placeholder={labels.regionSearch}
          maxlength={20}
          onInput={(e) => void flow.searchRegions(e.detail.value)}
        />
        <Text className="ruhui-muted ruhui-picker__count">{picker.loading ? labels.busy : labels.regionCount.replace('{n}', String(list.length))}</Text>
      </View>
      <View {...a11yRole('listbox')} className="ruhui-picker__list">
        {!picker.loading && list.length === 0 && picker.results && <Text className="ruhui-muted">{labels.regionNoMatch}</Text>}
        {list.map((r) => (
          <View key={r.code} {...a11yRole('option')} className="ruhui-picker__item" onClick={() => void flow.pickRegion(r.code)}>
            <Text className="ruhui-picker__name">{r.name}</Text>
            {picker.results && r.full_name && r.full_name !== r.name && <Text className="ruhui-muted">{r.full_name}</Text>}
          </View>
        ))}
      </View>
    </View>
  )
}
