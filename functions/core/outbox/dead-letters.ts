import { appendFile } from 'node:fs/promises';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { config, region } from '../config.ts';
import type { OutboxEvent } from './events.ts';

/** What an effect's dead-letter queue holds: the event itself, so an operator can replay the effect alone. */
export interface EffectDeadLetter {
  effect: string;
  timestamp: string;
  attempts: number;
  /** The error's name only: messages may carry customer data. */
  error: string;
  event: OutboxEvent;
}

let client: SQSClient | undefined;
const sqs = () => (client ??= new SQSClient({ region: region() }));

/** Sends an effect that kept failing to its own dead-letter queue (locally: the runtime's dead-letters file). */
export async function sendToDeadLetters(letter: EffectDeadLetter): Promise<void> {
  const { DEAD_LETTER_QUEUES, DEAD_LETTERS_FILE } = config('deadLetters');
  if (DEAD_LETTERS_FILE) {
    await appendFile(DEAD_LETTERS_FILE, `${JSON.stringify(letter)}\n`);
    return;
  }
  const queueUrl = (JSON.parse(DEAD_LETTER_QUEUES) as Record<string, string>)[letter.effect];
  if (!queueUrl) throw new Error(`No dead-letter queue for the ${letter.effect} effect.`);
  await sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(letter) }));
}
