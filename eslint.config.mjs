// Type-aware lint; workflows are additionally barred from Node built-ins (they run in Temporal's sandbox).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const libsThroughAliases = {
  group: ['../../libs/*', '../../../libs/*', '**/libs/*/src/*'],
  message: 'Import libs through @luyue/<lib>.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      '.tools/**',
      '.venv-fuzz/**',
      'coverage/**',
      '*.mjs',
      '*.js',
      'scripts/*.js',
      'test/helpers/*.js',
      'test/replay/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [libsThroughAliases],
        },
      ],
    },
  },
  {
    // Request DTOs: a field left out is fine, a null where the document says string is not.
    files: ['apps/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message:
                'Use Omittable() (common/field.validators.ts): IsOptional lets null through.',
            },
          ],
          patterns: [libsThroughAliases],
        },
      ],
    },
  },
  {
    files: ['libs/persistence/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@luyue/*', '!@luyue/domain'],
              message: 'libs/persistence depends on @luyue/domain only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/security/src/report-import/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@luyue/*', '!@luyue/domain', '!@luyue/security/definitions'],
              message:
                'The report parsers depend on @luyue/domain and the pure security definitions only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'libs/security/src/{finding.grouping,security-finding.types,security-notice.types,report-refusal.types,report-refused.error}.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'The finding vocabulary is pure: no Node built-ins.',
          })),
        },
      ],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'Workflows are deterministic: no Node built-ins.',
            })),
            ...[
              '@luyue/requirement',
              '@luyue/change-request',
              '@luyue/security',
              '@luyue/fault-ticket',
              '@luyue/duty',
              '@luyue/assessment',
            ].map((name) => ({
              name,
              message: `Workflows import the pure ${name}/definitions only.`,
            })),
          ],
          patterns: [
            {
              group: ['@temporalio/*', '!@temporalio/workflow', '!@temporalio/common'],
              message: 'Workflows import only @temporalio/workflow.',
            },
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'pg',
                '@luyue/persistence',
                '@luyue/notifications',
                '@luyue/devstack',
              ],
              message:
                'Workflows import only @temporalio/workflow, @luyue/domain and the pure `@luyue/<process>/definitions`.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
);
