import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { type ScheduleSpec, schedules } from '../functions/core/schedules.ts';
import { HandlerFunction } from './handler-function.ts';
import type { Bindables } from './needs-binding.ts';
import { entryFile, pascal } from './settings/function-groups.ts';

/**
 * One function per entry of the schedule table, bound by its needs, and an
 * EventBridge Scheduler schedule that invokes it at its rate through a role
 * that may invoke that function and nothing else.
 */
export class ScheduledFunctions extends Construct {
  readonly functions = new Map<string, HandlerFunction>();

  constructor(scope: Construct, id: string, props: { bindables: Bindables }) {
    super(scope, id);
    for (const [name, spec] of Object.entries(schedules) as [string, ScheduleSpec][]) {
      const id = pascal(name);
      const handler = new HandlerFunction(this, id, {
        entry: entryFile(spec.entry),
        needs: spec.needs,
        bindables: props.bindables,
        timeout: Duration.seconds(spec.timeoutSeconds),
      });
      this.functions.set(name, handler);
      const role = new Role(this, `${id}ScheduleRole`, { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
      const functionId = Stack.of(this).resolve((handler.node.defaultChild as CfnFunction).logicalId) as string;
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${functionId}.Arn>:*]`,
        reason:
          "The Lambda target's grant names the function and its versions (`<arn>:*`); the role is assumable only by EventBridge Scheduler and may invoke only this function.",
      });
      new Schedule(this, `${id}Schedule`, {
        description: spec.summary,
        schedule: ScheduleExpression.rate(Duration.minutes(spec.rate)),
        target: new LambdaInvoke(handler, {
          role,
          input: ScheduleTargetInput.fromObject({}),
          // A run that failed is not worth retrying once the next one is due; runs overlap their predecessors anyway.
          maxEventAge: Duration.minutes(spec.rate),
          retryAttempts: 2,
        }),
      });
    }
  }
}
