// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { isTransportError } from '@ruhui/core/client'
import { describeTransportContract } from '../../core/test/transport-contract'
import { fakeWxRequest } from '../test/fake-wx-request'
import { type TaroRequestFn, createTaroTransport } from './transport'

describeTransportContract('taro.request', () => createTaroTransport(fakeWxRequest))

describe('taro.request specifics', () => {
  it('asks for text, so the client (not Taro) parses and validates the body', async () => {
    let seen: Parameters<TaroRequestFn>[0] | undefined
    const transport = createTaroTransport((o) => {
      seen = o
      o.success({ statusCode: 200, header: { 'X-Request-Id': 'r1' }, data: '{"a":1}' })
    })
    const res = await transport.send({ method: 'POST', url: 'https://r.example/v1/x', headers: { 'idempotency-key': 'k' }, body: '{}', timeoutMs: 1000 })
    expect(seen?.dataType).not.toBe('json')
    expect(seen?.responseType).toBe('text')
    expect(seen?.header['idempotency-key']).toBe('k')
    expect(res).toEqual({ status: 200, headers: { 'x-request-id': 'r1' }, body: '{"a":1}' })
  })

  it.each([
    ['request:fail interrupted', 'network_error'], // the app went to the background for 5 s
    ['request:fail timeout', 'timeout'],
    ['request:fail abort', 'aborted'],
    ['request:fail -2:net::ERR_NAME_NOT_RESOLVED', 'network_error'],
  ])('"%s" rejects with a TransportError "%s"', async (errMsg, code) => {
    const transport = createTaroTransport((o) => o.fail({ errMsg }))
    const err = await transport.send({ method: 'GET', url: 'https://r.example/', headers: {}, timeoutMs: 1000 }).catch((e: unknown) => e)
    expect(isTransportError(err)).toBe(true)
    expect((err as { code: string }).code).toBe(code)
  })

  it('a host that already parsed JSON still hands the client text', async () => {
    const transport = createTaroTransport((o) => o.success({ statusCode: 201, header: {}, data: { id: 'app_1' } }))
    const res = await transport.send({ method: 'GET', url: 'https://r.example/', headers: {}, timeoutMs: 1000 })
    expect(JSON.parse(res.body)).toEqual({ id: 'app_1' })
  })

  it('a request() that throws synchronously becomes a network_error, and a late success after our timeout is ignored', async () => {
    const throwing = createTaroTransport(() => {
      throw new Error('no request on this host')
    })
    expect(((await throwing.send({ method: 'GET', url: 'x', headers: {}, timeoutMs: 100 }).catch((e: unknown) => e)) as { code: string }).code).toBe('network_error')
    const late = createTaroTransport((o) => void setTimeout(() => o.success({ statusCode: 200, data: 'late' }), 150))
    const err = await late.send({ method: 'GET', url: 'x', headers: {}, timeoutMs: 50 }).catch((e: unknown) => e)
    expect((err as { code: string }).code).toBe('timeout')
  })
})
