import { NotFound } from '../errors.ts';
import { resolvePortal } from '../portal-names/resolve.ts';
import { logoBytes } from './logo-service.ts';

/** A year: the address names the logo's hash, so a new logo is a new address. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The portal's logo as Portico serves it to pages and emails: the bytes checked at upload, with their
 * type from the bytes, cached for good when the address names the current logo (`v`) and not at all otherwise.
 */
export async function portalLogo(portalName: string, version: string | undefined) {
  const organization = await resolvePortal(portalName);
  const logo = organization.branding.logo;
  const bytes = logo && (await logoBytes(logo));
  if (!logo || !bytes) throw new NotFound('Logo');
  return { bytes, contentType: logo.contentType, cacheControl: version === logo.sha256.slice(0, 16) ? IMMUTABLE : 'no-cache' };
}
