import { execFileSync, spawnSync } from 'node:child_process';
import { repoRoot } from '../support/environment';

// The architecture rules are real only if the linter refuses a violation; prove it on sample code.
describe('module boundaries (Nx tags, enforced by ESLint)', () => {
  const env = { ...process.env, NX_DAEMON: 'false' };

  beforeAll(() => {
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: repoRoot, env });
  });

  const lint = (file: string, code: string): string => {
    const eslint = `${repoRoot}/node_modules/.bin/eslint`;
    const result = spawnSync(
      eslint,
      ['--stdin', '--stdin-filename', `${repoRoot}/${file}`, '--format', 'json'],
      {
        cwd: repoRoot,
        env,
        input: code,
        encoding: 'utf8',
      },
    );
    const [report] = JSON.parse(result.stdout) as { messages: { message: string }[] }[];
    return report.messages.map((m) => m.message).join('\n');
  };

  it.each(['@nestjs/common', 'typeorm', 'kafkajs', 'pg'])('a domain library may not import %s', (pkg) => {
    const output = lint(
      'libs/request-lifecycle/src/sample.ts',
      `import * as x from '${pkg}';\nexport const y = x;\n`,
    );
    expect(output).toContain(`A project tagged with "type:domain" is not allowed to import "${pkg}"`);
  });

  it('the contracts library may not import a Kafka client either', () => {
    const output = lint(
      'libs/events/src/sample.ts',
      `import { Kafka } from 'kafkajs';\nexport const y = Kafka;\n`,
    );
    expect(output).toContain('A project tagged with "type:contracts" is not allowed to import "kafkajs"');
  });

  it.each(['@nestjs/common', '@nestjs/typeorm', 'kafkajs', 'typeorm'])(
    'the application library may not import %s',
    (pkg) => {
      const output = lint(
        'libs/request-application/src/sample.ts',
        `import * as x from '${pkg}';\nexport const y = x;\n`,
      );
      expect(output).toContain(`A project tagged with "type:application" is not allowed to import "${pkg}"`);
    },
  );

  it('the application library may not depend on the service kit', () => {
    const output = lint(
      'libs/request-application/src/sample.ts',
      `import { EVENT_STORE } from '@samad/service-kit';\nexport const y = EVENT_STORE;\n`,
    );
    // Refused by the tag rule, and (since the service kit uses the library) as a dependency cycle too.
    expect(output).toMatch(
      /"type:application" can only depend on|Circular dependency between "request-application" and "service-kit"/,
    );
  });

  it('services and the service kit may use the application library', () => {
    const code = `import { handleRequestCommand } from '@samad/request-application';\nexport const y = handleRequestCommand;\n`;
    expect(lint('apps/routing/src/sample.ts', code)).toBe('');
    expect(lint('libs/service-kit/src/sample.ts', code)).toBe('');
  });

  it('a service may not import another service', () => {
    const output = lint(
      'apps/intake/src/sample.ts',
      `import { RoutingModule } from '../../routing/src/routing.module';\nexport const y = RoutingModule;\n`,
    );
    expect(output).toContain('Projects cannot be imported by a relative or absolute path');
  });

  it('a service may import the shared contracts', () => {
    const output = lint(
      'apps/intake/src/sample.ts',
      `import { Topics } from '@samad/events';\nexport const y = Topics;\n`,
    );
    expect(output).toBe('');
  });
});
