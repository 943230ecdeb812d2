import { useEffect, useState } from 'preact/hooks';
import { ApiError, call, client, portal, type Schemas } from '../api.ts';
import { money, t, useLanguage } from '../i18n.ts';
import { Back, Link, Page, Pending } from '../ui.tsx';

type Checkout = Schemas['PortalGetCheckoutStatusResponse'];

const POLL_MS = 1500;
const GIVE_UP_MS = 5 * 60_000;

/** Stripe sends the person here after paying: processing until the webhook has applied the payment. */
export function PaymentReturn() {
  useLanguage();
  const sessionId = new URLSearchParams(location.search).get('session_id') ?? '';
  const [state, setState] = useState<{ checkout?: Checkout; error?: unknown }>({});
  useEffect(() => {
    let live = true;
    const deadline = Date.now() + GIVE_UP_MS;
    const poll = async () => {
      try {
        const checkout = await call(() => client.GET('/v1/portal/{portalName}/checkout/{sessionId}', { params: { path: { ...portal, sessionId } } }));
        if (!live) return;
        setState({ checkout });
        if ((checkout.status === 'open' || checkout.status === 'processing') && Date.now() < deadline) setTimeout(poll, POLL_MS);
      } catch (error) {
        if (live) setState({ error });
      }
    };
    poll();
    return () => {
      live = false;
    };
  }, [sessionId]);
  if (state.error instanceof ApiError && (state.error.status === 404 || state.error.status === 400))
    return (
      <Page title={t('payment.unknown')} id="payment-status">
        <p>{t('payment.unknownHelp')}</p>
        <Back />
      </Page>
    );
  if (!state.checkout) return <Pending error={state.error} title={t('payment.title')} />;
  const { checkout } = state;
  const [title, help] =
    checkout.status === 'paid'
      ? [t('payment.received'), t('payment.thanks')]
      : checkout.status === 'expired'
        ? [t('payment.expired'), t('payment.expiredHelp')]
        : [t('payment.processing'), t('payment.processingHelp')];
  return (
    <div id="payment-status" data-status={checkout.status === 'open' ? 'processing' : checkout.status}>
      <Page title={title}>
        <p aria-live="polite">{help}</p>
        {checkout.status === 'expired' ? null : (
          <ul>
            {checkout.documents.map((entry) => (
              <li key={entry.docId}>
                <Link to={`documents/${encodeURIComponent(entry.docId)}`}>{entry.number}</Link> · {money(entry.amount, checkout.currency)}
              </li>
            ))}
          </ul>
        )}
        <Back />
      </Page>
    </div>
  );
}

/** Stripe's Cancel link: nothing was paid. */
export const PaymentCancel = () => (
  <div id="payment-status" data-status="cancelled">
    <Page title={t('payment.cancelled')}>
      <p>{t('payment.cancelledHelp')}</p>
      <Back />
    </Page>
  </div>
);
