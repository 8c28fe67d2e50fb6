/**
 * The one sign-in prompt and what follows it: credentials typed (nothing prefilled after a restart,
 * §7.5; domain credentials in hybrid join, §7.3), the first sign-in animation, then Account setup
 * or the desktop. Later users (§1.12) resolve their own profile here.
 */
import type { AfterSignIn, EngineEvent } from './events';
import { showDesktop } from './afterEsp';
import { startAccountSetup } from './setupPhase';
import type { Sim } from './sim';
import { at, currentUser, record, setItem, setScreen } from './sim';
import type { Lane } from './state';
import { useProfile } from './start';
import { resolveProfile } from './targeting';

export function promptForCredentials(sim: Sim, lane: Lane, domain: boolean, then: AfterSignIn): void {
  setScreen(sim, { kind: 'signIn', prefilledUser: null, domain });
  record(sim, { t: sim.state.now, type: 'signInShown', prefilledUser: null });
  at(sim, sim.rng.between(20, 40), lane, { type: 'credentialsEntered', lane, then });
}

/** The user is signed in: the first sign-in animation, then `then`. */
export function firstSignIn(sim: Sim, lane: Lane, then: 'accountSetup' | 'desktop'): void {
  setScreen(sim, { kind: 'firstSignIn', userDisplayName: currentUser(sim)!.displayName });
  at(sim, sim.rng.between(15, 30), lane, { type: 'firstSignInDone', then });
}

/** The first user signs in after OOBE (credentials carried over, or just typed). */
export function signInFirstUser(sim: Sim): void {
  record(sim, { t: sim.state.now, type: 'signedIn', userPrincipalName: currentUser(sim)!.userPrincipalName });
  firstSignIn(sim, 'user', 'accountSetup');
}

export function onCredentialsEntered(sim: Sim, e: Extract<EngineEvent, { type: 'credentialsEntered' }>): void {
  const then = e.then;
  switch (then.kind) {
    case 'accountSetup':
      signInFirstUser(sim);
      return;
    case 'desktop':
      record(sim, { t: sim.state.now, type: 'signedIn', userPrincipalName: currentUser(sim)!.userPrincipalName });
      firstSignIn(sim, 'background', 'desktop');
      return;
    case 'laterUser': {
      const { state, scenario } = sim;
      const user = scenario.users[then.userIndex]!;
      record(sim, { t: sim.state.now, type: 'signedIn', userPrincipalName: user.userPrincipalName });
      const resolved = resolveProfile(scenario, user);
      useProfile(sim, resolved, user);
      state.userPartShown =
        resolved.profile.showInstallationProgress && !resolved.profile.disableUserStatusTrackingAfterFirstUser;
      state.phases.accountSetup.status = 'notStarted';
      for (const row of state.phases.accountSetup.items) {
        setItem(sim, 'accountSetup', row.id, { status: 'notStarted', expected: null, done: 0, hresult: null });
      }
      firstSignIn(sim, 'user', 'accountSetup');
      return;
    }
  }
}

export function onFirstSignInDone(sim: Sim, e: Extract<EngineEvent, { type: 'firstSignInDone' }>): void {
  if (e.then === 'accountSetup') startAccountSetup(sim);
  else showDesktop(sim, sim.state.installAfterDesktop);
}
