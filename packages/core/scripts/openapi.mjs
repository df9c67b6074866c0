// Builds the OpenAPI 3.1 document from @ruhui/core/contract: one source of truth for the wire.
// Used by gen-openapi.mjs (writes openapi.json) and by the test that checks the committed file.
import * as z from 'zod/mini'

const COMPONENTS = {
  Error: 'errorBody',
  Health: 'health',
  JoinSessionCreate: 'joinSessionCreate',
  JoinSession: 'joinSession',
  ApplicationSubmit: 'applicationSubmit',
  Application: 'application',
  PlatformApplication: 'platformApplication',
  ConsentTextList: 'consentTextList',
  TransferRequest: 'transferRequest',
  Transfer: 'transfer',
  PlatformTransfer: 'platformTransfer',
  MatchRequest: 'matchRequest',
  OrganisationMatch: 'organisationMatch',
  OrganisationList: 'organisationList',
  MemberServiceList: 'memberServiceList',
  Event: 'event',
}

function schemaOf(s) {
  const { $schema, ...rest } = z.toJSONSchema(s, { target: 'draft-2020-12', unrepresentable: 'any' })
  return rest
}

/** @param {typeof import('@ruhui/core/contract')} contract */
export function buildOpenApi(contract) {
  const nameOf = new Map(Object.entries(COMPONENTS).map(([name, key]) => [contract[key], name]))
  const ref = (s) => (nameOf.has(s) ? { $ref: `#/components/schemas/${nameOf.get(s)}` } : schemaOf(s))
  const schemas = Object.fromEntries(Object.entries(COMPONENTS).map(([name, key]) => [name, schemaOf(contract[key])]))

  const paths = {}
  for (const [key, route] of Object.entries(contract.ROUTES)) {
    const parameters = [{ $ref: '#/components/parameters/RuhuiVersion' }]
    if (route.path.includes('{id}')) parameters.push({ name: 'id', in: 'path', required: true, schema: { type: 'string' } })
    if (route.method === 'POST') parameters.push({ $ref: '#/components/parameters/IdempotencyKey' })
    if (route.query) {
      const q = schemaOf(route.query)
      for (const [name, schema] of Object.entries(q.properties ?? {})) parameters.push({ name, in: 'query', required: (q.required ?? []).includes(name), schema })
    }
    const op = {
      operationId: route.name,
      summary: contract.ROUTE_SUMMARIES[key],
      tags: [route.name.split('.')[0]],
      security: route.auth === 'none' ? [] : route.auth === 'either' ? [{ secretKey: [] }, { joinToken: [] }] : [{ [route.auth === 'secret_key' ? 'secretKey' : 'joinToken']: [] }],
      parameters,
      responses: {
        [String(route.status)]: route.platformResponse
          ? { description: 'OK. 司机（入会令牌）得到 the driver’s view (join token); 平台（密钥）只得到状态 the platform’s view (secret key): status, not membership', content: { 'application/json': { schema: { oneOf: [ref(route.response), ref(route.platformResponse)] } } } }
          : { description: 'OK', content: { 'application/json': { schema: ref(route.response) } } },
        '4XX': { $ref: '#/components/responses/Error' },
        '5XX': { $ref: '#/components/responses/Error' },
      },
    }
    if (route.body) op.requestBody = { required: true, content: { 'application/json': { schema: ref(route.body) } } }
    paths[route.path] ??= {}
    paths[route.path][route.method.toLowerCase()] = op
  }

  const tags = [...new Set([...Object.values(contract.ROUTES).map((r) => r.name.split('.')[0]), 'webhooks'])].sort().map((name) => ({ name, description: `${name} resource` }))
  return {
    openapi: '3.1.0',
    info: {
      title: 'ruhui registry API（工会登记系统接口）',
      version: contract.API_VERSION,
      description:
        '货车司机网上入会：平台后台用密钥创建入会会话，司机端用入会令牌提交申请。Snake_case on the wire, `Ruhui-Version` dated versions, times in +08:00, prefixed ids. ' +
        'Every error has one shape: `{ error: { type, code, message, param?, request_id } }`. Generated from @ruhui/core/contract by scripts/gen-openapi.mjs; do not edit.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: '本机登记系统 local registry (npm start)' }],
    tags,
    paths,
    webhooks: {
      event: {
        post: {
          operationId: 'webhooks.event',
          summary: '登记系统推送给平台的事件（只含状态，不含个人信息） An event the registry sends to the platform: status only, no personal data',
          tags: ['webhooks'],
          security: [],
          parameters: [
            {
              name: 'Ruhui-Signature',
              in: 'header',
              required: true,
              description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">[,v1=…]; verify with verifyWebhook (@ruhui/core/node) or verifyWebhookAsync (@ruhui/core/webhooks)',
              schema: { type: 'string' },
            },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Event' } } } },
          responses: { '200': { description: 'Received' }, '400': { description: 'Signature not valid; the registry retries with backoff' } },
        },
      },
    },
    components: {
      securitySchemes: {
        secretKey: { type: 'http', scheme: 'bearer', description: '平台密钥 (sk_…)：只在平台后台使用 The platform’s secret key, server-side only' },
        joinToken: { type: 'http', scheme: 'bearer', description: '入会令牌 (jt_…)：短期有效，只对应一位司机的一个会话 A short-lived token for one driver’s session' },
      },
      parameters: {
        RuhuiVersion: { name: 'Ruhui-Version', in: 'header', required: false, description: 'API version, e.g. 2026-11-01', schema: { type: 'string', example: contract.API_VERSION } },
        IdempotencyKey: { name: 'Idempotency-Key', in: 'header', required: false, description: '同一个键重试不会重复创建 Retries with the same key never create twice', schema: { type: 'string', maxLength: 255 } },
      },
      responses: { Error: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
      schemas,
    },
  }
}

export function serialize(doc) {
  return `${JSON.stringify(doc, null, 2)}\n`
}
