import { useState } from 'preact/hooks';
import { call, client, portal } from '../api.ts';
import { language, money, t } from '../i18n.ts';
import { amountText, parseAmount } from '../money-input.ts';
import { type Me, type PortalDocument, payable, payingOnline } from '../payable.ts';
import { Form } from '../ui.tsx';

/** Off to Stripe's hosted checkout page. */
export async function toCheckout(start: () => Promise<{ url: string }>) {
  location.assign((await start()).url);
}

/** Pay online (with an amount in money when part payments are allowed), or how to pay offline. */
export function PayPanel({ me, document }: { me: Me; document: PortalDocument }) {
  if (!payable(document)) return null;
  if (!payingOnline(me)) return <OfflinePayment me={me} />;
  return <PayOnline me={me} document={document} />;
}

function OfflinePayment({ me }: { me: Me }) {
  const organization = me.organization.name;
  const instructions = me.organization.offlinePaymentInstructions;
  return (
    <section class="pay" id="pay-unavailable" aria-labelledby="pay-offline">
      <h2 id="pay-offline">{t('pay.offline')}</h2>
      {me.onlinePayments.enabled && !me.onlinePayments.permitted ? <p class="muted">{t('pay.notPermitted', { organization })}</p> : null}
      {instructions ? <p class="instructions">{instructions}</p> : <p>{t('pay.offlineMissing', { organization })}</p>}
    </section>
  );
}

function PayOnline({ me, document }: { me: Me; document: PortalDocument }) {
  const partial = me.onlinePayments.allowPartial;
  const [text, setText] = useState(amountText(document.balance, document.currency, language()));
  const pay = async () => {
    let amount: number | undefined;
    if (partial) {
      const parsed = parseAmount(text, document.currency, language());
      if (parsed === null) throw new Error(t('pay.amountInvalid', { example: amountText(document.balance, document.currency, language()) }));
      if (parsed === 0) throw new Error(t('pay.amountRequired'));
      amount = parsed;
    }
    await toCheckout(() =>
      call(() =>
        client.POST('/v1/portal/{portalName}/documents/{docId}/checkout', {
          params: { path: { ...portal, docId: document.id } },
          body: amount === undefined ? {} : { amount },
        }),
      ),
    );
  };
  return (
    <section class="pay" aria-labelledby="pay-heading">
      <h2 id="pay-heading">{t('pay.heading')}</h2>
      <Form
        action={pay}
        currency={document.currency}
        submit={partial ? t('pay.button', { amount: '' }).trim() : t('pay.button', { amount: money(document.balance, document.currency) })}
        id="pay-form"
        submitId="pay"
      >
        {partial ? (
          <div class="field">
            <label for="pay-amount">{t('pay.amount', { currency: document.currency })}</label>
            <p class="hint" id="pay-amount-hint">
              {t('pay.amountHelp', { balance: money(document.balance, document.currency) })}
            </p>
            <input
              id="pay-amount"
              inputMode="decimal"
              autocomplete="off"
              aria-describedby="pay-amount-hint"
              value={text}
              onInput={(event) => setText(event.currentTarget.value)}
            />
          </div>
        ) : null}
      </Form>
    </section>
  );
}
