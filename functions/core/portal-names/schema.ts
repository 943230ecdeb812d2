import * as z from 'zod/mini';

export const PortalNameParams = z.object({ name: z.string().check(z.minLength(1), z.maxLength(100)) });
export const PortalParams = z.object({ portalName: z.string().check(z.minLength(1), z.maxLength(100)) });
