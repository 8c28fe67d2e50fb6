/**
 * Which page of the operator console is shown, and the last thing the console said (in people's words).
 */
import { create } from 'zustand';

export type ConsolePage = 'run' | 'runView' | 'planner' | 'library' | 'profile' | 'tenant' | 'explain' | 'training';

export const CONSOLE_PAGES: readonly { page: ConsolePage; label: string }[] = [
  { page: 'run', label: 'Run' },
  { page: 'runView', label: 'Run view' },
  { page: 'planner', label: 'Timeout planner' },
  { page: 'library', label: 'Library' },
  { page: 'profile', label: 'Profile' },
  { page: 'tenant', label: 'Tenant & device' },
  { page: 'explain', label: 'Explain' },
  { page: 'training', label: 'Training' },
];

interface NavState {
  page: ConsolePage;
  /** The console's latest message, e.g. `Jumped to 0:08:35 Desktop`. */
  message: string;
  /** Whether the message reports something that went wrong. */
  messageIsError: boolean;
  show(page: ConsolePage): void;
  say(message: string, isError?: boolean): void;
}

/** The page shown and the console's last message. */
export const useNavStore = create<NavState>()((set) => ({
  page: 'run',
  message: '',
  messageIsError: false,
  show: (page) => set({ page }),
  say: (message, isError = false) => set({ message, messageIsError: isError }),
}));

/** Says what went wrong, or what went right. */
export function report(result: { ok: true } | { ok: false; error: string }, success: string): boolean {
  const { say } = useNavStore.getState();
  if (result.ok) say(success);
  else say(result.error.charAt(0).toUpperCase() + result.error.slice(1), true);
  return result.ok;
}
