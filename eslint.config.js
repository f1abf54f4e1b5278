// Lint rules, errors only (no warnings kept as debt). The boundary rules below are the architecture:
// breaking them fails `npm test`, and tests/lint/boundaries.test.ts proves each one catches a violation.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'tls',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

const noNode = {
  group: ['node:*', ...NODE_BUILTINS],
  message: "Browser code must not import Node modules: it runs in the reader's browser.",
};
const noBuildCode = {
  group: ['**/ingest/**', '**/prerender/**', 'vite', 'tsx', 'tsx/*', 'eld', 'eld/*'],
  message: 'Browser code must not import build-time code: share types through src/shared.',
};
const noReact = {
  group: [
    'react',
    'react/*',
    'react-dom',
    'react-dom/*',
    'react-router',
    'react-router/*',
    'dompurify',
    '**/app/**',
    '**/sw/**',
  ],
  message: 'Build-time code must not import React or the app: it reads files and writes JSON.',
};

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', '.cache/', 'node_modules/', 'tests/e2e/screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Article text is never HTML. Render text nodes; any HTML goes through src/app/sanitize.tsx only.',
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/sw/**/*.ts', 'public/**/*.js'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [noNode, noBuildCode] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', '__filename', 'require', 'global'],
    },
  },
  {
    files: ['src/ingest/**/*.ts', 'src/prerender/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', { patterns: [noReact] }] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noNode, noBuildCode, noReact] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'bin/**/*.js', '*.config.{js,ts}', 'scripts/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
