// Synthetic identity numbers for tests: the check character is computed, never copied
// from a real person (house rule 13).
import { calcIdCardCheckDigit } from '@ruhui/core'

/** Build an 18-character number from a 6-digit address code, 'YYYYMMDD' and a 3-digit sequence. */
export function makeIdNumber(address: string, birth: string, sequence = '123'): string {
  const body = `${address}${birth}${sequence}`
  return body + calcIdCardCheckDigit(body)
}

/** Change one character of a number to a different one of the same class. */
export function flipChar(number: string, index: number, to: string): string {
  return number.slice(0, index) + to + number.slice(index + 1)
}
