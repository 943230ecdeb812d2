/** Where a presigned upload lands: removed after a day by the bucket's lifecycle unless confirmed. */
export const LOGO_UPLOAD_PREFIX = 'uploads/';

/** An upload of the organization's, under its own prefix so one organization's upload id never names another's object. */
export const logoUploadKey = (orgId: string, uploadId: string) => `${LOGO_UPLOAD_PREFIX}${orgId}/${uploadId}`;

/** A confirmed logo, named by its content hash: the same bytes, the same object. */
export const logoKey = (orgId: string, sha256: string, extension: 'png' | 'jpg') => `logos/${orgId}/${sha256}.${extension}`;
