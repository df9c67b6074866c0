/**
 * The e-card's QR code, drawn on the device: encoded here (uqr, no DOM, no canvas) and drawn as
 * boxes, one per run of dark modules in a row (View on every Taro target, a div on h5). Nothing
 * leaves the phone to draw it. Error correction M: a scuffed screen still scans.
 */
import { useMemo } from 'react'
import { View } from '@tarojs/components'
import { qrRows, runBox } from '@ruhui/core/member'
import { encode } from 'uqr'
import { a11yLabel, a11yRole } from './a11y'

export interface MemberCardQrProps {
  /** The text the code holds (the card's `qr_payload`, or the verify address made from it). */
  value: string
  /** Read out instead of the code. */
  label: string
  /** Drawn faded, with the words over it, when the card no longer counts. */
  revoked?: boolean
  className?: string
}

export function MemberCardQr({ value, label, revoked, className }: MemberCardQrProps) {
  const code = useMemo(() => qrRows(encode(value, { ecc: 'M', border: 0 }).data), [value])
  return (
    <View className={`ruhui-qr ${revoked ? 'ruhui-qr--revoked' : ''} ${className ?? ''}`.trim()} {...a11yRole('img')} {...a11yLabel(label)} data-size={String(code.size)}>
      {code.rows.map((runs, y) =>
        runs.map((run) => {
          const box = runBox(run, y, code.size)
          return <View key={`${y}-${run.x}`} className="ruhui-qr__run" style={{ left: box.left, top: box.top, width: box.width, height: box.height }} />
        }),
      )}
    </View>
  )
}
