import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, SessionEnded } from './api.ts';
import { errorText, money, t } from './i18n.ts';
import { follow, navigate } from './router.ts';
import { base, organizationName } from './session.ts';

/** A link to a page of this portal (`documents`, `documents/{id}`). */
export function Link({ to, children, ...rest }: { to: string; children: ComponentChildren; id?: string; class?: string; 'aria-current'?: 'true' }) {
  return (
    <a href={`${base}${to ? `/${to}` : ''}`} onClick={follow} {...rest}>
      {children}
    </a>
  );
}

/** A page's card: its heading is also the tab's title. */
export function Page({ title, narrow, children, id }: { title: string; narrow?: boolean; children: ComponentChildren; id?: string }) {
  useEffect(() => {
    document.title = `${title} · ${organizationName}`;
  }, [title]);
  return (
    <section class={narrow ? 'card narrow' : 'card'} id={id}>
      <h1>{title}</h1>
      {children}
    </section>
  );
}

export const Back = ({ to = 'documents', label = t('common.backToDocuments') }: { to?: string; label?: string }) => (
  <p class="back">
    <Link to={to}>← {label}</Link>
  </p>
);

export function Field({
  id,
  label,
  hint,
  type = 'text',
  ...input
}: {
  id: string;
  label: string;
  hint?: string;
  type?: 'email' | 'password' | 'text';
  autocomplete?: string;
  inputMode?: 'numeric' | 'decimal';
  value: string;
  onInput: (event: { currentTarget: HTMLInputElement }) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input id={id} name={id} type={type as 'text'} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
    </div>
  );
}

export const Alert = ({ message }: { message: string | null }) => (
  <p class="error" role="alert">
    {message ?? ''}
  </p>
);

export const Notice = ({ message }: { message: string | null }) => (message ? <p class="notice">{message}</p> : null);

/** What to fill into an error's message: the field by its name, money as money in `currency`. */
export function messageOf(error: unknown, currency?: string): string {
  if (!(error instanceof ApiError)) return error instanceof Error && error.message && !(error instanceof TypeError) ? error.message : t('common.error');
  const details = error.details ?? {};
  const issues = Array.isArray(details) ? (details as { path?: string }[]) : [];
  const path = typeof details.field === 'string' ? details.field : (issues[0]?.path ?? '');
  const field = fieldName(path.split('.').at(-1) ?? '');
  const asMoney = (value: unknown) => (typeof value === 'number' && currency ? money(value, currency) : String(value ?? ''));
  return errorText(error.code, {
    field,
    balance: asMoney(details.balance),
    minimum: asMoney(details.minimum),
    rules: t('common.passwordRules', { min: 12 }),
  });
}

const fields = ['amount', 'email', 'password', 'code', 'reason', 'body', 'from', 'to', 'number'] as const;
function fieldName(name: string): string {
  const known = (fields as readonly string[]).includes(name) ? (name as (typeof fields)[number]) : name === 'newPassword' ? 'password' : undefined;
  return t(known ? `field.${known}` : 'field.other');
}

/** A form whose submit runs `action`; its refusal shows as an alert in the person's language. */
export function Form({
  action,
  submit,
  children,
  currency,
  id,
  submitId,
  secondary,
}: {
  action: () => Promise<unknown>;
  submit: string;
  children?: ComponentChildren;
  currency?: string;
  id?: string;
  submitId?: string;
  secondary?: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await action();
    } catch (failure) {
      if (failure instanceof SessionEnded) return navigate('session-expired', { replace: true });
      setError(messageOf(failure, currency));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={onSubmit} id={id} noValidate>
      {children}
      <button class={secondary ? 'secondary' : 'primary'} type="submit" id={submitId} disabled={busy}>
        {submit}
      </button>
      <Alert message={error} />
    </form>
  );
}

/** Data for a page: loading, loaded, or the reason it is not (a session that ended moves to its page). */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data?: T; error?: unknown; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown }>({});
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data }),
      (error) => {
        if (error instanceof SessionEnded) navigate('session-expired', { replace: true });
        else if (live) setState({ error });
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  return { ...state, reload: () => setRound((value) => value + 1) };
}

/** While loading, or when the load failed: what the page shows instead. */
export function Pending({ error, title }: { error?: unknown; title: string }) {
  if (error instanceof ApiError && error.status === 404) return <NotFound title={t('document.notFound')} />;
  return <Page title={title}>{error === undefined ? <p class="muted">{t('common.loading')}</p> : <Alert message={messageOf(error)} />}</Page>;
}

export const NotFound = ({ title = t('notFound.title') }: { title?: string }) => (
  <Page title={title} id="not-found">
    <p>{t('notFound.help')}</p>
    <Back />
  </Page>
);

/** A table that becomes stacked cards on a phone: each cell carries its column's name. */
export const Cell = ({ label, num, children }: { label: string; num?: boolean; children?: ComponentChildren }) => (
  <td data-label={label} class={num ? 'num' : undefined}>
    {children}
  </td>
);
