/**
 * What a user sees from the two set-up commands where no Electron binary can be had (this machine
 * and CI): `npm install` still succeeds with one clear line, and `npm start` says so and serves the
 * browser preview instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../../scripts/electron-binary.mjs';

const root = join(import.meta.dirname, '..', '..', '..');
const noElectron = electronBinary() === null;

describe.skipIf(!noElectron)('without an Electron binary', () => {
  it('npm install’s provisioning step exits 0 with one line saying the desktop shell is unavailable', () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'provision-electron.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^ESP Simulator: the Electron binary could not be provisioned \(.+\); the desktop shell is unavailable here/,
    );
  });

  it('npm start says in one line that the desktop shell is unavailable, then serves the preview', async () => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs'), '--port', '0'], { cwd: root });
    let output = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL line:\n${output}`)), 60_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /ESP Simulator preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      expect(output.split('\n')[0]).toBe(
        'ESP Simulator: no Electron binary on this machine, so the desktop shell is unavailable; serving the browser preview instead.',
      );
      const snapshot = (await (await fetch(new URL('/api/snapshot', url))).json()) as { scenario: { name: string } };
      expect(snapshot.scenario.name).toBe('Contoso user-driven, everything succeeds');
    } finally {
      child.kill('SIGINT');
    }
  }, 90_000);
});
