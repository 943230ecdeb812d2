import { startLogoUpload } from '../core/branding/logo-service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { startLogoUploadRoute } from './routes.ts';

export const handler = http(startLogoUploadRoute, async ({ caller }) => ok(await startLogoUpload(caller)));
