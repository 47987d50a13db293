'use strict'
// The first call, as the README shows it: connect, read a task, close.
//   QEM_URL=https://host/attunityenterprisemanager QEM_USER='DOMAIN\user' QEM_PASSWORD=... \
//     node first_call.js          (QEM_CA_FILE: a CA bundle for a self-signed server)
const { AemClient } = require('qem-client')

async function main () {
  const url = new URL(process.env.QEM_URL)
  const client = await AemClient.connect(
    { host: url.hostname, port: Number(url.port || 443), urlSuffix: url.pathname.slice(1), caFile: process.env.QEM_CA_FILE },
    { username: process.env.QEM_USER || 'QEM\\admin', password: process.env.QEM_PASSWORD || 'admin-pass' }
  )
  try {
    const details = await client.getTaskDetails('Local Server', 'SalesDBBackup')
    console.log('first call:', details.name, details.state)
  } finally {
    await client.close()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
