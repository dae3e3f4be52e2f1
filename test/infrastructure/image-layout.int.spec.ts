// The production image's layout, without Docker: the production dependencies from package-lock.json only
// (what `npm ci --omit=dev` installs), the compiled dist/ and register-paths.js, as infra/k8s/Dockerfile copies
// them, in a temporary folder. A service started from it must come up, so a runtime import of a
// devDependency (or of something outside the layout) fails here rather than in the cluster.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot, testEnv, waitFor } from '../support/environment';

interface LockedPackage {
  dev?: boolean;
}

/** Top-level packages `npm ci --omit=dev` installs: every lock entry not marked dev (nested ones live inside them). */
export function productionPackages(): string[] {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockedPackage>;
  };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev)
    .map(([path]) => path.slice('node_modules/'.length))
    .filter((name) => !name.includes('/node_modules/'));
}

describe('the production image layout', () => {
  const app = mkdtempSync(join(tmpdir(), 'samad-image-'));
  const port = 39000 + (process.pid % 1000);

  beforeAll(() => {
    // The Dockerfile's runtime stage: package.json, production node_modules, dist/{apps,libs,scripts}, register-paths.js.
    cpSync(join(repoRoot, 'package.json'), join(app, 'package.json'));
    for (const name of productionPackages()) {
      const target = join(app, 'node_modules', name);
      mkdirSync(dirname(target), { recursive: true });
      // A link to the installed copy: the package itself is the same files the image gets.
      symlinkSync(join(repoRoot, 'node_modules', name), target, 'dir');
    }
    for (const part of ['apps', 'libs', 'scripts'])
      cpSync(join(repoRoot, 'dist', part), join(app, 'dist', part), { recursive: true });
    cpSync(join(repoRoot, 'scripts', 'register-paths.js'), join(app, 'scripts', 'register-paths.js'));
    // The token public key a pod mounts from Secret samad-auth-keys.
    const { publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(join(app, 'public-key.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  });
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it('leaves the devDependencies out', () => {
    const packages = productionPackages();
    expect(packages).toContain('kafkajs');
    expect(packages).not.toContain('jest');
    expect(packages).not.toContain('typescript');
  });

  it('starts routing from it, as the image does, and answers GET /health/live', async () => {
    let output = '';
    const child = spawn(
      process.execPath,
      ['-r', './scripts/register-paths.js', 'dist/apps/routing/src/main.js'],
      {
        cwd: app,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          DATABASE_URL: testEnv.databaseUrl,
          KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
          AUTH_PUBLIC_KEY_FILE: join(app, 'public-key.pem'),
          PERSONAL_DATA_SECRET: 'image-layout-test-personal-data-secret-0123456789',
          ROUTING_PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const live = waitFor(
        'routing /health/live',
        async () => ((await fetch(`http://127.0.0.1:${port}/health/live`)).status === 200 ? true : undefined),
        { timeoutMs: 60000 },
      );
      // A missing module ends the process at once: fail with its output instead of waiting.
      const died = exited.then((code) => {
        throw new Error(`routing exited (${code}) from the image layout:\n${output}`);
      });
      await Promise.race([live, died]);
      died.catch(() => undefined); // the stop below ends it too
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
