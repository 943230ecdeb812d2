import { type Stack, Validations } from 'aws-cdk-lib';

/** Findings of the AwsSolutions pack that are deliberate, each with its reason (route-level ones sit beside their routes). */
export function acknowledgeNagFindings(stack: Stack) {
  Validations.of(stack).acknowledge(
    {
      id: 'AwsSolutions-L1',
      reason: 'Functions run nodejs22.x on purpose: bundles target Node 20/22 and are tested on them; a runtime upgrade is a deliberate change.',
    },
    {
      id: 'AwsSolutions-COG2',
      reason:
        'Both pools offer TOTP MFA (optional at pool level): one pool serves every organization, and each organization requires it of its portal persons or staff members, enforced by the API (README "MFA").',
    },
  );
}
