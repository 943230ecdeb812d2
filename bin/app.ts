import { App } from 'aws-cdk-lib';
import { mailLimitsFrom } from '../lib/mail-limits-context.ts';
import { PorticoStack } from '../lib/portico-stack.ts';

const app = new App();
const context = (name: string) => app.node.tryGetContext(name) as string | undefined;

new PorticoStack(app, context('stackName') ?? 'Portico', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  deletionProtection: context('deletionProtection') !== 'false',
  sesIdentity: context('sesIdentity') ?? 'example.com',
  emailFrom: context('emailFrom') ?? 'Portico <no-reply@example.com>',
  publicBaseUrl: context('publicBaseUrl'),
  staffAppUrl: context('staffAppUrl'),
  alarmEmail: context('alarmEmail'),
  mailLimits: mailLimitsFrom(context),
});
