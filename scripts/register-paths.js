// Resolves @samad/* imports to the compiled libraries in dist/ when running built code with plain node.
const path = require('node:path');
require('tsconfig-paths').register({
  baseUrl: path.join(__dirname, '..', 'dist'),
  paths: { '@samad/*': ['libs/*/src'] },
});
