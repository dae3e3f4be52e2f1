// One Jest run for the whole workspace; test level is in the file name (*.unit / *.int / *.e2e.spec.ts).
const { pathsToModuleNameMapper } = require('ts-jest');
const { spawnSync } = require('node:child_process');
const { compilerOptions } = require('./tsconfig.base.json');

// Suites against a server this machine may not have: run only when it is named, and say so when not
// (rather than register a skipped placeholder test).
const serverSuites = [
  {
    file: 'eventstoredb-event-store.int.spec.ts',
    configured: process.env.EVENTSTOREDB_URL ?? process.env.EVENTSTORE_CONNECTION_STRING,
    why: 'no EventStoreDB/KurrentDB server: set EVENTSTOREDB_URL (e.g. esdb://127.0.0.1:2113?tls=false)',
  },
  {
    file: 's3-attachment.storage.int.spec.ts',
    configured: process.env.S3_ENDPOINT,
    why: 'no S3-compatible store: set S3_ENDPOINT (and S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY)',
  },
  {
    file: 'console-nginx.int.spec.ts',
    configured: spawnSync(process.env.NGINX_BIN ?? 'nginx', ['-v']).status === 0,
    why: 'no nginx to run the console image’s configuration with: apt-get install nginx-light (or set NGINX_BIN)',
  },
];
const notRun = serverSuites.filter((suite) => !suite.configured);
for (const suite of notRun) console.warn(`jest: not running ${suite.file}: ${suite.why}`);

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    ...notRun.map((suite) => `/${suite.file.replace(/\./g, '\\.')}$`),
  ],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testTimeout: 60000,
  // Integration tests share one broker and one database; run files one at a time. scripts/test.sh runs two
  // such halves side by side, each on a broker and database of its own (test/support/shard-sequencer.js).
  maxWorkers: 1,
  testSequencer: '<rootDir>/test/support/shard-sequencer.js',
};
