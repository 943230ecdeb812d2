import { useState } from 'preact/hooks';
import { passwordPolicy } from '../../lib/settings/user-pools.ts';
import { t } from './i18n.ts';
import { Field } from './ui.tsx';

export const passwordRules = () => t('common.passwordRules', { min: passwordPolicy.minLength });

/** A new password typed twice, with the rules shown before the first try; `value()` is the password, or throws when the two differ. */
export function usePasswordPair() {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const fields = (
    <>
      <Field
        id="password"
        label={t('common.newPassword')}
        type="password"
        autocomplete="new-password"
        hint={passwordRules()}
        value={password}
        onInput={(event) => setPassword(event.currentTarget.value)}
      />
      <Field
        id="confirm"
        label={t('common.repeatPassword')}
        type="password"
        autocomplete="new-password"
        value={confirm}
        onInput={(event) => setConfirm(event.currentTarget.value)}
      />
    </>
  );
  const value = () => {
    if (password !== confirm) throw new Error(t('common.passwordsDiffer'));
    return password;
  };
  return { fields, value };
}

/** An authenticator to scan, or its key to type. */
export const Enrolment = ({ qrCode, secretCode }: { qrCode: string; secretCode: string }) => (
  <>
    <img id="mfa-qr" src={qrCode} alt={t('mfa.qrAlt')} width={200} height={200} />
    <p>
      {t('mfa.secret')} <code id="mfa-secret">{secretCode}</code>
    </p>
  </>
);
