import { createFetchTransport } from '@ruhui/core/client'
import { describeTransportContract } from './transport-contract'

describeTransportContract('fetch', () => createFetchTransport())
