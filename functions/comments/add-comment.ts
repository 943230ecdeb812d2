import { addStaffComment } from '../core/comments/service.ts';
import { http } from '../core/http/handler.ts';
import { created } from '../core/http/responses.ts';
import { addCommentRoute } from './routes.ts';

export const handler = http(addCommentRoute, async ({ caller, params, body }) => created(await addStaffComment(caller, params.kind, params.docId, body)));
