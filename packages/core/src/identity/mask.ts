/** Masking for display and logs (DOMAIN.md §6.3): never show or log a full ID number or phone. */

/** '320102198503151230' → '3201**********1230' (first 4 + last 4). */
export function maskIdCard(number: string): string {
  if (number.length <= 8) return '*'.repeat(number.length)
  return number.slice(0, 4) + '*'.repeat(number.length - 8) + number.slice(-4)
}

/** '13812345678' → '138****5678'. */
export function maskMobile(number: string): string {
  if (number.length < 7) return '*'.repeat(number.length)
  return number.slice(0, 3) + '*'.repeat(number.length - 7) + number.slice(-4)
}

/** Keep only the last character: '张三' → '*三'. */
export function maskPersonName(name: string): string {
  const chars = [...name]
  if (chars.length <= 1) return '*'
  return '*'.repeat(chars.length - 1) + chars[chars.length - 1]
}
