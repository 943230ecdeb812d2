import { createHash } from 'node:crypto';
import type { StaffContext } from '../access/context.ts';
import { clock } from '../clock.ts';
import { NotFound, Unprocessable } from '../errors.ts';
import { newId } from '../ids.ts';
import { log } from '../log.ts';
import type { StoredLogo } from '../orgs/schema.ts';
import { writeOrganization } from '../orgs/service.ts';
import { inspectLogo, MAX_LOGO_BYTES } from './logo-check.ts';
import { logoKey, logoUploadKey } from './logo-keys.ts';
import { deleteObject, presignUpload, putObject, readObject } from './logo-store.ts';

/** How long an upload form may be used. */
const UPLOAD_SECONDS = 600;

/**
 * An upload form for a new logo: a presigned POST into the private bucket, under the organization's own
 * prefix, of at most 200 KB. Nothing changes until the upload is confirmed (confirmLogo).
 */
export async function startLogoUpload(caller: StaffContext) {
  const uploadId = newId('upl');
  const { url, fields } = await presignUpload(logoUploadKey(caller.orgId, uploadId), MAX_LOGO_BYTES, UPLOAD_SECONDS);
  return { uploadId, uploadUrl: url, fields, maxBytes: MAX_LOGO_BYTES, validUntil: new Date(clock.now().getTime() + UPLOAD_SECONDS * 1000).toISOString() };
}

/**
 * Makes an upload the organization's logo once its bytes show a PNG or JPEG of sane size (422
 * `INVALID_LOGO` otherwise, and the upload is deleted). The logo is kept under its content hash; the
 * previous one is deleted once the organization no longer names it.
 */
export async function confirmLogo(caller: StaffContext, uploadId: string) {
  const uploadKey = logoUploadKey(caller.orgId, uploadId);
  const bytes = await readObject(uploadKey, MAX_LOGO_BYTES);
  if (bytes === undefined) throw new NotFound('Logo upload');
  const image = bytes === 'tooLarge' ? { problem: `The logo is larger than ${MAX_LOGO_BYTES / 1024} KB.` } : inspectLogo(bytes);
  if ('problem' in image || bytes === 'tooLarge') {
    await deleteObject(uploadKey);
    throw new Unprocessable('INVALID_LOGO', 'problem' in image ? image.problem : 'The logo is too large.', { uploadId });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { extension, ...kind } = image;
  const logo: StoredLogo = { key: logoKey(caller.orgId, sha256, extension), sha256, ...kind, size: bytes.length };
  await putObject(logo.key, bytes, logo.contentType);
  const previous = caller.organization.branding.logo;
  const updated = await writeOrganization(caller, { branding: { ...caller.organization.branding, logo }, updatedAt: clock.iso() }, 'organization.logo_changed');
  await deleteObject(uploadKey);
  if (previous && previous.key !== logo.key) await deleteQuietly(previous.key);
  return updated;
}

/** Removes the organization's logo: pages, emails and PDFs show its name alone. */
export async function removeLogo(caller: StaffContext) {
  const { logo, ...rest } = caller.organization.branding;
  if (!logo) throw new NotFound('Logo');
  const updated = await writeOrganization(caller, { branding: rest, updatedAt: clock.iso() }, 'organization.logo_removed');
  await deleteQuietly(logo.key);
  return updated;
}

/** The logo's bytes to serve or embed; undefined when it is gone from the bucket. */
export async function logoBytes(logo: StoredLogo): Promise<Buffer | undefined> {
  const bytes = await readObject(logo.key, MAX_LOGO_BYTES);
  return bytes === 'tooLarge' ? undefined : bytes;
}

// An object left behind costs a few kilobytes; the change it follows is done.
async function deleteQuietly(key: string): Promise<void> {
  try {
    await deleteObject(key);
  } catch (error) {
    log.warn('old logo not deleted', { key, error: (error as Error).name });
  }
}
