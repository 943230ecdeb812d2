import { useState } from 'preact/hooks';
import { call, client, codeAnswer, portal, type Schemas } from '../api.ts';
import { dateTime, personLanguage, t, useLanguage } from '../i18n.ts';
import { Enrolment } from '../passwords.tsx';
import { navigate } from '../router.ts';
import { dropTokens, tokens } from '../session.ts';
import { Cell, Field, Form, Link, Notice, Page, Pending, useLoad } from '../ui.tsx';

type Me = Schemas['PortalGetMeResponse'];

const accessToken = () => tokens()?.accessToken ?? '';
const signInsPage = (cursor?: string) =>
  call(() => client.GET('/v1/portal/{portalName}/me/sign-ins', { params: { path: portal, query: { limit: 10, cursor } } }));
type SignIns = Awaited<ReturnType<typeof signInsPage>>;

export function Account() {
  useLanguage();
  const loaded = useLoad(() => Promise.all([call(() => client.GET('/v1/portal/{portalName}/me', { params: { path: portal } })), signInsPage()]), []);
  if (!loaded.data) return <Pending error={loaded.error} title={t('account.title')} />;
  const [me, signIns] = loaded.data;
  personLanguage((me.person as { language?: unknown }).language);
  return (
    <Page title={t('account.title')} id="account">
      <dl class="facts">
        <div>
          <dt>{t('account.name')}</dt>
          <dd id="person-name">{me.person.name}</dd>
        </div>
        <div>
          <dt>{t('account.email')}</dt>
          <dd id="person-email">{me.person.email}</dd>
        </div>
        <div>
          <dt>{t('account.company')}</dt>
          <dd>{me.contact.name}</dd>
        </div>
      </dl>
      <section aria-labelledby="password-title">
        <h2 id="password-title">{t('account.password')}</h2>
        <p>{t('account.passwordIntro')}</p>
        <p>
          <Link to={`reset-password?email=${encodeURIComponent(me.person.email)}`} id="change-password">
            {t('account.changePassword')}
          </Link>
        </p>
      </section>
      <Mfa me={me} onChange={loaded.reload} />
      <History first={signIns} />
      <section aria-labelledby="everywhere-title">
        <h2 id="everywhere-title">{t('everywhere.heading')}</h2>
        <p>{t('everywhere.intro')}</p>
        <Form
          id="sign-out-everywhere"
          secondary
          submit={t('everywhere.heading')}
          action={async () => {
            await call(() => client.POST('/v1/portal/{portalName}/me/sign-out-everywhere', { params: { path: portal } }));
            dropTokens();
            navigate('', { replace: true });
          }}
        />
      </section>
    </Page>
  );
}

function Mfa({ me, onChange }: { me: Me; onChange: () => void }) {
  const [enrolment, setEnrolment] = useState<Schemas['PortalBeginMfaEnrolmentResponse'] | null>(null);
  const [code, setCode] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const organization = me.organization.name;
  if (me.mfa.setting === 'off') return null;
  const begin = async () => {
    setEnrolment(await call(() => client.POST('/v1/portal/{portalName}/me/mfa', { params: { path: portal }, body: { accessToken: accessToken() } })));
  };
  const verify = async () => {
    await codeAnswer(() =>
      client.POST('/v1/portal/{portalName}/me/mfa/verify', { params: { path: portal }, body: { accessToken: accessToken(), code: code.trim() } }),
    );
    setEnrolment(null);
    setNotice(t('mfa.nowOn'));
    onChange();
  };
  const turnOff = async () => {
    await call(() => client.DELETE('/v1/portal/{portalName}/me/mfa', { params: { path: portal }, body: { accessToken: accessToken() } }));
    setNotice(t('mfa.nowOff'));
    onChange();
  };
  return (
    <section aria-labelledby="mfa-title" id="mfa">
      <h2 id="mfa-title">{t('mfa.heading')}</h2>
      <p id="mfa-state">{me.mfa.setting === 'required' ? t('mfa.required', { organization }) : me.mfa.enrolled ? t('mfa.on') : t('mfa.off')}</p>
      <Notice message={notice} />
      {me.mfa.enrolled ? (
        me.mfa.setting === 'optional' ? (
          <Form id="mfa-off" secondary action={turnOff} submit={t('mfa.turnOff')} />
        ) : null
      ) : enrolment ? (
        <>
          <Enrolment qrCode={enrolment.qrCode} secretCode={enrolment.secretCode} />
          <Form id="mfa-verify" action={verify} submit={t('mfa.turnOn')}>
            <Field
              id="code"
              label={t('common.authCode')}
              inputMode="numeric"
              autocomplete="one-time-code"
              value={code}
              onInput={(event) => setCode(event.currentTarget.value)}
            />
          </Form>
        </>
      ) : (
        <Form id="mfa-begin" secondary action={begin} submit={t('mfa.setUp')} />
      )}
    </section>
  );
}

function History({ first }: { first: SignIns }) {
  const [pages, setPages] = useState<SignIns[]>([first]);
  const items = pages.flatMap((page) => page.items);
  const nextCursor = pages.at(-1)?.nextCursor;
  const loadMore = async () => {
    setPages([...pages, await signInsPage(nextCursor ?? undefined)]);
  };
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('history.heading')}</h2>
      {items.length === 0 ? (
        <p class="muted">{t('history.none')}</p>
      ) : (
        <table class="cards" id="sign-ins">
          <thead>
            <tr>
              <th scope="col">{t('col.when')}</th>
              <th scope="col">{t('col.result')}</th>
              <th scope="col">{t('col.from')}</th>
              <th scope="col">{t('col.device')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.id}>
                <Cell label={t('col.when')}>{dateTime(entry.at)}</Cell>
                <Cell label={t('col.result')}>{entry.result === 'success' ? t('history.success') : t('history.failure')}</Cell>
                <Cell label={t('col.from')}>{entry.sourceIp}</Cell>
                <Cell label={t('col.device')}>
                  <span class="agent">{entry.userAgent}</span>
                </Cell>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor ? <Form id="more-sign-ins" secondary action={loadMore} submit={t('common.loadMore')} /> : null}
    </section>
  );
}
