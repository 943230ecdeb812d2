import { App } from 'aws-cdk-lib';
import type { Route } from '../../functions/routes.ts';
import { PorticoStack, type PorticoStackProps } from '../../lib/portico-stack.ts';

/** The stack as the tests synthesize it: bundling skipped (`npm run synth` bundles every function with esbuild). */
export function testApp(outdir?: string, props: Partial<PorticoStackProps> & { routes?: Route[] } = {}) {
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new PorticoStack(app, 'Test', {
    env: { account: '123456789012', region: 'eu-west-1' },
    deletionProtection: true,
    sesIdentity: 'example.com',
    emailFrom: 'Acme <billing@example.com>',
    ...props,
  });
  return { app, stack };
}
