import { useState } from 'preact/hooks';
import { call, client, portal } from '../api.ts';
import { t } from '../i18n.ts';
import { usePasswordPair } from '../passwords.tsx';
import type { Tokens } from '../session.ts';
import { Back, Form, Page } from '../ui.tsx';
import { ChallengeStep, nextStep } from './sign-in.tsx';

// Read once, then out of the address bar and the history.
const invitationToken = new URLSearchParams(location.search).get('token');
if (invitationToken && location.pathname.endsWith('/invitation')) history.replaceState(null, '', location.pathname);

export function Invitation() {
  const pair = usePasswordPair();
  const [step, setStep] = useState<Parameters<typeof ChallengeStep>[0]['step'] | null>(null);
  if (!invitationToken)
    return (
      <Page title={t('invitation.incomplete')} narrow>
        <p>{t('invitation.incompleteHelp')}</p>
        <Back to="" label={t('common.backToSignIn')} />
      </Page>
    );
  if (step) return <ChallengeStep step={step} onNext={(next) => next.kind === 'challenge' && setStep(next)} />;
  const accept = async () => {
    const password = pair.value();
    const result = await call(() =>
      client.POST('/v1/portal/{portalName}/invitations/accept', { params: { path: portal }, body: { token: invitationToken, password } }),
    );
    // A portal that requires MFA answers with the enrolment to do next, naming the invited email.
    const next = nextStep('email' in result ? result.email : '', result as Tokens);
    if (next?.kind === 'challenge') setStep(next);
  };
  return (
    <Page title={t('invitation.heading')} narrow>
      <Form action={accept} submit={t('signIn.savePassword')}>
        {pair.fields}
      </Form>
    </Page>
  );
}
