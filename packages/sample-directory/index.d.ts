/** A ruhui directory file marked as sample data (same shape as `DirectoryFile` in `@ruhui/core/matching`). */
export interface SampleDirectoryFile {
  format: 'ruhui-directory'
  version: 1
  sample: true
  notice: string
  generatedFrom: string
  /** The fictitious platforms the sample refers to. */
  platforms: Array<{ id: string; name: string; uscc: string; sample: true }>
  /** Logistics parks drivers may name (`GET /v1/parks?county=`). */
  parks: Array<{ id: string; name: string; county: string }>
  organisations: Array<Record<string, unknown> & { id: string; name: string; type: string; level: string; regionCode: string }>
}
export declare const sampleDirectory: SampleDirectoryFile
export default sampleDirectory
