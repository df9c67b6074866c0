// The sample pilot directory (fictitious organisations; see README). Node only: it reads the JSON file.
import { createRequire } from 'node:module'

/** @type {import('./index.d.ts').SampleDirectoryFile} */
export const sampleDirectory = createRequire(import.meta.url)('./directory.json')
export default sampleDirectory
