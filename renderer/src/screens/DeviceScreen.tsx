/**
 * Picks the device screen for `snapshot.screen.kind`.
 */
import type { JSX } from 'react';
import type { Snapshot } from '../../../shared/snapshot';
import { assertNever } from '../components/assertNever';
import { DesktopScreen } from './DesktopScreen';
import { EspScreen } from './EspScreen';
import { FirstSignInScreen } from './FirstSignInScreen';
import { ResettingScreen } from './ResettingScreen';
import { RestartScreen } from './RestartScreen';
import { SignInScreen } from './SignInScreen';

export function DeviceScreen({ snapshot }: { snapshot: Snapshot }): JSX.Element {
  const { screen, look } = snapshot;
  switch (screen.kind) {
    case 'esp':
      return <EspScreen snapshot={snapshot} />;
    case 'restarting':
      return <RestartScreen look={look} />;
    case 'signIn':
      return <SignInScreen look={look} prefilledUser={screen.prefilledUser} domain={screen.domain} />;
    case 'firstSignIn':
      return <FirstSignInScreen look={look} />;
    case 'desktop':
      return <DesktopScreen snapshot={snapshot} />;
    case 'resetting':
      return <ResettingScreen look={look} />;
    default:
      return assertNever(screen, 'Unknown screen');
  }
}
