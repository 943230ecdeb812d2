import { useEffect, useState } from 'preact/hooks';
import { call, client, portal } from '../api.ts';
import { date, kindWord, money, statusWord, t, useLanguage } from '../i18n.ts';
import { type Me, type PortalDocument, payable, payingOnline } from '../payable.ts';
import { navigate, useLocation } from '../router.ts';
import { Alert, Cell, Form, Link, messageOf, Page, Pending, useLoad } from '../ui.tsx';
import { toCheckout } from './pay.tsx';

const kinds = ['invoice', 'estimate', 'retainer-invoice'] as const;
const statuses = ['sent', 'viewed', 'partially_paid', 'paid', 'overdue', 'accepted', 'declined', 'expired', 'void'] as const;
const sorts = ['newest', 'due'] as const;
type Kind = (typeof kinds)[number];
type Status = (typeof statuses)[number];
type Sort = (typeof sorts)[number];

const PAGE_SIZE = 25;

/** The filters live in the address, so a filtered list can be reloaded and shared. */
function filtersOf(search: URLSearchParams) {
  const pick = <T extends string>(name: string, values: readonly T[]) => {
    const value = search.get(name);
    return values.includes(value as T) ? (value as T) : undefined;
  };
  return {
    kind: pick<Kind>('kind', kinds),
    status: pick<Status>('status', statuses),
    sort: pick<Sort>('sort', sorts) ?? 'newest',
    number: search.get('number') ?? '',
  };
}
type Filters = ReturnType<typeof filtersOf>;

function withFilter(filters: Filters, name: keyof Filters, value: string) {
  const next = new URLSearchParams();
  for (const [key, current] of Object.entries({ ...filters, [name]: value })) if (current && !(key === 'sort' && current === 'newest')) next.set(key, current);
  const query = next.toString();
  return `documents${query ? `?${query}` : ''}`;
}

const listPage = (filters: Filters, cursor?: string) =>
  call(() =>
    client.GET('/v1/portal/{portalName}/documents', {
      params: {
        path: portal,
        query: { limit: PAGE_SIZE, cursor, kind: filters.kind, status: filters.status, sort: filters.sort, number: filters.number || undefined },
      },
    }),
  );

