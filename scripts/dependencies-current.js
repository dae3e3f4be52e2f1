// Exit 0 when node_modules already holds what package-lock.json pins, 1 when `npm ci` is needed.
// Compares contents, not file times: a fresh checkout (a git worktree, a clone) has a newer
// package-lock.json than a node_modules installed earlier, and must not reinstall a shared one.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const read = (file) => JSON.parse(readFileSync(join(root, file), 'utf8')).packages ?? {};
try {
  const wanted = read('package-lock.json');
  const installed = read('node_modules/.package-lock.json');
  const stale = Object.entries(wanted).filter(
    // Optional packages for other platforms are never installed here.
    ([path, pkg]) => path !== '' && !pkg.optional && installed[path]?.version !== pkg.version,
  );
  process.exit(stale.length === 0 ? 0 : 1);
} catch {
  process.exit(1); // no node_modules yet, or an unreadable lock file
}
