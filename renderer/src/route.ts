/**
 * Which page this window shows: the device screen or the operator console.
 *
 * The browser preview serves the console at `/operator`; an Electron window loading a file uses `#/operator`.
 */
import { useSyncExternalStore } from 'react';

export type Route = 'device' | 'operator';

function currentRoute(): Route {
  const { pathname, hash } = window.location;
  return pathname.startsWith('/operator') || hash.startsWith('#/operator') ? 'operator' : 'device';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, currentRoute);
}

/** Link target for the other page, in the form this window uses: a path over HTTP, a hash elsewhere. */
export function hrefFor(route: Route): string {
  const { protocol, hash } = window.location;
  const usesPath = (protocol === 'http:' || protocol === 'https:') && !hash.startsWith('#/');
  if (usesPath) return route === 'operator' ? '/operator' : '/';
  return route === 'operator' ? '#/operator' : '#/';
}
