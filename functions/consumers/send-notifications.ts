import { notificationEffects } from '../core/notifications/effects.ts';
import { outboxConsumer } from '../core/outbox/consumer.ts';

export const handler = outboxConsumer('notifications', notificationEffects);
