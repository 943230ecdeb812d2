import { todayIn } from '../core/calendar.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { runReminders } from '../core/reminders/service.ts';
import { runRemindersRoute } from './routes.ts';

export const handler = http(runRemindersRoute, async ({ caller, body }) => {
  const { sent, lateFees } = await runReminders(caller.organization, body.asOf ?? todayIn(caller.organization));
  return ok({ sent, lateFees });
});
