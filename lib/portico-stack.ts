import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { defaultMailLimits, type MailLimits } from '../functions/core/email/limits.ts';
import type { Route } from '../functions/routes.ts';
import { Alarms } from './alarms.ts';
import { createOperationsDashboard } from './dashboard.ts';
import { createDataTable } from './data-table.ts';
import { EffectDeadLetters } from './dead-letter-queues.ts';
import { createEmailTemplates } from './email-templates.ts';
import { PorticoApi } from './http-api.ts';
import { createLogoBucket } from './logo-bucket.ts';
import { MailFeedbackChannel, TopicSubscribers } from './mail-feedback.ts';
import { acknowledgeNagFindings } from './nag-suppressions.ts';
import { ScheduledFunctions } from './scheduled-functions.ts';
import { pascal } from './settings/function-groups.ts';
import { StreamConsumers } from './stream-consumers.ts';
import { createStripeSecrets } from './stripe-secrets.ts';
import { UserPools } from './user-pools.ts';

export interface PorticoStackProps extends StackProps {
  /** Protects the table and pools from deletion (production: true). */
  deletionProtection: boolean;
  /** Verified SES identity (domain or address) that sends the mails. */
  sesIdentity: string;
  /** From header, an address of that identity, e.g. `Acme Billing <billing@example.com>`. */
  emailFrom: string;
  /** Public base of portal links (a custom domain); defaults to the API's own URL. */
  publicBaseUrl?: string;
  /** The staff web app's base (no trailing slash), where mail to staff links; defaults to `<publicBaseUrl>/staff`. */
  staffAppUrl?: string;
  /** Daily mail limits; the defaults (functions/core/email/limits.ts) where not given. */
  mailLimits?: Partial<MailLimits>;
  /** The routes to serve; the route table unless a test adds one. */
  routes?: Route[];
  /** Where alarms are mailed (an email subscription to the alarm topic); none without it. */
  alarmEmail?: string;
}

export const TEMPLATE_PREFIX = 'portico';

/** The whole application: one table, two user pools, the HTTP API with its functions, the stream consumers, the scheduled functions, SES templates and the mail feedback channel, the alarms and the dashboard. */
export class PorticoStack extends Stack {
  constructor(scope: Construct, id: string, props: PorticoStackProps) {
    super(scope, id, props);
    const table = createDataTable(this, { deletionProtection: props.deletionProtection });
    const pools = new UserPools(this, 'Users', { retain: props.deletionProtection });
    createEmailTemplates(this, TEMPLATE_PREFIX);
    const stripeSecrets = createStripeSecrets(this);
    const logoBucket = createLogoBucket(this, { retain: props.deletionProtection });
    const effectDeadLetters = new EffectDeadLetters(this, 'EffectDeadLetters');
    const mailFeedback = new MailFeedbackChannel(this, 'MailFeedback');

    const api = new PorticoApi(this, 'Api', {
      pools,
      routes: props.routes,
      bindables: (httpApi) => ({
        table,
        portal: pools.portal,
        staff: pools.staff,
        publicBaseUrl: props.publicBaseUrl ?? httpApi.apiEndpoint,
        staffAppUrl: props.staffAppUrl ?? `${props.publicBaseUrl ?? httpApi.apiEndpoint}/staff`,
        email: {
          from: props.emailFrom,
          identityArn: this.formatArn({ service: 'ses', resource: 'identity', resourceName: props.sesIdentity }),
          configurationSet: {
            name: mailFeedback.configurationSet.configurationSetName,
            arn: this.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: mailFeedback.configurationSet.configurationSetName }),
          },
        },
        stripeSecrets,
        logoBucket,
        mailLimits: { ...defaultMailLimits, ...props.mailLimits },
        effectDeadLetters: effectDeadLetters.queues,
      }),
    });
    const consumers = new StreamConsumers(this, 'Consumers', { table, bindables: api.bindables });
    const scheduled = new ScheduledFunctions(this, 'Schedules', { bindables: api.bindables });
    const subscribed = new TopicSubscribers(this, 'Subscribers', { bindables: api.bindables, topics: { mailFeedback: mailFeedback.topic } });

    const functions = new Map<string, IFunction>(
      [...api.functions, ...consumers.functions, ...scheduled.functions, ...subscribed.functions].map(([name, fn]) => [pascal(name), fn]),
    );
    const alarms = new Alarms(this, 'Alarms', {
      api: api.api,
      table,
      functions,
      deadLetters: new Map([...consumers.deadLetters, ...subscribed.deadLetters]),
      effectDeadLetters: effectDeadLetters.queues,
      alarmEmail: props.alarmEmail,
    });
    createOperationsDashboard(this, { api: api.api, table, functions, alarms: alarms.alarms });

    acknowledgeNagFindings(this);

    new CfnOutput(this, 'ApiUrl', { value: api.api.apiEndpoint });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'StaffUserPoolId', { value: pools.staff.pool.userPoolId });
    new CfnOutput(this, 'StaffClientId', { value: pools.staff.client.userPoolClientId });
    new CfnOutput(this, 'PortalUserPoolId', { value: pools.portal.pool.userPoolId });
    new CfnOutput(this, 'PortalClientId', { value: pools.portal.client.userPoolClientId });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: alarms.topic.topicArn,
      description: 'Every alarm notifies this topic; subscribe to it (or deploy with -c alarmEmail=…).',
    });
    new CfnOutput(this, 'StripeSecretsArn', { value: stripeSecrets.secretArn, description: 'Put the Stripe keys here (README, Deploying).' });
  }
}
