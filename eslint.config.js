// The walls of architecture.md, enforced: electron only in the shell, no Node in the renderer,
// a pure engine, and neither side reaching into the other except through shared/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const electronOnlyInShell = {
  paths: [{ name: 'electron', message: 'electron is imported only under electron/main and electron/preload.' }],
  patterns: [{ group: ['electron-log/main', 'electron-log/renderer'], message: 'Use the injected Logger.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-restricted-imports': ['error', electronOnlyInShell],
    },
  },
  {
    files: ['electron/main/**', 'electron/preload/**', 'test/electron/**'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['electron/engine/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...electronOnlyInShell.paths,
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The engine is pure: no Node modules.',
              allowTypeImports: true,
            })),
          ],
          patterns: [
            {
              group: ['**/session/**', '**/preview/**', '**/cli/**', '**/logbundle/**', '**/main/**', '**/renderer/**'],
              message: 'The engine depends on nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/unit/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...electronOnlyInShell.paths,
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer never imports Node modules.' })),
            { name: 'zod', message: 'Validation happens in main; the renderer trusts its snapshot.' },
          ],
          patterns: [
            { group: ['**/electron/**'], message: 'The renderer talks to main only through shared/contract.' },
          ],
        },
      ],
    },
  },
);
