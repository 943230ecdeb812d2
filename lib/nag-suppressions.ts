import { Validations, type Stack } from 'aws-cdk-lib';

/** Findings of the AwsSolutions pack that are deliberate, each with its reason (route-level ones sit beside their routes). */
export function acknowledgeNagFindings(stack: Stack) {
  Validations.of(stack).acknowledge(
    {
      id: 'AwsSolutions-L1',
      reason: 'Functions run nodejs22.x on purpose: bundles target Node 20/22 and are tested on them; a runtime upgrade is a deliberate change.',
    },
    {
      id: 'AwsSolutions-COG2',
      reason: 'MFA is not forced on portal customers or staff at launch; Cognito threat protection (Plus plan) guards sign-ins, and optional MFA can be enabled per pool.',
    },
  );
}