export function Documents() {
  useLanguage();
  const { search } = useLocation();
  const filters = filtersOf(search);
  const key = JSON.stringify(filters);
  const loaded = useLoad(async () => {
    const [first, me] = await Promise.all([listPage(filters), call(() => client.GET('/v1/portal/{portalName}/me', { params: { path: portal } }))]);
    return { first, me };
  }, [key]);
  const [more, setMore] = useState<{ items: PortalDocument[]; nextCursor: string | null } | null>(null);
  useEffect(() => setMore(null), [loaded.data]);
  if (!loaded.data) return <Pending error={loaded.error} title={t('documents.title')} />;
  const { first, me } = loaded.data;
  const items = [...first.items, ...(more?.items ?? [])];
  const nextCursor = more ? more.nextCursor : first.nextCursor;
  const loadMore = async () => {
    const next = await listPage(filters, nextCursor ?? undefined);
    setMore({ items: [...(more?.items ?? []), ...next.items], nextCursor: next.nextCursor });
  };
  const filtered = Boolean(filters.kind || filters.status || filters.number);
  return (
    <Page title={t('documents.title')}>
      <FilterBar filters={filters} />
      <p class="muted" id="count" aria-live="polite">
        {t('documents.count', { shown: items.length, total: first.total })}
      </p>
      {first.balances.length > 0 ? (
        <dl class="totals" id="balances">
          {first.balances.map((entry) => (
            <div key={entry.currency}>
              <dt>
                {t('documents.owing')} ({entry.currency})
              </dt>
              <dd>{money(entry.balance, entry.currency)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {items.length === 0 ? <p class="muted">{filtered ? t('documents.noMatch') : t('documents.none')}</p> : <DocumentTable items={items} me={me} />}
      {nextCursor ? <Form id="load-more" action={loadMore} submit={t('common.loadMore')} secondary /> : null}
    </Page>
  );
}

function FilterBar({ filters }: { filters: Filters }) {
  const [number, setNumber] = useState(filters.number);
  const go = (name: keyof Filters) => (event: Event) => navigate(withFilter(filters, name, (event.currentTarget as HTMLSelectElement).value));
  return (
    <section class="filters" aria-label={t('documents.filters')}>
      <div class="field">
        <label for="filter-kind">{t('documents.kind')}</label>
        <select id="filter-kind" value={filters.kind ?? ''} onChange={go('kind')}>
          <option value="">{t('documents.kind.all')}</option>
          {kinds.map((kind) => (
            <option value={kind} key={kind}>
              {t(`documents.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-status">{t('documents.status')}</label>
        <select id="filter-status" value={filters.status ?? ''} onChange={go('status')}>
          <option value="">{t('documents.status.any')}</option>
          {statuses.map((status) => (
            <option value={status} key={status}>
              {statusWord(status)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-sort">{t('documents.sort')}</label>
        <select id="filter-sort" value={filters.sort} onChange={go('sort')}>
          {sorts.map((sort) => (
            <option value={sort} key={sort}>
              {t(`documents.sort.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      <form
        class="field search"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(withFilter(filters, 'number', number.trim()));
        }}
      >
        <label for="filter-number">{t('documents.search')}</label>
        <div class="inline">
          <input id="filter-number" type="search" maxLength={64} value={number} onInput={(event) => setNumber(event.currentTarget.value)} />
          <button class="secondary" type="submit">
            {t('documents.searchSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function DocumentTable({ items, me }: { items: PortalDocument[]; me: Me }) {
  const selectable = payingOnline(me) && items.some(payable);
  const [selected, setSelected] = useState<Map<string, PortalDocument>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const chosen = [...selected.values()];
  const currencies = [...new Set(chosen.map((document) => document.currency))];
  const toggle = (document: PortalDocument, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(document.id, document);
    else next.delete(document.id);
    setSelected(next);
  };
  const paySelected = () =>
    toCheckout(() => call(() => client.POST('/v1/portal/{portalName}/checkout', { params: { path: portal }, body: { docIds: [...selected.keys()] } }))).catch(
      (failure) => setError(messageOf(failure, currencies[0])),
    );
  return (
    <>
      <table class="cards" id="documents">
        <thead>
          <tr>
            {selectable ? <th scope="col">{t('col.pay')}</th> : null}
            <th scope="col">{t('col.number')}</th>
            <th scope="col">{t('col.kind')}</th>
            <th scope="col">{t('col.date')}</th>
            <th scope="col">{t('col.due')}</th>
            <th scope="col">{t('col.status')}</th>
            <th scope="col" class="num">
              {t('col.total')}
            </th>
            <th scope="col" class="num">
              {t('col.balance')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((document) => (
            <tr key={document.id}>
              {selectable ? (
                <Cell label={t('col.pay')}>
                  {payable(document) ? (
                    <input
                      type="checkbox"
                      class="select"
                      data-doc={document.id}
                      aria-label={t('documents.select', { number: document.number })}
                      checked={selected.has(document.id)}
                      onChange={(event) => toggle(document, event.currentTarget.checked)}
                    />
                  ) : null}
                </Cell>
              ) : null}
              <Cell label={t('col.number')}>
                <Link to={`documents/${encodeURIComponent(document.id)}`}>{document.number}</Link>
              </Cell>
              <Cell label={t('col.kind')}>{kindWord(document.kind)}</Cell>
              <Cell label={t('col.date')}>{date(document.issueDate)}</Cell>
              <Cell label={t('col.due')}>{document.dueDate || document.expiryDate ? date((document.dueDate ?? document.expiryDate)!) : '—'}</Cell>
              <Cell label={t('col.status')}>
                <span class={`status status-${document.status}`}>{statusWord(document.status)}</span>
              </Cell>
              <Cell label={t('col.total')} num>
                {money(document.total, document.currency)}
              </Cell>
              <Cell label={t('col.balance')} num>
                {document.kind === 'estimate' ? '—' : money(document.balance, document.currency)}
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
      {selectable ? (
        <div class="pay">
          <p id="selected-total" aria-live="polite">
            {chosen.length === 0
              ? t('documents.selectHint')
              : currencies.length > 1
                ? t('documents.mixed')
                : t('documents.selected', {
                    amount: money(
                      chosen.reduce((sum, document) => sum + document.balance, 0),
                      currencies[0]!,
                    ),
                  })}
          </p>
          <button class="primary" type="button" id="pay-selected" disabled={chosen.length === 0 || currencies.length > 1} onClick={paySelected}>
            {t('documents.paySelected')}
          </button>
          <Alert message={error} />
        </div>
      ) : null}
    </>
  );
}
