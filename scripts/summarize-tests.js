// Prints the plain closing line CI reads: "N passed, N failed" (counts of tests), lint included as one check.
// Usage: summarize-tests.js <checksFailed 0|1> <jest --json result file>...
const fs = require('node:fs');
const [checksFailed, ...files] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const fileResults = [];
for (const file of files) {
  try {
    const results = JSON.parse(fs.readFileSync(file, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
    skipped += results.numPendingTests + results.numTodoTests;
    fileResults.push(...results.testResults);
  } catch {
    console.log(`no test results in ${file}: Jest itself could not run`);
    failed += 1;
  }
}
// The ten slowest files, so the suite's length can be watched run by run.
const seconds = (r) => (r.endTime - r.startTime) / 1000;
console.log('slowest test files:');
for (const r of [...fileResults].sort((a, b) => seconds(b) - seconds(a)).slice(0, 10)) {
  console.log(`  ${seconds(r).toFixed(0).padStart(5)} s  ${r.name.replace(process.cwd() + '/', '')}`);
}
if (checksFailed === '1') {
  console.log('lint, format or type check failed (see above)');
  failed += 1;
} else {
  passed += 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
