import { useState } from 'preact/hooks';
import { ApiError, call, client, portal, type Schemas } from '../api.ts';
import { date, money, t, useLanguage } from '../i18n.ts';
import { navigate, useLocation } from '../router.ts';
import { Alert, Cell, Form, Link, messageOf, Page, Pending, useLoad } from '../ui.tsx';
import { saveBlob } from './document.tsx';

/**
 * The statement as the API gives it; `currencies` (every currency the contact has activity in), each line's
 * `documentId` and the lines' `nextCursor` are read when the API gives them.
 */
type StatementLine = Schemas['Statement']['lines'][number] & { documentId?: string };
type StatementData = Omit<Schemas['Statement'], 'lines'> & { lines: StatementLine[]; currencies?: string[]; nextCursor?: string | null };

const agingBuckets = ['current', 'days1to30', 'days31to60', 'days61to90', 'days90plus'] as const;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Period and currency live in the address, so a statement can be reloaded and shared. */
function periodOf(search: URLSearchParams) {
  const valid = (name: string) => {
    const value = search.get(name) ?? '';
    return isoDate.test(value) ? value : undefined;
  };
  const currency = search.get('currency') ?? '';
  return { from: valid('from'), to: valid('to'), currency: /^[A-Z]{3}$/.test(currency) ? currency : undefined };
}
type Period = ReturnType<typeof periodOf>;

const query = (period: Period, cursor?: string) => ({ ...period, ...(cursor ? { cursor } : {}) });
const readStatement = (period: Period, cursor?: string) =>
  call(() => client.GET('/v1/portal/{portalName}/statement', { params: { path: portal, query: query(period, cursor) } })) as Promise<StatementData>;

function addressOf(period: Period) {
  const next = new URLSearchParams(Object.entries(period).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const text = next.toString();
  return `statement${text ? `?${text}` : ''}`;
}

export function Statement() {
  useLanguage();
  const { search } = useLocation();
  const period = periodOf(search);
  const loaded = useLoad(() => readStatement(period), [JSON.stringify(period)]);
  const [more, setMore] = useState<{ lines: StatementLine[]; nextCursor: string | null; of: StatementData } | null>(null);
  if (!loaded.data) return <Pending error={loaded.error} title={t('statement.title')} />;
  const statement = loaded.data;
  const extra = more?.of === statement ? more : null;
  const lines = [...statement.lines, ...(extra?.lines ?? [])];
  const nextCursor = extra ? extra.nextCursor : (statement.nextCursor ?? null);
  const currencies = statement.currencies?.length ? statement.currencies : [statement.currency];
  const money$ = (amount: number) => money(amount, statement.currency);
  const loadMore = async () => {
    const next = await readStatement(period, nextCursor ?? undefined);
    setMore({ lines: [...(extra?.lines ?? []), ...next.lines], nextCursor: next.nextCursor ?? null, of: statement });
  };
  return (
    <Page title={t('statement.title')} id="statement">
      <PeriodPicker period={{ ...period, from: statement.from, to: statement.to, currency: statement.currency }} />
      {currencies.length > 1 ? (
        <nav class="switch" aria-label={t('statement.currency')} id="currencies">
          {currencies.map((currency) => (
            <Link key={currency} to={addressOf({ ...period, currency })} aria-current={currency === statement.currency ? 'true' : undefined}>
              {currency}
            </Link>
          ))}
        </nav>
      ) : null}
      <p class="muted">
        {date(statement.from)} – {date(statement.to)} · {statement.contact.name}
      </p>
      <dl class="summary">
        <div>
          <dt>{t('statement.opening')}</dt>
          <dd>{money$(statement.openingBalance)}</dd>
        </div>
        <div class="strong">
          <dt>{t('statement.closing')}</dt>
          <dd id="closing">{money$(statement.closingBalance)}</dd>
        </div>
      </dl>
      <h2>{t('statement.aging')}</h2>
      <dl class="aging" id="aging">
        {agingBuckets.map((bucket) => (
          <div key={bucket}>
            <dt>{t(`aging.${bucket}`)}</dt>
            <dd>{money$(statement.aging[bucket])}</dd>
          </div>
        ))}
        <div class="strong">
          <dt>{t('aging.total')}</dt>
          <dd>{money$(statement.aging.total)}</dd>
        </div>
      </dl>
      {lines.length === 0 ? (
        <p class="muted">{t('statement.empty')}</p>
      ) : (
        <table class="cards" id="statement-lines">
          <thead>
            <tr>
              <th scope="col">{t('col.date')}</th>
              <th scope="col">{t('col.details')}</th>
              <th scope="col" class="num">
                {t('col.charges')}
              </th>
              <th scope="col" class="num">
                {t('col.payments')}
              </th>
              <th scope="col" class="num">
                {t('col.balance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => (
              <tr key={index}>
                <Cell label={t('col.date')}>{date(line.date)}</Cell>
                <Cell label={t('col.details')}>
                  {line.documentId ? (
                    <Link to={`documents/${encodeURIComponent(line.documentId)}`}>{t(`line.${line.type}`, { reference: line.reference })}</Link>
                  ) : (
                    t(`line.${line.type}`, { reference: line.reference })
                  )}
                </Cell>
                <Cell label={t('col.charges')} num>
                  {line.debit ? money$(line.debit) : ''}
                </Cell>
                <Cell label={t('col.payments')} num>
                  {line.credit ? money$(line.credit) : ''}
                </Cell>
                <Cell label={t('col.balance')} num>
                  {money$(line.balance)}
                </Cell>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor ? <Form id="load-more" action={loadMore} submit={t('common.loadMore')} secondary /> : null}
      <StatementPdf period={{ from: statement.from, to: statement.to, currency: statement.currency }} />
    </Page>
  );
}

function PeriodPicker({ period }: { period: Period }) {
  const [from, setFrom] = useState(period.from ?? '');
  const [to, setTo] = useState(period.to ?? '');
  return (
    <form
      class="filters"
      id="period"
      aria-label={t('statement.period')}
      onSubmit={(event) => {
        event.preventDefault();
        navigate(addressOf({ currency: period.currency, from: from || undefined, to: to || undefined }));
      }}
    >
      <div class="field">
        <label for="from">{t('statement.from')}</label>
        <input id="from" type="date" value={from} onInput={(event) => setFrom(event.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="to">{t('statement.to')}</label>
        <input id="to" type="date" value={to} onInput={(event) => setTo(event.currentTarget.value)} />
      </div>
      <div class="field">
        <button class="secondary" type="submit">
          {t('statement.show')}
        </button>
      </div>
    </form>
  );
}

/** The same statement as a PDF, from its own route (where `Accept: application/pdf` on the statement route leads). */
function StatementPdf({ period }: { period: Period }) {
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setError(null);
    try {
      const pdf = (await call(() =>
        client.GET('/v1/portal/{portalName}/statement/pdf', { params: { path: portal, query: period }, parseAs: 'blob' }),
      )) as unknown as Blob;
      if (pdf.type !== 'application/pdf') throw new ApiError(406, 'UNKNOWN', undefined, t('statement.pdfUnavailable'));
      saveBlob(pdf, `statement-${period.currency}-${period.from}-${period.to}.pdf`);
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 406 ? t('statement.pdfUnavailable') : messageOf(failure));
    }
  };
  return (
    <div class="actions">
      <button class="secondary" type="button" id="statement-pdf" onClick={download}>
        {t('common.downloadPdf')}
      </button>
      <Alert message={error} />
    </div>
  );
}
