/**
 * The home region as plain data for the WXML (issue #18): on the identity step, the place in words
 * (安徽省 合肥市 肥西县 三河镇) or the pilot's provinces as buttons, and the township's own row; the
 * picker as its own full screen, one level at a time, every place a row of the page itself (no
 * scroll box inside the form), how many there are, where the driver is, and the type-ahead.
 * Codes stay in the data attributes, never in the text.
 */
import type { FlowState } from '@ruhui/core/flow'
import type { WeappLabels } from './labels'
import { isReadOnly, messages } from './view-fields'

export function regionPickerView(state: FlowState, t: WeappLabels) {
  const picker = state.regionPicker
  const last = picker.path[picker.path.length - 1]
  const searching = picker.results !== null
  // A type-ahead result says where it is (合肥市 肥西县); a row of the list is its name.
  const rows = searching ? picker.results!.map((r) => ({ code: r.code, name: r.name, where: r.full_name && r.full_name !== r.name ? r.full_name : '' })) : picker.items.map((r) => ({ code: r.code, name: r.name, where: '' }))
  const count = picker.loading ? 0 : rows.length
  return {
    open: picker.open,
    loading: picker.loading,
    /** How deep the driver is (a new level is a new screen: it starts at the top). */
    level: picker.path.length,
    title: t.fields.county,
    where: picker.path.map((r) => r.name).join(' '),
    back: t.regionBack,
    query: picker.query,
    searching,
    count,
    countText: t.regionCount.replace('{n}', String(count)),
    noMatch: searching && !picker.loading && count === 0,
    /** The townships are optional: the driver may leave with the county alone. */
    canSkip: Boolean(last) && last!.level === 'county' && !picker.loading,
    items: rows,
  }
}

/** The home region on the identity step. */
export function placeView(state: FlowState, t: WeappLabels, locale: 'zh-CN' | 'en') {
  const county = state.fields.county
  const words = [state.countyLabel, state.townshipLabel].filter(Boolean).join(' ')
  const chosen = /^\d{6}$/.test(county)
  return {
    /** The place in words ('' until chosen; 请稍候 while a prefilled place's words are on their way: never the code). */
    chosen: chosen ? words || t.busy : '',
    readonly: isReadOnly(state, 'county'),
    /** The pilot's provinces as buttons: one tap opens the picker at that province. */
    provinces: chosen ? [] : state.regionProvinces.map((r) => ({ code: r.code, name: r.name })),
    /** The township (optional) has its own row once the county is chosen. */
    canTownship: chosen && !state.townshipLabel && Boolean(state.countyLabel),
    errors: messages(state.fieldIssues.county, locale),
    picker: regionPickerView(state, t),
  }
}
