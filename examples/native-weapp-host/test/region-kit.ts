// The driver's way through the component's full-screen region picker in miniprogram-simulate: tap
// the row that says the place, level after level, as a driver does (no codes typed).
import { type SimNode, type loadSimulate } from './simulate-kit'

type Simulate = ReturnType<typeof loadSimulate>

const text = (node: SimNode) => node.dom.textContent?.replace(/\s+/g, ' ').trim() ?? ''

/** The names of the rows the picker lists now. */
export const pickerRows = (join: SimNode) => join.querySelectorAll('.ruhui-picker__name').map(text)

type PickerView = { open: boolean; loading: boolean; level: number }
const pickerOf = (join: SimNode) => (join.instance.data.view as { county: { picker: PickerView } }).county.picker

/** Wait until the picker lists the rows of `level` (0: the provinces; a level loads after each tap). */
export async function pickerReady(simulate: Simulate, join: SimNode, level: number, ms = 5000) {
  const end = Date.now() + ms
  for (;;) {
    const picker = pickerOf(join)
    if (picker.open && !picker.loading && picker.level === level && join.querySelectorAll('.ruhui-picker__item').length) return
    if (Date.now() > end) throw new Error(`the region picker did not list anything; it shows: ${text(join).slice(0, 300)}`)
    await simulate.sleep(10)
  }
}

/** Tap the row that names `name`. */
export function tapRow(join: SimNode, name: string) {
  // Each row holds one name: the n-th name is the n-th row's.
  const row = join.querySelectorAll('.ruhui-picker__item')[pickerRows(join).indexOf(name)]
  if (!row) throw new Error(`no row "${name}" in the picker; it lists: ${pickerRows(join).join(', ')}`)
  row.dispatchEvent('tap')
}

/** Wait until the picker has closed (a county chosen closes it). */
export async function pickerClosed(simulate: Simulate, join: SimNode, ms = 5000) {
  const end = Date.now() + ms
  while (pickerOf(join).open) {
    if (Date.now() > end) throw new Error(`the region picker stayed open; it shows: ${text(join).slice(0, 300)}`)
    await simulate.sleep(10)
  }
}

/** On the identity step, tap the province button that names `name` (it opens the picker at that province). */
export function tapProvince(join: SimNode, name: string) {
  const button = join.querySelectorAll('.ruhui-province').find((b) => text(b) === name)
  if (!button) throw new Error(`no province button "${name}"; the step shows: ${text(join).slice(0, 300)}`)
  button.dispatchEvent('tap')
}

/** Wait for the identity step's province buttons (the pilot's provinces arrive in the background). */
export async function provincesShown(simulate: Simulate, join: SimNode, ms = 5000) {
  const end = Date.now() + ms
  while (join.querySelectorAll('.ruhui-province').length === 0) {
    if (Date.now() > end) throw new Error(`no province buttons; the step shows: ${text(join).slice(0, 300)}`)
    await simulate.sleep(10)
  }
}

/**
 * As a driver picks the home region: the province's button on the identity step, then the rows of the
 * full-screen picker down to the county (the picker closes), then — when a fourth name is given — the
 * township from its own row.
 */
export async function pickPlace(simulate: Simulate, join: SimNode, [province, prefecture, county, township]: string[]) {
  await provincesShown(simulate, join)
  tapProvince(join, province!)
  await pickerReady(simulate, join, 1)
  tapRow(join, prefecture!)
  await pickerReady(simulate, join, 2)
  tapRow(join, county!)
  await pickerClosed(simulate, join)
  if (township) {
    join.querySelector('.ruhui-township')!.dispatchEvent('tap')
    await pickerReady(simulate, join, 1)
    tapRow(join, township)
    await pickerClosed(simulate, join)
  }
  await simulate.sleep(10)
}
