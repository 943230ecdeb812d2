import { afterEach, expect, it, vi } from 'vitest';
import { count } from '../../functions/core/metrics.ts';
import { withMetrics } from '../../functions/core/metrics-flush.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function stdoutLines() {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => lines.push(String(chunk)) > 0);
  return lines;
}

it("writes an invocation's counts as one EMF line in the Portico namespace, with the service as the only dimension", async () => {
  vi.stubEnv('PORTICO_LOG', 'on');
  const lines = stdoutLines();
  await withMetrics(async () => {
    count('DocumentsSent');
    count('DocumentsSent');
    count('MailsSent');
  });

  expect(lines).toHaveLength(1);
  const emf = JSON.parse(lines[0]!);
  expect(emf._aws.CloudWatchMetrics).toEqual([
    {
      Namespace: 'Portico',
      Dimensions: [['service']],
      Metrics: [
        { Name: 'DocumentsSent', Unit: 'Count' },
        { Name: 'MailsSent', Unit: 'Count' },
      ],
    },
  ]);
  expect(emf).toMatchObject({ service: 'portico', DocumentsSent: [1, 1], MailsSent: 1 });
  expect(typeof emf._aws.Timestamp).toBe('number');
});

it('writes nothing for an invocation that counted nothing, and nothing when logs are silent', async () => {
  const lines = stdoutLines();
  vi.stubEnv('PORTICO_LOG', 'on');
  await withMetrics(async () => undefined);
  vi.stubEnv('PORTICO_LOG', 'silent');
  await withMetrics(async () => count('AttemptsThrottled'));
  expect(lines).toEqual([]);
});

it('writes what was counted before a failure, and lets the failure through', async () => {
  vi.stubEnv('PORTICO_LOG', 'on');
  const lines = stdoutLines();
  await expect(
    withMetrics(async () => {
      count('WebhookEventsFailed');
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  expect(JSON.parse(lines[0]!)).toMatchObject({ WebhookEventsFailed: 1 });
});
