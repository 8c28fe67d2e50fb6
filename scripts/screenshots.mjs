/* global document -- the functions passed to page.waitForFunction run in the page */
// Past 400 lines because it is one data-driven gallery: the journeys, the page helpers and the index writer belong together.
// The state gallery (`npm run screenshots`): drives the real browser preview through every screen state in both
// looks and writes one PNG per state and look, plus an index.html with captions, into screenshots/.
//
//   npm run screenshots -- [--only <substring>] [--out <dir>] [--axe] [--timeout <seconds per stop>] [--language en|de|fr] [--safe-names]
//
// --language shows the device screens in German or French (the operator's setLanguage), whatever the scenario's
// device.locale says; the shots then go to screenshots/<language>/ unless --out says otherwise. Default: en.
// --axe also runs axe-core (WCAG 2.0/2.1 A and AA) on every state and look and prints what it finds.
//
// Data-driven: each journey names a bundled scenario (resources/scenarios) and the states to stop at, each a
// predicate on the snapshot. A journey whose scenario is missing, or a state the engine never reaches, is skipped
// with a printed note, so new scenarios and screens are picked up by adding a line here.
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { commandHeaders, startPreview } from './start-preview.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const scenariosDir = join(root, 'resources', 'scenarios');
const LOOKS = ['windows11', 'windows10'];
/** The device screens' languages (renderer/src/i18n); English is Windows' own wording. */
const LANGUAGE_NAMES = { en: 'English', de: 'German', fr: 'French' };
const VIEWPORT = { width: 1280, height: 800 };

// ------------------------------------------------------------------------------------------------ predicates

const phase = (s, id) => s.phases.find((p) => p.id === id) ?? { status: 'missing', items: [] };
const onEsp = (s, part) => s.screen.kind === 'esp' && (part === undefined || s.screen.part === part);
const running = (s, id) => ['inProgress', 'identifying'].includes(phase(s, id).status);
const screenIs = (kind) => (s) => s.screen.kind === kind;
const errorShown = (s) => s.errorScreen !== null;

/** The same state on another release: the same screen, the same page over it, the same error screen. */
const sameState = (a, b) =>
  a.screen.kind === b.screen.kind &&
  (a.screen.kind !== 'qualityUpdates' || a.screen.stage === b.screen.stage) &&
  (a.diagnostics === null) === (b.diagnostics === null) &&
  (a.errorScreen === null) === (b.errorScreen === null);

// ------------------------------------------------------------------------------------------------ page helpers

const toggleDetails = (id) => async (page) => {
  await page.click(`[data-testid="toggle-${id}"]`);
};

const clickTab = (id) => async (page) => {
  await page.click(`[data-testid="diag-tab-${id}"]`);
};

/** The browser preview's export: the folder form, then wait for the session's answer. */
const exportTo = (dirKey, trigger) => async (page, ctx) => {
  await page.click(trigger);
  await page.fill('[data-testid="export-path"]', ctx.dir(dirKey));
  await page.click('[data-testid="export-submit"]');
  const done = await page
    .waitForSelector('[data-export="succeeded"], [data-export="failed"], [data-export="refused"]', { timeout: 60_000 })
    .catch(() => null);
  if (done === null) return 'the export did not finish within a minute';
  const kind = await done.getAttribute('data-export');
  if (kind === 'refused')
    return `the preview refused the export (${await page.textContent('[data-testid="export-error"]')})`;
  return null;
};

const clickIfPresent = (selector) => async (page) => {
  const element = await page.$(selector);
  if (element === null) return `nothing matches ${selector}`;
  await element.click();
  return null;
};

// ------------------------------------------------------------------------------------------------ journeys
//
// Steps: { until, speed?, timeout? } resumes and waits for a snapshot predicate, then pauses;
//        { shot, caption, ui?, undo? } screenshots the paused state in both looks (ui runs once before, undo after);
//        { command } sends a contract command (a refusal skips the rest of the journey).

