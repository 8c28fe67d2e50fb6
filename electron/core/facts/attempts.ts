/**
 * App installs as the record tells them: one AppAttempt per `appInstallStarted`, completed by its
 * `appInstallCompleted`, `appRetryScheduled`, `appInstallHung` and `appInstallCancelled`, and every
 * EnrollmentStatusTracking InstallationState the engine wrote (`installationStateChanged`). Nothing
 * here decides an ESP rule: download sizes, retry rounds, HRESULTs, cancellations and states are the
 * engine's, copied from the record.
 */
import type {
  AppPhase,
  CancelReason,
  InstallChannel,
  InstallationState,
  ReturnCodeResult,
  TimelineEvent,
} from '../../../shared/timeline';
import { channelOf } from '../engine/appInstall';
import type { App } from '../scenario/model';

/** Who writes an app's state on the device: the IME (Sidecar), or the MDM channel's MSI or modern-app CSP (§4.1, §4.2, §5.3). */
export type Installer = 'ime' | 'msi' | 'modern';

/**
 * The CSP family that reports an app (§4.1, §4.2): the engine's install channel (`channelOf`,
 * §5.3) decides IME against MDM; within MDM, MSI and Office report through
 * EnterpriseDesktopAppManagement, the rest through EnterpriseModernAppManagement.
 */
export function installerOf(app: App): Installer {
  if (channelOf(app) === 'ime') return 'ime';
  return app.kind === 'msi' || app.kind === 'office' ? 'msi' : 'modern';
}

/** One install attempt of one app, as recorded up to the collection time. Times in simulated seconds. */
export interface AppAttempt {
  app: App;
  phase: AppPhase;
  /** Attempts of this app in the whole run (1-based). */
  attempt: number;
  /** Attempts since the last Try again (or since the ESP ended): a retry code gets three (§5.3). */
  attemptInRound: number;
  channel: InstallChannel;
  startT: number;
  /** When the installer exited; null while it runs, hangs, or was stopped first. */
  endT: number | null;
  exitCode: number | null;
  result: ReturnCodeResult | null;
  /** The exit code as the HRESULT the ESP shows (the record's, signed 32-bit: 1603 → 0x80070643 | 0). */
  hresult: number | null;
  /** What the exit code alone mapped to, and whether the detection rule then found the app (§5.3). */
  mapped: ReturnCodeResult | null;
  detected: boolean | null;
  /** The engine scheduled the next attempt of the round after this one (a retry code, §5.3). */
  retry: { attemptInRound: number; inSeconds: number } | null;
  /** When the record says the installer would never report back (§7.2, §7.8). */
  hungAt: number | null;
  /** When the ESP stopped this attempt (or the retry it was waiting for), and why. */
  cancelledAt: number | null;
  cancelReason: CancelReason | null;
  /** The content this attempt downloaded first (bytes), and how long that took (seconds, stalls included). */
  downloadBytes: number;
  downloadSeconds: number;
}

/**
 * The exit code put the app in Error: a code its return codes call a failure, or a retry code the
 * engine scheduled no further attempt for (the round's last, §5.3) — the record's `result` and the
 * absence of an `appRetryScheduled` after it.
 */
export function exitFailed(a: AppAttempt): boolean {
  return a.result === 'failed' || (a.result === 'retry' && a.retry === null);
}

/** One InstallationState write (§4.4), with the state before it (null for the first). */
export interface StateChange {
  t: number;
  appId: string;
  phase: AppPhase;
  from: InstallationState | null;
  to: InstallationState;
}

const signed = (hresult: string): number | null =>
  /^0x[0-9a-f]{1,8}$/i.test(hresult) ? parseInt(hresult, 16) | 0 : null;

/**
 * Every attempt in `events` (the record up to t, in time order), for apps the scenario has, in
 * start order. An attempt's fields only ever come from events of its app and attempt number.
 */
export function attemptsOf(events: readonly TimelineEvent[], apps: ReadonlyMap<string, App>): AppAttempt[] {
  const attempts: AppAttempt[] = [];
  const byKey = new Map<string, AppAttempt>();
  const byApp = new Map<string, AppAttempt[]>();
  for (const e of events) {
    switch (e.type) {
      case 'appInstallStarted': {
        const app = apps.get(e.appId);
        if (!app) break;
        const attempt: AppAttempt = {
          app,
          phase: e.phase,
          attempt: e.attempt,
          attemptInRound: e.attemptInRound,
          channel: e.channel,
          startT: e.t,
          endT: null,
          exitCode: null,
          result: null,
          hresult: null,
          mapped: null,
          detected: null,
          retry: null,
          hungAt: null,
          cancelledAt: null,
          cancelReason: null,
          downloadBytes: e.downloadBytes,
          downloadSeconds: e.downloadSeconds,
        };
        attempts.push(attempt);
        byKey.set(`${e.appId}#${e.attempt}`, attempt);
        byApp.set(e.appId, [...(byApp.get(e.appId) ?? []), attempt]);
        break;
      }
      case 'appInstallCompleted': {
        const a = byKey.get(`${e.appId}#${e.attempt}`);
        if (!a) break;
        a.endT = e.t;
        a.exitCode = e.exitCode;
        a.result = e.result;
        a.hresult = signed(e.hresult);
        a.mapped = e.mapped;
        a.detected = e.detected;
        break;
      }
      case 'appRetryScheduled': {
        // Recorded right after the exit it follows (two attempts of one app may overlap).
        const a = (byApp.get(e.appId) ?? []).findLast(
          (x) => x.endT === e.t && x.result === 'retry' && x.retry === null,
        );
        if (a) a.retry = { attemptInRound: e.attemptInRound, inSeconds: e.inSeconds };
        break;
      }
      case 'appInstallHung': {
        const a = byKey.get(`${e.appId}#${e.attempt}`);
        if (a) a.hungAt = e.t;
        break;
      }
      case 'appInstallCancelled': {
        const a = byKey.get(`${e.appId}#${e.attempt}`);
        if (!a) break;
        a.cancelledAt = e.t;
        a.cancelReason = e.reason;
        break;
      }
      default:
        break;
    }
  }
  return attempts;
}

/** Every InstallationState the engine wrote in `events`, in order, with the one it replaced. */
export function stateChangesOf(events: readonly TimelineEvent[]): StateChange[] {
  const current = new Map<string, InstallationState>();
  const changes: StateChange[] = [];
  for (const e of events) {
    if (e.type !== 'installationStateChanged') continue;
    changes.push({ t: e.t, appId: e.appId, phase: e.phase, from: current.get(e.appId) ?? null, to: e.state });
    current.set(e.appId, e.state);
  }
  return changes;
}
