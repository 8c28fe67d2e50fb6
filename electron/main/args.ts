/** Command-line switches of the desktop shell (after `--` in `npm start -- ...`). */
import { parseArgs } from 'node:util';

export interface ShellArgs {
  scenario: string | undefined;
  speed: number;
  kiosk: boolean;
  windowed: boolean;
  operator: boolean;
  /** Kiosk demos: start over this many seconds after the run settles. */
  loopAfterSeconds: number | undefined;
}

export function parseShellArgs(argv: string[]): ShellArgs {
  const { values } = parseArgs({
    args: argv.slice(1),
    options: {
      scenario: { type: 'string' },
      speed: { type: 'string' },
      kiosk: { type: 'boolean' },
      windowed: { type: 'boolean' },
      operator: { type: 'boolean' },
      loop: { type: 'string' },
    },
    allowPositionals: true,
    strict: false,
  });
  const speed = Number(values.speed ?? 1);
  const loop = Number(values.loop);
  return {
    scenario: typeof values.scenario === 'string' ? values.scenario : undefined,
    speed: Number.isFinite(speed) && speed > 0 ? speed : 1,
    kiosk: values.kiosk === true,
    windowed: values.windowed === true,
    operator: values.operator === true,
    loopAfterSeconds: typeof values.loop === 'string' && Number.isFinite(loop) && loop >= 1 ? loop : undefined,
  };
}
