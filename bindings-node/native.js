'use strict'
// Loads the addon: the one scripts/build.js copied next to this file (a checkout of the
// project), else this platform's package, an optional dependency of the published
// package (the napi-rs convention: `qem-client-linux-x64-gnu`, built by scripts/dist.sh
// from npm/linux-x64-gnu).
const fs = require('node:fs')
const path = require('node:path')

/** This platform's package name: `qem-client-<platform>-<arch>[-gnu|-musl]`. */
function platformPackage () {
  let libc = ''
  if (process.platform === 'linux') {
    const header = process.report?.getReport?.().header
    libc = header && !header.glibcVersionRuntime ? '-musl' : '-gnu'
  }
  return `qem-client-${process.platform}-${process.arch}${libc}`
}

const local = path.join(__dirname, 'qem-client.node')
if (fs.existsSync(local)) {
  try {
    module.exports = require(local)
  } catch (e) {
    e.message = `qem-client: cannot load the native addon (${process.platform}-${process.arch}); ` +
      `build it with \`npm run build\`: ${e.message}`
    throw e
  }
} else {
  const name = platformPackage()
  try {
    module.exports = require(name)
  } catch (e) {
    if (e.code === 'MODULE_NOT_FOUND' && e.message.includes(name)) {
      throw new Error(
        `qem-client: no native addon for ${process.platform}-${process.arch}: the package ${name} ` +
        'is not installed. It is an optional dependency of qem-client, installed with it where ' +
        'it exists (published for linux-x64-gnu); elsewhere build from source (`npm run build`).'
      )
    }
    e.message = `qem-client: cannot load ${name}: ${e.message}`
    throw e
  }
}
