'use strict'
// Loads the addon that scripts/build.js copied next to this file.
const path = require('node:path')

try {
  module.exports = require(path.join(__dirname, 'qem-client.node'))
} catch (e) {
  e.message = `qem-client: cannot load the native addon (${process.platform}-${process.arch}); ` +
    `build it with \`npm run build\`: ${e.message}`
  throw e
}