const JOURNEYS = [
  {
    scenario: 'default.json',
    speed: 60,
    steps: [
      { until: (s) => onEsp(s, 'device') && running(s, 'devicePreparation') },
      { shot: 'esp-device-preparation-running', caption: 'ESP: Device preparation working, the others waiting' },
      {
        shot: 'esp-device-preparation-details',
        caption: 'ESP: Device preparation with Show details open (sub-item rows)',
        ui: toggleDetails('devicePreparation'),
        undo: toggleDetails('devicePreparation'),
      },
      { until: (s) => onEsp(s, 'device') && running(s, 'deviceSetup') },
      { shot: 'esp-device-setup-running', caption: 'ESP: Device setup working (apps installing)' },
      {
        shot: 'esp-device-setup-details',
        caption: 'ESP: Device setup with details (policies, certificates, network, apps counts)',
        ui: toggleDetails('deviceSetup'),
        undo: toggleDetails('deviceSetup'),
      },
      { until: screenIs('firstSignIn'), speed: 20 },
      { shot: 'first-sign-in', caption: 'First sign-in animation between Device setup and Account setup' },
      { until: (s) => onEsp(s, 'user') && running(s, 'accountSetup'), speed: 60 },
      { shot: 'esp-account-setup-running', caption: 'ESP after sign-in: Account setup working' },
      { until: screenIs('desktop'), speed: 600 },
      { shot: 'desktop', caption: 'The desktop once the ESP is done' },
    ],
  },
  {
    scenario: 'identifying-unlicensed-user.json',
    speed: 120,
    steps: [
      { until: (s) => onEsp(s, 'user') && phase(s, 'accountSetup').items.some((i) => i.status === 'identifying') },
      {
        shot: 'esp-account-setup-identifying',
        caption: 'Account setup stuck on Identifying (user without licence), details open',
        ui: toggleDetails('accountSetup'),
        undo: toggleDetails('accountSetup'),
      },
    ],
  },
  {
    scenario: 'block-device-use-no.json',
    speed: 60,
    steps: [
      { until: (s) => onEsp(s) && s.continueAnywayWhileRunning },
      {
        shot: 'esp-continue-anyway-while-running',
        caption: 'Block device use = No: Continue anyway while the ESP runs',
      },
    ],
  },
  {
    scenario: 'declared-reboot-sign-in.json',
    speed: 60,
    steps: [
      { until: screenIs('restarting'), speed: 30 },
      { shot: 'restarting', caption: 'Restarting during Device setup' },
      { until: screenIs('signIn') },
      { shot: 'sign-in', caption: 'Windows sign-in after a Device setup restart (user name not filled in)' },
    ],
  },
  {
    scenario: 'hybrid-join.json',
    speed: 60,
    steps: [
      { until: (s) => s.screen.kind === 'signIn' && s.screen.domain },
      { shot: 'sign-in-hybrid', caption: 'Hybrid join: domain sign-in at the Windows logon' },
    ],
  },
  {
    scenario: 'user-driven-app-fails.json',
    speed: 300,
    steps: [
      { until: errorShown },
      { shot: 'error-screen', caption: 'Error screen: custom message, Error / Previous step failed, allowed actions' },
      {
        shot: 'error-screen-details',
        caption: 'Error screen with the failed category expanded (hex error code on the row)',
        ui: toggleDetails('deviceSetup'),
        undo: toggleDetails('deviceSetup'),
      },
      {
        shot: 'reset-confirm',
        caption: 'Reset device asks for confirmation first',
        ui: clickIfPresent('[data-testid="action-resetDevice"]'),
        undo: async (page) => page.click('[data-testid="reset-cancel"]'),
      },
      { command: { type: 'openDiagnostics' } },
      { until: (s) => s.diagnostics !== null },
      { shot: 'diagnostics-deployment-info', caption: 'Diagnostics page: Deployment info (selected on load)' },
      {
        shot: 'diagnostics-configuration-info',
        caption: 'Diagnostics page: Configuration info',
        ui: clickTab('configuration'),
        undo: clickTab('deployment'),
      },
      {
        shot: 'diagnostics-apps-and-policies',
        caption: 'Diagnostics page: Apps and policies status',
        ui: clickTab('apps'),
        undo: clickTab('deployment'),
      },
      {
        shot: 'diagnostics-export-form',
        caption: 'Export logs in the browser preview: the folder-path form (no folder dialog in a browser)',
        ui: clickIfPresent('[data-testid="diag-export"]'),
        undo: clickIfPresent('[data-testid="export-cancel"]'),
      },
      {
        shot: 'diagnostics-export-succeeded',
        caption: 'Export logs succeeded: the title changes, the path shows, a single Close',
        ui: exportTo('export', '[data-testid="diag-export"]'),
      },
      { command: { type: 'closeDiagnostics' } },
      { command: { type: 'openDiagnostics' } },
      {
        shot: 'diagnostics-export-file-exists',
        caption: 'A second export to the same folder: file exists, 0x80070050, Close and Try again',
        ui: exportTo('export', '[data-testid="diag-export"]'),
      },
      { command: { type: 'closeDiagnostics' } },
      { until: (s) => s.diagnostics === null && errorShown(s) },
      { command: { type: 'userAction', action: 'resetDevice' } },
      { until: screenIs('resetting') },
      { shot: 'resetting', caption: 'Reset device: Resetting this PC' },
    ],
  },
  {
    scenario: 'esp-provider-timeout.json',
    speed: 600,
    steps: [
      { until: errorShown },
      {
        shot: 'error-screen-esp-provider-timeout',
        caption: 'Error screen: the ESP provider (IME) timed out (Windows 10)',
      },
      {
        shot: 'collect-logs-form',
        looks: ['windows10'],
        looksWhy: 'Windows 11 offers View diagnostics on this screen, not Collect logs',
        caption: 'Windows 10 Collect logs in the browser preview: the folder-path dialog',
        ui: clickIfPresent('[data-testid="action-collectLogs"]'),
      },
      {
        shot: 'collect-logs-succeeded',
        looks: ['windows10'],
        looksWhy: 'Windows 11 offers View diagnostics on this screen, not Collect logs',
        caption: 'Collect logs succeeded: where the logs went',
        ui: async (page, ctx) => {
          await page.fill('[data-testid="export-path"]', ctx.dir('collect'));
          await page.click('[data-testid="export-submit"]');
          const done = await page
            .waitForSelector('[data-testid="collect-logs-dialog"]:not([data-export="progress"])', { timeout: 60_000 })
            .catch(() => null);
          const kind = done && (await done.getAttribute('data-export'));
          return kind === 'succeeded' ? null : `the export ended "${kind ?? 'never'}"`;
        },
        undo: clickIfPresent('[data-testid="export-close"]'),
      },
    ],
  },
  {
    scenario: 'self-deploying-tpm-failure.json',
    speed: 300,
    steps: [
      { until: errorShown },
      {
        shot: 'error-screen-tpm-failure',
        caption: 'Self-deploying without TPM attestation: Securing your hardware failed',
        ui: toggleDetails('devicePreparation'),
        undo: toggleDetails('devicePreparation'),
      },
    ],
  },
  {
    scenario: 'quality-updates.json',
    speed: 120,
    steps: [
      { until: (s) => s.screen.kind === 'qualityUpdates' && s.screen.stage === 'checking', speed: 30 },
      { shot: 'quality-updates-checking', caption: 'Quality updates: checking for updates' },
      {
        until: (s) => s.screen.kind === 'qualityUpdates' && s.screen.stage === 'downloading' && s.screen.percent >= 30,
      },
      { shot: 'quality-updates-downloading', caption: 'Quality updates: downloading, with percentage' },
      { until: (s) => s.screen.kind === 'qualityUpdates' && s.screen.stage === 'installing' && s.screen.percent >= 30 },
      { shot: 'quality-updates-installing', caption: 'Quality updates: installing, with percentage' },
      { until: (s) => s.screen.kind === 'qualityUpdates' && s.screen.stage === 'restarting', speed: 30 },
      { shot: 'quality-updates-restarting', caption: 'Quality updates: restarting to finish' },
    ],
  },
  {
    scenario: 'pre-provisioning-success.json',
    speed: 60,
    steps: [
      { until: screenIs('preProvisioningOptions'), speed: 1 },
      { shot: 'pre-provisioning-options', caption: 'Pre-provisioning: the Windows-key-five-times options' },
      { until: screenIs('preProvisioningConfiguration'), speed: 2 },
      { shot: 'pre-provisioning-configuration', caption: 'Pre-provisioning: Windows Autopilot Configuration' },
      { until: (s) => onEsp(s) && running(s, 'deviceSetup'), speed: 60 },
      { shot: 'esp-pre-provisioning-running', caption: 'Pre-provisioning: the technician ESP (no Account setup)' },
      { until: (s) => s.screen.kind === 'preProvisioningResult' && s.screen.success, speed: 600 },
      { shot: 'pre-provisioning-success', caption: 'Pre-provisioning succeeded: the green page with Reseal' },
      { command: { type: 'userAction', action: 'reseal' } },
      { until: screenIs('shutDown'), speed: 10 },
      { shot: 'shut-down', caption: 'After Reseal the device shuts down' },
    ],
  },
  {
    scenario: 'pre-provisioning-app-failure.json',
    speed: 600,
    steps: [
      { until: (s) => s.screen.kind === 'preProvisioningResult' && !s.screen.success },
      { shot: 'pre-provisioning-failure', caption: 'Pre-provisioning failed: the red page with Retry / Reset' },
    ],
  },
  {
    scenario: 'self-deploying-kiosk.json',
    speed: 60,
    steps: [
      { until: (s) => onEsp(s, 'device') && running(s, 'deviceSetup') },
      { shot: 'esp-self-deploying-running', caption: 'Self-deploying: Device preparation and Device setup only' },
      { until: screenIs('kiosk'), speed: 600 },
      { shot: 'kiosk', caption: 'Self-deploying with Assigned Access ends in the kiosk app' },
    ],
  },
];

