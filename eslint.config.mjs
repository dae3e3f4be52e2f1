// Lint rules: typescript-eslint recommended, Prettier owns formatting, Nx enforces the architecture.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

// Framework and infrastructure packages that pure libraries must never import.
const infrastructure = ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', '@eventstore/*', 'express'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', '.local/**', '.nx/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // Test code may use the shared test harness in test/support.
          allow: ['/test/support/'],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:domain',
                'type:data-access',
                'type:application',
                'type:platform',
              ],
            },
            {
              sourceTag: 'type:platform',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:domain',
                'type:data-access',
                'type:application',
                'type:platform',
              ],
            },
            // The application layer (load → decide → append) is framework-free: no NestJS, no service-kit.
            {
              sourceTag: 'type:application',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:data-access'],
              bannedExternalImports: infrastructure,
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:data-access'],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'],
              bannedExternalImports: infrastructure,
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts'],
              bannedExternalImports: infrastructure,
            },
            { sourceTag: 'scope:intake', onlyDependOnLibsWithTags: ['scope:intake', 'scope:shared'] },
            { sourceTag: 'scope:routing', onlyDependOnLibsWithTags: ['scope:routing', 'scope:shared'] },
            { sourceTag: 'scope:agency', onlyDependOnLibsWithTags: ['scope:agency', 'scope:shared'] },
            { sourceTag: 'scope:reporting', onlyDependOnLibsWithTags: ['scope:reporting', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
);
