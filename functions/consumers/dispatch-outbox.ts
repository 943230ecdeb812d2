import { notificationEffects } from '../core/notifications/effects.ts';
import { checkoutExpiryEffects } from '../core/online-payments/expiry.ts';
import { outboxDispatcher } from '../core/outbox/consumer.ts';
import { webhookEffects } from '../core/outgoing-webhooks/effects.ts';
import { receivablesEffects } from '../core/receivables/effects.ts';

export const handler = outboxDispatcher({
  notifications: notificationEffects,
  checkoutExpiry: checkoutExpiryEffects,
  webhooks: webhookEffects,
  receivables: receivablesEffects,
});
