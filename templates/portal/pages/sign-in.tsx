import { useEffect, useState } from 'preact/hooks';
import { call, client, codeAnswer, portal, type Schemas } from '../api.ts';
import { t } from '../i18n.ts';
import { Enrolment, usePasswordPair } from '../passwords.tsx';
import { navigate } from '../router.ts';
import { keepTokens, signedIn, type Tokens, takeReturn } from '../session.ts';
import { Field, Form, Link, Page } from '../ui.tsx';

type Challenge = { challenge: 'NEW_PASSWORD_REQUIRED' | 'SOFTWARE_TOKEN_MFA' | 'MFA_SETUP'; session: string };
type Step = { kind: 'credentials' } | ({ kind: 'challenge'; email: string } & Challenge);

/** Tokens: in, and on to where the person was going. */
export function enter(result: Tokens) {
  keepTokens(result);
  navigate(takeReturn() ?? 'documents', { replace: true });
}

/** A sign-in answers with tokens, or with the next question. */
export function nextStep(email: string, result: Tokens | Challenge): Step | null {
  if ('challenge' in result) return { kind: 'challenge', email, ...result };
  enter(result);
  return null;
}

export function SignIn() {
  const [step, setStep] = useState<Step>({ kind: 'credentials' });
  useEffect(() => {
    if (signedIn()) navigate('documents', { replace: true });
  }, []);
  if (step.kind === 'challenge') return <ChallengeStep step={step} onNext={setStep} />;
  return <Credentials onNext={setStep} />;
}

function Credentials({ onNext }: { onNext: (step: Step) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = async () => {
    const result = await call(() => client.POST('/v1/portal/{portalName}/sessions', { params: { path: portal }, body: { email, password } }));
    const next = nextStep(email, result as Tokens | Challenge);
    if (next) onNext(next);
  };
  return (
    <Page title={t('signIn.heading')} narrow>
      <Form action={signIn} submit={t('signIn.submit')}>
        <Field
          id="email"
          label={t('common.email')}
          type="email"
          autocomplete="username"
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <Field
          id="password"
          label={t('common.password')}
          type="password"
          autocomplete="current-password"
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
      </Form>
      <p>
        <Link to="reset-password">{t('signIn.forgot')}</Link>
      </p>
    </Page>
  );
}

const answer = (email: string, challenge: Challenge['challenge'], session: string, value?: string) =>
  codeAnswer(() => client.POST('/v1/portal/{portalName}/sessions/challenge', { params: { path: portal }, body: { email, challenge, session, answer: value } }));

/** The question a sign-in asked: a new password, a code, or enrolling an authenticator first. */
export function ChallengeStep({ step, onNext }: { step: Extract<Step, { kind: 'challenge' }>; onNext: (step: Step) => void }) {
  if (step.challenge === 'NEW_PASSWORD_REQUIRED') return <NewPassword step={step} onNext={onNext} />;
  if (step.challenge === 'MFA_SETUP') return <EnrolAtSignIn step={step} onNext={onNext} />;
  return (
    <CodeForm
      title={t('signIn.code')}
      submit={t('signIn.submit')}
      send={async (code) => {
        const next = nextStep(step.email, (await answer(step.email, 'SOFTWARE_TOKEN_MFA', step.session, code)) as Tokens | Challenge);
        if (next) onNext(next);
      }}
    />
  );
}

function NewPassword({ step, onNext }: { step: Extract<Step, { kind: 'challenge' }>; onNext: (step: Step) => void }) {
  const pair = usePasswordPair();
  const save = async () => {
    const newPassword = pair.value();
    const result = await call(() =>
      client.POST('/v1/portal/{portalName}/sessions/new-password', {
        params: { path: portal },
        body: { email: step.email, session: step.session, newPassword },
      }),
    );
    const next = nextStep(step.email, result as Tokens | Challenge);
    if (next) onNext(next);
  };
  return (
    <Page title={t('signIn.newPassword')} narrow>
      <Form action={save} submit={t('signIn.savePassword')}>
        {pair.fields}
      </Form>
    </Page>
  );
}

type Enrolling = Schemas['PortalBeginMfaEnrolmentResponse'] & { session: string };

function EnrolAtSignIn({ step, onNext }: { step: Extract<Step, { kind: 'challenge' }>; onNext: (step: Step) => void }) {
  const [enrolment, setEnrolment] = useState<Enrolling | null>(null);
  useEffect(() => {
    answer(step.email, 'MFA_SETUP', step.session).then((result) => setEnrolment(result as Enrolling));
  }, [step]);
  return (
    <CodeForm
      title={t('signIn.enrol')}
      submit={t('signIn.enrolSubmit')}
      send={async (code) => {
        const next = nextStep(step.email, (await answer(step.email, 'MFA_SETUP', enrolment?.session ?? step.session, code)) as Tokens | Challenge);
        if (next) onNext(next);
      }}
    >
      <p>{t('signIn.enrolIntro')}</p>
      {enrolment ? <Enrolment qrCode={enrolment.qrCode} secretCode={enrolment.secretCode} /> : <p class="muted">{t('common.loading')}</p>}
    </CodeForm>
  );
}

/** A code from the authenticator app. */
export function CodeForm({
  title,
  submit,
  send,
  children,
}: {
  title: string;
  submit: string;
  send: (code: string) => Promise<void>;
  children?: preact.ComponentChildren;
}) {
  const [code, setCode] = useState('');
  return (
    <Page title={title} narrow>
      {children}
      <Form action={() => send(code.trim())} submit={submit}>
        <Field
          id="code"
          label={t('common.authCode')}
          inputMode="numeric"
          autocomplete="one-time-code"
          value={code}
          onInput={(event) => setCode(event.currentTarget.value)}
        />
      </Form>
    </Page>
  );
}
