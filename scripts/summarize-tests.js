// Prints the plain closing line CI reads: "N passed, N failed" (counts of tests), lint included as one check.
const fs = require('node:fs');
const [file, checksFailed] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const results = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  skipped = results.numPendingTests + results.numTodoTests;
  // The ten slowest files, so the suite's length can be watched run by run.
  const seconds = (r) => (r.endTime - r.startTime) / 1000;
  const slowest = [...results.testResults].sort((a, b) => seconds(b) - seconds(a)).slice(0, 10);
  console.log('slowest test files:');
  for (const r of slowest)
    console.log(`  ${seconds(r).toFixed(0).padStart(5)} s  ${r.name.replace(process.cwd() + '/', '')}`);
} catch {
  failed = 1; // no results file means Jest itself could not run
}
if (checksFailed === '1') {
  console.log('lint, format or type check failed (see above)');
  failed += 1;
} else {
  passed += 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
