import { useState } from 'preact/hooks';
import { call, client, portal, type Schemas } from '../api.ts';
import { date, dateTime, kindWord, money, number, percent, statusWord, t, useLanguage } from '../i18n.ts';
import type { Me } from '../payable.ts';
import { Alert, Back, Cell, Form, messageOf, Page, Pending, useLoad } from '../ui.tsx';
import { PayPanel } from './pay.tsx';

type Thread = Schemas['PortalGetDocumentResponse'];
type Party = NonNullable<Thread['seller']>;

const load = (docId: string) =>
  Promise.all([
    call(() => client.GET('/v1/portal/{portalName}/documents/{docId}', { params: { path: { ...portal, docId } } })) as Promise<Thread>,
    call(() => client.GET('/v1/portal/{portalName}/me', { params: { path: portal } })),
  ]);

export function DocumentPage({ docId }: { docId: string }) {
  useLanguage();
  const loaded = useLoad(() => load(docId), [docId]);
  if (!loaded.data) return <Pending error={loaded.error} title={kindWord('invoice')} />;
  const [document, me] = loaded.data;
  const money$ = (amount: number) => money(amount, document.currency);
  return (
    <Page title={`${kindWord(document.kind)} ${document.number}`} id="document">
      <Back />
      <p>
        <span class={`status status-${document.status}`} id="status">
          {statusWord(document.status)}
        </span>
      </p>
      <dl class="facts">
        <Fact label={t('document.issued')} value={date(document.issueDate)} />
        {document.dueDate ? <Fact label={t('document.due')} value={date(document.dueDate)} /> : null}
        {document.expiryDate ? <Fact label={t('document.validUntil')} value={date(document.expiryDate)} /> : null}
      </dl>
      {document.seller || document.buyer ? (
        <div class="parties">
          {document.seller ? <PartyBlock id="seller" title={t('document.seller')} party={document.seller} /> : null}
          {document.buyer ? <PartyBlock id="buyer" title={t('document.buyer')} party={document.buyer} /> : null}
        </div>
      ) : null}
      <h2>{t('document.lines')}</h2>
      <table class="cards" id="lines">
        <thead>
          <tr>
            <th scope="col">{t('col.item')}</th>
            <th scope="col" class="num">
              {t('col.quantity')}
            </th>
            <th scope="col" class="num">
              {t('col.price')}
            </th>
            <th scope="col" class="num">
              {t('col.discount')}
            </th>
            <th scope="col" class="num">
              {t('col.taxRate')}
            </th>
            <th scope="col" class="num">
              {t('col.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {document.lines.map((line, index) => (
            <tr key={index}>
              <Cell label={t('col.item')}>
                <span class="description">{line.description}</span>
              </Cell>
              <Cell label={t('col.quantity')} num>
                {number(line.quantity)}
              </Cell>
              <Cell label={t('col.price')} num>
                {money$(line.unitPrice)}
              </Cell>
              <Cell label={t('col.discount')} num>
                {line.discount ? percent(line.discount) : '—'}
              </Cell>
              <Cell label={t('col.taxRate')} num>
                {line.taxRate !== undefined ? percent(line.taxRate) : '—'}
              </Cell>
              <Cell label={t('col.amount')} num>
                {money$(line.net)}
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
      <dl class="summary" id="totals">
        <Fact label={t('document.subtotal')} value={money$(document.subtotal)} />
        {document.discountTotal > 0 ? <Fact label={t('document.discount')} value={money$(-document.discountTotal)} /> : null}
        {document.taxes.map((tax) => (
          <Fact
            key={`${tax.code ?? ''}${tax.rate}`}
            label={`${tax.code !== 'standard' ? `${t(`tax.${tax.code}`)} · ` : ''}${t('document.taxAt', { rate: percent(tax.rate), taxable: money$(tax.taxable) })}`}
            value={money$(tax.tax)}
          />
        ))}
        <Fact label={t('document.total')} value={money$(document.total)} strong />
        {document.kind === 'estimate' ? null : (
          <>
            <Fact label={t('document.paid')} value={money$(document.amountPaid)} />
            <Fact label={t('document.balance')} value={money$(document.balance)} strong />
          </>
        )}
      </dl>
      <PayPanel me={me} document={document} />
      {document.kind === 'estimate' ? <EstimateAnswer me={me} document={document} onAnswered={loaded.reload} /> : null}
      <Download document={document} />
      {document.notes ? <TextBlock title={t('document.notes')} text={document.notes} id="notes" /> : null}
      {document.terms ? <TextBlock title={t('document.terms')} text={document.terms} id="terms" /> : null}
      {document.kind === 'estimate' ? null : <Payments document={document} />}
      <Comments document={document} onPosted={loaded.reload} />
    </Page>
  );
}

const Fact = ({ label, value, strong }: { label: string; value: string; strong?: boolean }) => (
  <div class={strong ? 'strong' : undefined}>
    <dt>{label}</dt>
    <dd>{value}</dd>
  </div>
);

const TextBlock = ({ title, text, id }: { title: string; text: string; id: string }) => (
  <section id={id}>
    <h2>{title}</h2>
    <p class="instructions">{text}</p>
  </section>
);

function PartyBlock({ id, title, party }: { id: string; title: string; party: Party }) {
  const address: Partial<NonNullable<Party['address']>> = party.address ?? {};
  const place = [address.postalCode, address.city].filter(Boolean).join(' ');
  const lines = [address.line1, address.line2, place, address.region, address.country].filter(Boolean);
  const taxIds = party.taxId ? [party.taxId] : [];
  return (
    <section class="party" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {party.name ? <p class="strong">{party.name}</p> : null}
      {lines.length ? <p class="instructions">{lines.join('\n')}</p> : null}
      {taxIds.map((value) => (
        <p key={value}>
          {t('document.taxId')}: {value}
        </p>
      ))}
    </section>
  );
}

function Payments({ document }: { document: Thread }) {
  return (
    <section id="payments" aria-labelledby="payments-title">
      <h2 id="payments-title">{t('document.payments')}</h2>
      {document.payments.length === 0 ? (
        <p class="muted">{t('document.noPayments')}</p>
      ) : (
        <table class="cards">
          <thead>
            <tr>
              <th scope="col">{t('col.date')}</th>
              <th scope="col">{t('col.method')}</th>
              <th scope="col">{t('col.reference')}</th>
              <th scope="col" class="num">
                {t('col.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {document.payments.map((payment) => (
              <tr key={payment.id}>
                <Cell label={t('col.date')}>{date(payment.date)}</Cell>
                <Cell label={t('col.method')}>{t(`method.${payment.method}`)}</Cell>
                <Cell label={t('col.reference')}>{payment.reference ?? '—'}</Cell>
                <Cell label={t('col.amount')} num>
                  {money(payment.amount, payment.currency)}
                </Cell>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Download({ document }: { document: Thread }) {
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setError(null);
    try {
      const pdf = await call(() =>
        client.GET('/v1/portal/{portalName}/documents/{docId}/pdf', { params: { path: { ...portal, docId: document.id } }, parseAs: 'blob' }),
      );
      saveBlob(pdf as Blob, `${document.number}.pdf`);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <div class="actions">
      <button class="secondary" type="button" id="download" onClick={download}>
        {t('common.downloadPdf')}
      </button>
      <Alert message={error} />
    </div>
  );
}

/** Hands a file to the browser's downloads. */
export function saveBlob(blob: Blob, filename: string) {
  const link = Object.assign(window.document.createElement('a'), { href: URL.createObjectURL(blob), download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

function EstimateAnswer({ me, document, onAnswered }: { me: Me; document: Thread; onAnswered: () => void }) {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  if (document.status !== 'sent' && document.status !== 'viewed') return null;
  if (!me.person.portalPermissions.includes('approve'))
    return (
      <p class="muted" id="no-approve">
        {t('estimate.noApprove', { organization: me.organization.name })}
      </p>
    );
  const path = { ...portal, docId: document.id };
  const accept = async () => {
    await call(() => client.POST('/v1/portal/{portalName}/documents/{docId}/accept', { params: { path } }));
    onAnswered();
  };
  const decline = async () => {
    await call(() => client.POST('/v1/portal/{portalName}/documents/{docId}/decline', { params: { path }, body: { reason } }));
    onAnswered();
  };
  return (
    <div class="answer">
      <Form id="accept" action={accept} submit={t('estimate.accept')} />
      {declining ? (
        <Form id="decline" action={decline} submit={t('estimate.declineSubmit')} secondary>
          <div class="field">
            <label for="reason">{t('estimate.reason')}</label>
            <textarea id="reason" rows={3} maxLength={1000} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
          </div>
        </Form>
      ) : (
        <button class="secondary" type="button" id="start-decline" onClick={() => setDeclining(true)}>
          {t('estimate.decline')}
        </button>
      )}
    </div>
  );
}

function Comments({ document, onPosted }: { document: Thread; onPosted: () => void }) {
  const [body, setBody] = useState('');
  const post = async () => {
    await call(() =>
      client.POST('/v1/portal/{portalName}/documents/{docId}/comments', { params: { path: { ...portal, docId: document.id } }, body: { body } }),
    );
    setBody('');
    onPosted();
  };
  return (
    <section id="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments.heading')}</h2>
      {document.comments.length === 0 ? <p class="muted">{t('comments.none')}</p> : null}
      {document.comments.map((comment) => (
        <article class="comment" key={comment.id}>
          <p class="who">
            <span class="strong">{comment.author.name}</span> <span class="muted">{dateTime(comment.createdAt)}</span>
          </p>
          <p class="body">{comment.body}</p>
        </article>
      ))}
      <Form id="comment-form" action={post} submit={t('comments.post')}>
        <div class="field">
          <label for="comment">{t('comments.add')}</label>
          <textarea id="comment" rows={3} maxLength={5000} value={body} onInput={(event) => setBody(event.currentTarget.value)} />
        </div>
      </Form>
    </section>
  );
}
