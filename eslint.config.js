// Lint: typescript-eslint strict type-checked rules plus the project's boundaries —
// each extension context imports only src/shared and itself; src/shared imports no context;
// only the adapter imports the Genesys SDK; only the logger writes to the console; the worker
// has no DOM.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './eslint-rules/boundaries.js';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'test-results/',
      'artifacts/',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { switchboard: boundaries },
    rules: {
      curly: ['error', 'all'],
      'no-console': 'error',
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `returns<T>()` declares a message's answer type without a value.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Async functions that implement Promise-returning interfaces need not await.
      '@typescript-eslint/require-await': 'off',
      'switchboard/boundaries': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'genesys-cloud-webrtc-sdk',
              message: 'Only src/offscreen/softphone/genesys-softphone.ts imports the SDK.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/offscreen/softphone/genesys-softphone.ts', 'src/offscreen/softphone/sdk-*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: [
      'src/shared/logger.ts',
      'e2e/**',
      'emulators/**',
      'scripts/**',
      'bench/**',
      'src/offscreen/softphone/browser/**',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['src/background/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The service worker has no window.' },
        { name: 'document', message: 'The service worker has no DOM.' },
        { name: 'localStorage', message: 'Use chrome.storage in the service worker.' },
      ],
    },
  },
  {
    files: [
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/*.testkit.ts',
      'src/test/**',
      'src/offscreen/softphone/browser/**',
      'e2e/**',
      'emulators/**',
      'bench/**',
      'scripts/**',
      'meta/**',
    ],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-implied-eval': 'off',
      'no-control-regex': 'off',
      'max-lines': 'off',
    },
  },
);
