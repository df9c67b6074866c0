'use strict'
// The sample pilot directory (fictitious organisations; see README).
const sampleDirectory = require('./directory.json')
module.exports = sampleDirectory
module.exports.sampleDirectory = sampleDirectory
module.exports.default = sampleDirectory
