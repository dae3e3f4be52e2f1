#!/usr/bin/env node
// `npx samad …`: the auditors' command (built by `npm run build`; see apps/auditor-cli).
require('../../../scripts/register-paths.js');
require('../../../dist/apps/auditor-cli/src/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
