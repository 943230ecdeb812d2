import { useEffect } from 'preact/hooks';
import { call, client, portal } from './api.ts';
import { useBranding } from './branding.ts';
import { chooseLanguage, LANGUAGE_NAMES, LANGUAGES, type Language, t, useLanguage } from './i18n.ts';
import { Account } from './pages/account.tsx';
import { DocumentPage } from './pages/document.tsx';
import { Documents } from './pages/documents.tsx';
import { Invitation } from './pages/invitation.tsx';
import { PaymentCancel, PaymentReturn } from './pages/payment.tsx';
import { ResetPassword } from './pages/reset-password.tsx';
import { SessionExpired } from './pages/session-expired.tsx';
import { SignIn } from './pages/sign-in.tsx';
import { Statement } from './pages/statement.tsx';
import { navigate, needsSession, type Route, routeOf, useLocation } from './router.ts';
import { base, dropTokens, organizationName, rememberReturn, signedIn, tokens } from './session.ts';
import { Link, NotFound } from './ui.tsx';

/** The portal: a header (the menu only once signed in), and the page the address names. */
export function App() {
  useLanguage();
  const { pathname } = useLocation();
  const route = routeOf(pathname);
  const mustSignIn = needsSession(route) && !signedIn();
  useEffect(() => {
    if (!mustSignIn) return;
    rememberReturn(location.pathname + location.search);
    navigate('', { replace: true });
  }, [mustSignIn]);
  return (
    <>
      <a class="skip" href="#main">
        {t('common.skip')}
      </a>
      <Header />
      <main id="main">{mustSignIn ? null : <PageOf route={route} />}</main>
    </>
  );
}

function PageOf({ route }: { route: Route }) {
  switch (route.page) {
    case 'sign-in':
      return <SignIn />;
    case 'invitation':
      return <Invitation />;
    case 'reset-password':
      return <ResetPassword />;
    case 'documents':
      return <Documents />;
    case 'document':
      return <DocumentPage docId={route.docId} />;
    case 'statement':
      return <Statement />;
    case 'account':
      return <Account />;
    case 'payment-return':
      return <PaymentReturn />;
    case 'payment-cancel':
      return <PaymentCancel />;
    case 'session-expired':
      return <SessionExpired />;
    case 'not-found':
      return <NotFound />;
  }
}

function Header() {
  const language = useLanguage();
  const logo = useBranding();
  const signOut = async () => {
    const refreshToken = tokens()?.refreshToken;
    dropTokens();
    if (refreshToken)
      await call(() => client.POST('/v1/portal/{portalName}/sessions/sign-out', { params: { path: portal }, body: { refreshToken } })).catch(() => {});
    navigate('');
  };
  return (
    <header>
      <div class="bar">
        {logo ? <img class="logo" src={logo} alt="" /> : null}
        <a class="org" href={signedIn() ? `${base}/documents` : base}>
          {organizationName}
        </a>
        {signedIn() ? (
          <nav aria-label={t('nav.label')}>
            <Link to="documents">{t('nav.documents')}</Link>
            <Link to="statement">{t('nav.statement')}</Link>
            <Link to="account">{t('nav.account')}</Link>
            <button id="sign-out" type="button" onClick={signOut}>
              {t('nav.signOut')}
            </button>
          </nav>
        ) : null}
        <label class="language">
          <span class="sr-only">{t('language.label')}</span>
          <select id="language" value={language} onChange={(event) => chooseLanguage((event.currentTarget as HTMLSelectElement).value as Language)}>
            {LANGUAGES.map((code) => (
              <option value={code} lang={code} key={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
