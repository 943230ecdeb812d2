import { notificationEffects } from '../core/notifications/effects.ts';
import { checkoutExpiryEffects } from '../core/online-payments/expiry.ts';
import { outboxDispatcher } from '../core/outbox/consumer.ts';

export const handler = outboxDispatcher({ notifications: notificationEffects, checkoutExpiry: checkoutExpiryEffects });
