import * as z from 'zod/mini';

export const PortalNameParams = z.lazy(() => z.object({ name: z.string().check(z.minLength(1), z.maxLength(100)) }));
export const PortalParams = z.lazy(() => z.object({ portalName: z.string().check(z.minLength(1), z.maxLength(100)) }));
export const PortalAssetParams = z.lazy(() => z.object({ file: z.string().check(z.maxLength(100)) }));
export const PortalPageParams = z.lazy(() =>
  z.object({
    portalName: z.string().check(z.minLength(1), z.maxLength(100)),
    page: z._default(z.string().check(z.maxLength(40)), 'sign-in'),
    docId: z.optional(z.string().check(z.maxLength(64))),
  }),
);
