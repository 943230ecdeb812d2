import { useEffect, useState } from 'preact/hooks';
import { client, portal } from './api.ts';

let logo: Promise<string | null> | undefined;

/** Only a logo Portico serves itself is shown (the page's policy allows images from this origin only): never a URL elsewhere. */
export const servedHere = (url: string | null | undefined): string | null =>
  url && (url.startsWith('/') ? !url.startsWith('//') : url.startsWith(`${location.origin}/`)) ? url : null;

/** The organization's logo, read once from the portal's public info. */
export function useBranding(): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    logo ??= client.GET('/v1/portal/{portalName}', { params: { path: portal } }).then(
      ({ data }) => servedHere(data?.organization.branding.logoUrl),
      () => null,
    );
    logo.then(setUrl);
  }, []);
  return url;
}
