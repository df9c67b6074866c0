/** `@ruhui/core/webhooks`: async (WebCrypto) webhook signing and verification. Sync Node variant: `@ruhui/core/node`. */
export { signWebhookAsync, verifyWebhookAsync, hmacSha256HexAsync } from './webcrypto'
export { WebhookSignatureError, isWebhookSignatureError, SIGNATURE_HEADER, DEFAULT_TOLERANCE_SECONDS, parseSignatureHeader } from './signature'
export type { WebhookErrorCode, VerifyOptions, SignOptions, ParsedHeader } from './signature'
