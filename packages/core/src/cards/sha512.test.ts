import { createHash, randomBytes } from 'node:crypto'
import { expect, it } from 'vitest'
import { sha512 } from './sha512'

it('matches node:crypto for the FIPS vectors and lengths around every block boundary', () => {
  expect(Buffer.from(sha512(new Uint8Array())).toString('hex')).toBe('cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e')
  expect(Buffer.from(sha512(new TextEncoder().encode('abc'))).toString('hex')).toBe('ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f')
  for (let n = 0; n <= 300; n++) {
    const m = randomBytes(n)
    expect(Buffer.from(sha512(m)).toString('hex'), `length ${n}`).toBe(createHash('sha512').update(m).digest('hex'))
  }
})
