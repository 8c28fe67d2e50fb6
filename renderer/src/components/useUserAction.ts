/**
 * Sends one user action (Try again, Reset, Reseal...) to main and tracks that it is on its way, so a
 * screen can disable its buttons meanwhile. A refusal is logged: main decides what is offered.
 */
import { useCallback, useState } from 'react';
import type { UserAction } from '../../../shared/contract';
import { getApi } from '../bridge';

export function useUserAction(): { pending: boolean; act: (action: UserAction) => void } {
  const [pending, setPending] = useState(false);
  const act = useCallback((action: UserAction): void => {
    setPending(true);
    getApi()
      .act(action)
      .then((result) => {
        if (!result.ok) console.warn(`ESP Simulator: ${action} was refused: ${result.error}`);
      })
      .catch((error: unknown) => console.warn(`ESP Simulator: ${action} failed`, error))
      .finally(() => setPending(false));
  }, []);
  return { pending, act };
}
