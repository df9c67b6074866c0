// Paste a join session your platform's backend minted (POST /v1/join-sessions) to try the plugin.
Page({ data: { registryUrl: 'https://registry.example.org', sessionId: '', joinToken: '' } })
