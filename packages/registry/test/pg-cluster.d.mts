export interface PgCluster {
  url: string
  stop(): void
}
export declare function startPgCluster(): Promise<PgCluster>
export declare function createDatabase(clusterUrl: string, name: string): string
