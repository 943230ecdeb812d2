import { checkoutExpiryEffects } from '../core/online-payments/expiry.ts';
import { outboxConsumer } from '../core/outbox/consumer.ts';

export const handler = outboxConsumer('checkoutExpiry', checkoutExpiryEffects);
