/**
 * `loading` and `disabled` only when true: on h5 Taro's button is a web component, and an
 * attribute `disabled="false"` still matches its `[disabled]` style (greyed-out text).
 */
export function buttonState(loading: boolean, disabled: boolean): { loading?: true; disabled?: true } {
  return { ...(loading ? { loading: true as const } : {}), ...(disabled ? { disabled: true as const } : {}) }
}
