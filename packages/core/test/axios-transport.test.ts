import { createAxiosTransport } from '@ruhui/core/axios'
import { describeTransportContract } from './transport-contract'

describeTransportContract('axios', () => createAxiosTransport())