// ------------------------------------------------------------------------------------------------ machinery

async function command(url, body) {
  const response = await fetch(`${url}api/command`, {
    method: 'POST',
    headers: await commandHeaders(url),
    body: JSON.stringify(body),
  });
  return response.json().catch(() => ({ ok: false, error: `HTTP ${response.status}` }));
}

async function snapshot(url) {
  const response = await fetch(`${url}api/snapshot`, { cache: 'no-store' });
  return response.json();
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Resumes and polls until `predicate` holds, then pauses. Resolves to null, or why it gave up. */
async function runUntil(url, predicate, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = await snapshot(url);
  if (!predicate(last)) {
    await command(url, { type: 'resume' });
    for (;;) {
      last = await snapshot(url);
      if (predicate(last)) break;
      if (last.clock.finished && !predicate(last)) {
        return `the run finished (screen "${last.screen.kind}", outcome ${last.outcome ?? 'none'}) without reaching it`;
      }
      if (Date.now() > deadline) return `not reached within ${timeoutMs / 1000} s (screen "${last.screen.kind}")`;
      await sleep(25);
    }
  }
  await command(url, { type: 'pause' });
  return null;
}

/** Waits until the page shows the session's look and screen, then a moment for transitions to settle. */
async function settle(page, look) {
  await page.waitForFunction(
    (wanted) => {
      const main = [...document.querySelectorAll('main[data-look]')].find(
        (m) => m.offsetParent !== null || m.getClientRects().length > 0,
      );
      return main !== undefined && main.dataset.look === wanted;
    },
    look,
    { timeout: 10_000 },
  );
  // The bundled fonts load on first use (font-display: block): wait for them so every picture has its letters.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await sleep(400);
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function writeIndex(outDir, entries, language) {
  const ordered = [...entries.values()].sort((a, b) => a.order - b.order);
  const sections = ordered
    .map(
      (entry) => `  <section id="${escapeHtml(entry.id)}">
    <h2>${escapeHtml(entry.caption)}</h2>
    <p class="meta"><code>${escapeHtml(entry.id)}</code> · scenario <code>${escapeHtml(entry.scenario)}</code> — ${escapeHtml(entry.scenarioName)}</p>
    <div class="pair">
${entry.files
  .map(
    (f) =>
      `      <figure><a href="${escapeHtml(f.file)}"><img src="${escapeHtml(f.file)}" alt="${escapeHtml(`${entry.caption} (${f.look})`)}" loading="lazy"></a><figcaption>${escapeHtml(f.look === 'windows10' ? 'Windows 10 look (Inclusive Blue)' : 'Windows 11 look (Lite White)')} · <code>${escapeHtml(f.file)}</code></figcaption></figure>`,
  )
  .join('\n')}
    </div>
  </section>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ESP Simulator state gallery${language === 'en' ? '' : ` (${LANGUAGE_NAMES[language]})`}</title>
<style>
  body { font-family: 'Segoe UI', 'Noto Sans', system-ui, sans-serif; margin: 2rem; color: #1a1a1a; background: #fafafa; }
  h1 { font-weight: 600; }
  section { margin: 2.5rem 0; }
  h2 { font-size: 1.15rem; margin: 0 0 0.25rem; }
  .meta { color: #555; margin: 0 0 0.75rem; font-size: 0.9rem; }
  .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(28rem, 1fr)); gap: 1rem; }
  figure { margin: 0; }
  img { width: 100%; border: 1px solid #ccc; display: block; }
  figcaption { font-size: 0.85rem; color: #555; margin-top: 0.3rem; }
  nav li { margin: 0.1rem 0; }
</style>
</head>
<body>
  <h1>ESP Simulator state gallery${language === 'en' ? '' : ` (${LANGUAGE_NAMES[language]})`}</h1>
  <p>Every state the browser preview reaches with the bundled scenarios, in both looks, at ${VIEWPORT.width}×${VIEWPORT.height}, the device screens in ${LANGUAGE_NAMES[language]}${language === 'en' ? '' : " (the project's translation, not Microsoft's)"}. Made by <code>npm run screenshots${language === 'en' ? '' : ` -- --language ${language}`}</code>.</p>
  <nav><ol>
${ordered.map((e) => `    <li><a href="#${escapeHtml(e.id)}">${escapeHtml(e.caption)}</a></li>`).join('\n')}
  </ol></nav>
${sections}
</body>
</html>
`;
  writeFileSync(join(outDir, 'index.html'), html);
}

// ------------------------------------------------------------------------------------------------ main

async function main() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      out: { type: 'string' },
      timeout: { type: 'string' },
      axe: { type: 'boolean' },
      language: { type: 'string' },
      // Screenshot-safe identities: generated names instead of the scenarios' real ones (README).
      'safe-names': { type: 'boolean' },
    },
    allowPositionals: false,
  });
  const only = values.only ?? '';
  const language = values.language ?? 'en';
  if (!Object.hasOwn(LANGUAGE_NAMES, language)) {
    console.error(`--language must be one of ${Object.keys(LANGUAGE_NAMES).join(', ')} (got "${language}")`);
    process.exit(2);
  }
  const outDir = resolve(values.out ?? join(root, 'screenshots', language === 'en' ? '' : language));
  const stepTimeout = Number(values.timeout ?? 90) * 1000;
  mkdirSync(outDir, { recursive: true });
  const AxeBuilder = values.axe ? (await import('@axe-core/playwright')).default : null;
  const axeFindings = [];

  // The manifest keeps earlier shots (e.g. from another --only run) in the index.
  const manifestPath = join(outDir, 'manifest.json');
  const entries = new Map();
  if (existsSync(manifestPath)) {
    try {
      for (const entry of JSON.parse(readFileSync(manifestPath, 'utf8'))) entries.set(entry.id, entry);
    } catch {
      // A broken manifest is rebuilt from this run.
    }
  }

  // A fixed, readable folder: the export paths show in the pictures.
  const exportRoot = join(tmpdir(), 'esp-sim-gallery');
  rmSync(exportRoot, { recursive: true, force: true });
  mkdirSync(exportRoot, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const notes = [];
  let written = 0;
  let order = 0;

  try {
    for (const journey of JOURNEYS) {
      const shots = journey.steps.filter((s) => s.shot);
      for (const s of shots) s.order = order++;
      if (only && !shots.some((s) => s.shot.includes(only))) continue;
      const file = join(scenariosDir, journey.scenario);
      if (!existsSync(file)) {
        notes.push(`skipped ${shots.map((s) => s.shot).join(', ')}: scenario ${journey.scenario} is not bundled yet`);
        continue;
      }
      const scenarioName = JSON.parse(readFileSync(file, 'utf8')).name ?? journey.scenario;
      console.log(`${journey.scenario}: ${scenarioName}`);

      // Start at the first stop's speed so short opening screens are not over before the first pause.
      const firstStop = journey.steps.find((s) => s.until);
      const preview = startPreview(
        file,
        firstStop?.speed ?? journey.speed,
        'esp-sim-screenshots-logs',
        values['safe-names'] ? ['--safe-names'] : [],
      );
      const url = await preview.url;
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.warn(`  page error: ${error.message}`));
      const ctx = {
        dir: (key) => {
          const dir = join(exportRoot, `${journey.scenario.replace(/\.json$/, '')}-${key}`);
          mkdirSync(dir, { recursive: true });
          return dir;
        },
      };
      try {
        // The preview may wait for a start (the operator's Start); start, then hold still until the first stop.
        await command(url, { type: 'start' });
        await command(url, { type: 'pause' });
        const spoken = await command(url, { type: 'setLanguage', language });
        if (!spoken.ok) throw new Error(`setLanguage ${language} refused: ${spoken.error}`);
        await page.goto(url);
        await page.waitForSelector('#root[data-app-state="ready"]', { state: 'attached' });

        for (let i = 0; i < journey.steps.length; i += 1) {
          const step = journey.steps[i];
          const rest = () =>
            journey.steps
              .slice(i)
              .filter((s) => s.shot)
              .map((s) => s.shot);
          if (step.until) {
            await command(url, { type: 'setSpeed', speed: step.speed ?? journey.speed });
            const problem = await runUntil(url, step.until, step.timeout ?? stepTimeout);
            if (problem) {
              notes.push(`skipped ${rest().join(', ') || '(no shots)'} in ${journey.scenario}: ${problem}`);
              break;
            }
            continue;
          }
          if (step.command) {
            const result = await command(url, step.command);
            if (!result.ok) {
              notes.push(
                `skipped ${rest().join(', ') || '(no shots)'} in ${journey.scenario}: ${JSON.stringify(step.command)} refused: ${result.error}`,
              );
              break;
            }
            await sleep(150);
            continue;
          }
          if (only && !step.shot.includes(only)) {
            if (step.ui) await step.ui(page, ctx);
            if (step.undo) await step.undo(page, ctx).catch(() => undefined);
            continue;
          }
          await settle(page, (await snapshot(url)).look);
          const problem = step.ui ? await step.ui(page, ctx) : null;
          if (typeof problem === 'string') {
            notes.push(`skipped ${step.shot} in ${journey.scenario}: ${problem}`);
            continue;
          }
          const files = [];
          // The look follows the Windows release: a state the other release never shows (the diagnostics page,
          // quality updates) is shot only where it exists. The journey then goes on in its own release.
          const wanted = await snapshot(url);
          for (const look of LOOKS) {
            // A dialog the renderer holds (not in the snapshot) stays open across the look switch: such a step says
            // which looks it belongs to.
            if (step.looks && !step.looks.includes(look)) {
              notes.push(`${step.shot}: no ${look} shot (${step.looksWhy})`);
              continue;
            }
            await command(url, { type: 'setLook', look });
            if (!sameState(wanted, await snapshot(url))) {
              notes.push(
                `${step.shot}: no ${look} shot (Windows ${look === 'windows10' ? '10' : '11'} has no such state)`,
              );
              continue;
            }
            await settle(page, look);
            // No pointer over a control: a click leaves the mouse on it, and its hover state is not the state shot.
            await page.mouse.move(0, 0);
            const name = `${look}-${step.shot}.png`;
            await page.screenshot({ path: join(outDir, name) });
            files.push({ look, file: name });
            if (AxeBuilder) {
              const result = await new AxeBuilder({ page })
                .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
                .analyze();
              for (const v of result.violations) {
                axeFindings.push(`${name}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
              }
            }
            written += 1;
            console.log(`  ${name}`);
          }
          await command(url, { type: 'setLook', look: wanted.look });
          await settle(page, wanted.look);
          entries.set(step.shot, {
            id: step.shot,
            order: step.order,
            caption: step.caption,
            scenario: journey.scenario,
            scenarioName,
            files,
          });
          if (step.undo)
            await step.undo(page, ctx).catch((error) => notes.push(`${step.shot}: undo failed: ${error.message}`));
        }
      } catch (error) {
        notes.push(
          `${journey.scenario}: stopped early: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
        );
      } finally {
        await context.close();
        await preview.stop();
      }
    }
  } finally {
    await browser.close();
    rmSync(exportRoot, { recursive: true, force: true });
  }

  writeFileSync(manifestPath, JSON.stringify([...entries.values()], null, 2));
  writeIndex(outDir, entries, language);
  console.log(`\n${written} screenshots written to ${outDir} (index.html lists ${entries.size} states).`);
  for (const note of notes) console.log(`note: ${note}`);
  if (AxeBuilder) {
    console.log(axeFindings.length ? `axe found ${axeFindings.length} problems:` : 'axe: no violations in any state.');
    for (const finding of axeFindings) console.log(`axe: ${finding}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
