export declare function buildOpenApi(contract: typeof import('@ruhui/core/contract')): Record<string, unknown>
export declare function serialize(doc: unknown): string
