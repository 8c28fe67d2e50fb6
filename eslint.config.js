// The walls of the house, enforced. Every folder ("room") lists the rooms it may import; lint
// refuses every other arrow, so no two rooms can import each other and the data flows one way:
// scenario → engine → record/facts → projections (session, diagnostics, log bundle) → hosts.
// `electron` itself is imported only by the desktop host; the engine and the renderer use no Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Each room: its folder, the rooms it may import, and whether it may use Node's modules. */
const ROOMS = {
  shared: { files: ['shared/**'], may: [], node: false },
  logging: { files: ['electron/core/logging/**'], may: ['shared'], node: true },
  filters: { files: ['electron/core/filters/**'], may: ['shared'], node: false },
  scenario: { files: ['electron/core/scenario/**'], may: ['shared', 'filters', 'logging'], node: true },
  engine: { files: ['electron/core/engine/**'], may: ['shared', 'filters', 'scenario'], node: false },
  facts: { files: ['electron/core/facts/**'], may: ['shared', 'scenario', 'engine'], node: true },
  session: {
    files: ['electron/core/session/**'],
    may: ['shared', 'scenario', 'engine', 'logging', 'identities'],
    node: true,
  },
  /** Training mode: the ground truth of a round (its own bundle, diagnosed), grading, results per trainee. */
  training: {
    files: ['electron/core/training/**'],
    may: ['shared', 'scenario', 'engine', 'facts', 'analysis', 'logbundle'],
    node: true,
  },
  /** Screenshot-safe identities: a scenario's real names replaced by generated ones (anonymizeScenario). */
  identities: { files: ['electron/core/identities/**'], may: ['shared', 'scenario'], node: true },
  diagnostics: {
    files: ['electron/core/diagnostics/**'],
    may: ['shared', 'scenario', 'engine', 'facts'],
    node: false,
  },
  analysis: {
    files: ['electron/core/analysis/**'],
    may: ['shared', 'scenario', 'engine', 'facts'],
    node: false,
  },
  /** The operator console's host side: the library, edits previewed on the session, Explain. */
  authoring: {
    files: ['electron/core/authoring/**'],
    // logbundle: the Run view diagnoses the bundle generated in memory for the current run.
    // planner: the Timeout planner page plans the scenario on the device screen, as `esp-sim plan` does.
    may: [
      'shared',
      'scenario',
      'engine',
      'facts',
      'session',
      'analysis',
      'logging',
      'logbundle',
      'training',
      'planner',
    ],
    node: true,
  },
  logbundle: {
    files: ['electron/core/logbundle/**'],
    may: ['shared', 'scenario', 'engine', 'facts', 'diagnostics', 'session', 'logging'],
    node: true,
  },
  /** esp-sim plan: many devices through the engine, on worker threads (node:worker_threads). */
  planner: { files: ['electron/core/planner/**'], may: ['shared', 'scenario', 'engine'], node: true },
  cli: { files: ['electron/cli/**'], may: ['shared', 'core'], node: true },
  preview: { files: ['electron/preview/**'], may: ['shared', 'core'], node: true },
  desktop: { files: ['electron/desktop/main/**'], may: ['shared', 'core'], node: true, electron: true },
  preload: { files: ['electron/desktop/preload/**'], may: ['shared'], node: false, electron: true },
  renderer: { files: ['renderer/**/*.{ts,tsx}'], may: ['shared'], node: false },
};
const CORE = [
  'logging',
  'filters',
  'scenario',
  'engine',
  'facts',
  'session',
  'identities',
  'training',
  'diagnostics',
  'analysis',
  'authoring',
  'logbundle',
  'planner',
];
/** The path segment an import of each room goes through. */
const SEGMENT = {
  shared: 'shared',
  core: 'core',
  cli: 'cli',
  preview: 'preview',
  desktop: 'desktop',
  preload: 'preload',
  renderer: 'renderer',
  ...Object.fromEntries(CORE.map((r) => [r, r])),
};

function wallsOf(name) {
  const room = ROOMS[name];
  const allowed = new Set(room.may.flatMap((r) => (r === 'core' ? ['core', ...CORE] : [r])));
  allowed.add(name);
  if (CORE.includes(name)) allowed.add('core');
  if (name === 'desktop' || name === 'preload') allowed.add('desktop');
  const forbidden = Object.keys(SEGMENT).filter((r) => !allowed.has(r));
  // A core room may not reach into a host, nor into a sibling core room it does not list.
  const patterns = forbidden.map((r) => ({
    group: [`**/${SEGMENT[r]}/**`],
    message: `${name} may import only ${[...room.may].join(', ') || 'nothing outside itself'} (eslint.config.js ROOMS).`,
  }));
  if (name === 'renderer' || name === 'shared' || name === 'preload')
    patterns.push({ group: ['**/electron/**'], message: `${name} never imports from electron/.` });
  if (!room.electron)
    patterns.push({ group: ['electron-log/main', 'electron-log/renderer'], message: 'Use the injected Logger.' });
  const paths = [];
  if (!room.electron)
    paths.push({ name: 'electron', message: 'electron is imported only by electron/desktop (main and preload).' });
  if (!room.node)
    paths.push(
      ...nodeBuiltins.map((n) => ({ name: n, message: `${name} uses no Node modules.`, allowTypeImports: true })),
    );
  if (name === 'renderer')
    paths.push({ name: 'zod', message: 'Validation happens in main; the renderer trusts its snapshot.' });
  return { files: room.files, rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] } };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'electron is imported only by electron/desktop.' }] },
      ],
    },
  },
  { files: ['test/electron/**'], rules: { '@typescript-eslint/no-restricted-imports': 'off' } },
  ...Object.keys(ROOMS).map(wallsOf),
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/unit/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
