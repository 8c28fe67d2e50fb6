/**
 * The first sign-in animation between Device setup and Account setup (§1.1): "Hi", then the
 * "setting things up" lines, advancing in real time whatever the simulation speed.
 */
import { useEffect, useState } from 'react';
import type { JSX } from 'react';
import type { Look } from '../../../shared/snapshot';
import { UI_TEXT } from '../strings';
import '../styles/transition.css';

const STEP_MS = 2800;

export function FirstSignInScreen({ look }: { look: Look }): JSX.Element {
  const [step, setStep] = useState(0);
  const last = UI_TEXT.firstSignIn.length - 1;

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
          {UI_TEXT.firstSignIn[step]}
        </h1>
      </div>
    </main>
  );
}
