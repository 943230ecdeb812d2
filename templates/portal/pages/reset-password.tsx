import { useState } from 'preact/hooks';
import { call, client, portal } from '../api.ts';
import { t } from '../i18n.ts';
import { usePasswordPair } from '../passwords.tsx';
import { Back, Field, Form, Link, Notice, Page } from '../ui.tsx';

const requestCode = (email: string) => call(() => client.POST('/v1/portal/{portalName}/password-reset', { params: { path: portal }, body: { email } }));

/** Forgotten (or changed from the account page) password: a code by email, then the new password. */
export function ResetPassword() {
  const [email, setEmail] = useState(new URLSearchParams(location.search).get('email') ?? '');
  const [sent, setSent] = useState(false);
  if (sent) return <ConfirmReset email={email} />;
  return (
    <Page title={t('reset.title')} narrow>
      <Form
        action={async () => {
          await requestCode(email);
          setSent(true);
        }}
        submit={t('reset.submit')}
      >
        <Field
          id="email"
          label={t('common.email')}
          type="email"
          autocomplete="username"
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
      </Form>
      <Back to="" label={t('common.backToSignIn')} />
    </Page>
  );
}

function ConfirmReset({ email }: { email: string }) {
  const [code, setCode] = useState('');
  const [done, setDone] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const pair = usePasswordPair();
  if (done)
    return (
      <Page title={t('reset.done')} narrow>
        <p class="notice">
          <Link to="">{t('reset.signIn')}</Link>
        </p>
      </Page>
    );
  const confirm = async () => {
    const newPassword = pair.value();
    await call(() =>
      client.POST('/v1/portal/{portalName}/password-reset/confirm', { params: { path: portal }, body: { email, code: code.trim(), newPassword } }),
    );
    setDone(true);
  };
  return (
    <Page title={t('reset.codeHeading')} narrow>
      <p>{t('reset.sentTo', { email })}</p>
      <Form action={confirm} submit={t('reset.confirm')}>
        <Field
          id="code"
          label={t('common.code')}
          autocomplete="one-time-code"
          inputMode="numeric"
          value={code}
          onInput={(event) => setCode(event.currentTarget.value)}
        />
        {pair.fields}
      </Form>
      <Form
        id="resend"
        secondary
        action={async () => {
          await requestCode(email);
          setNotice(t('reset.resent'));
        }}
        submit={t('reset.resend')}
      />
      <Notice message={notice} />
      <Back to="" label={t('common.backToSignIn')} />
    </Page>
  );
}
