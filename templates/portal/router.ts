import { useEffect, useState } from 'preact/hooks';
import { base } from './session.ts';

/** The portal's pages by address: /p/{portalName}/… */
export type Route =
  | { page: 'sign-in' }
  | { page: 'invitation' }
  | { page: 'reset-password' }
  | { page: 'documents' }
  | { page: 'document'; docId: string }
  | { page: 'statement' }
  | { page: 'account' }
  | { page: 'payment-return' }
  | { page: 'payment-cancel' }
  | { page: 'session-expired' }
  | { page: 'not-found' };

const simple = ['invitation', 'reset-password', 'documents', 'statement', 'account', 'session-expired'] as const;

export function routeOf(pathname: string): Route {
  if (pathname !== base && !pathname.startsWith(`${base}/`)) return { page: 'not-found' };
  const [first = '', second, ...rest] = pathname.slice(base.length).split('/').filter(Boolean);
  if (rest.length > 0) return { page: 'not-found' };
  if (first === '' && second === undefined) return { page: 'sign-in' };
  if (first === 'documents' && second !== undefined) return { page: 'document', docId: decodeURIComponent(second) };
  if (first === 'payments' && (second === 'return' || second === 'cancel')) return { page: `payment-${second}` };
  const name = (simple as readonly string[]).includes(first) && second === undefined ? (first as (typeof simple)[number]) : undefined;
  return name ? { page: name } : { page: 'not-found' };
}

/** Pages that need a signed-in person: a visitor without a session signs in first and comes back. */
export const needsSession = (route: Route) => ['documents', 'document', 'statement', 'account', 'payment-return'].includes(route.page);

const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};
addEventListener('popstate', notify);

/** Moves to a page of this portal without reloading: `path` is relative to the portal (`documents?kind=invoice`). */
export function navigate(path: string, options: { replace?: boolean } = {}) {
  const target = path.startsWith('/') ? path : `${base}${path ? `/${path}` : ''}`;
  if (options.replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  scrollTo(0, 0);
  notify();
}

/** The address the app shows: path and query; components re-render when it changes. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((tick) => tick + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return { pathname: location.pathname, search: new URLSearchParams(location.search) };
}

/** A link inside the portal: followed without a reload (a modified click opens as the browser would). */
export function follow(event: MouseEvent) {
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || anchor.target) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search);
}
