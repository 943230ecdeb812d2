import { t } from '../i18n.ts';
import { Link, Page } from '../ui.tsx';

export const SessionExpired = () => (
  <Page title={t('expired.title')} narrow id="session-expired">
    <p>{t('expired.help')}</p>
    <p>
      <Link to="" class="button">
        {t('signIn.submit')}
      </Link>
    </p>
  </Page>
);
