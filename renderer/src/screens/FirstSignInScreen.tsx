/**
 * The first sign-in animation between Device setup and Account setup (§1.1): "Hi", then the
 * "setting things up" lines, advancing in real time whatever the simulation speed.
 */
import { useEffect, useState } from 'react';
import type { JSX } from 'react';
import type { Look } from '../../../shared/snapshot';
import { useT } from '../i18n';
import '../styles/transition.css';

const STEP_MS = 2800;

/** The animation's lines, in order. */
const LINES = ['hi', 'settingUp', 'mightTakeMinutes'] as const;

export function FirstSignInScreen({ look }: { look: Look }): JSX.Element {
  const [step, setStep] = useState(0);
  const t = useT();
  const last = LINES.length - 1;

  useEffect(() => {
    if (step >= last) return undefined;
    const timer = setTimeout(() => setStep((s) => s + 1), STEP_MS);
    return () => clearTimeout(timer);
  }, [step, last]);

  return (
    <main
      data-screen="firstSignIn"
      data-look={look}
      data-step={step}
      className={`transition first-sign-in look-${look}`}
    >
      <div className="transition-center">
        <h1 className="first-sign-in-text" key={step}>
          {t(`firstSignIn.${LINES[step]!}`)}
        </h1>
      </div>
    </main>
  );
}
