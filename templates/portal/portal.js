// The client portal in the browser: every page is this script over the JSON API.
// Text goes in with textContent only, never innerHTML, so customer data cannot inject markup.
(() => {
  const { portal, page, doc: docId } = document.body.dataset;
  const app = document.getElementById('app');
  const base = `/p/${portal}`;
  const api = `/v1/portal/${portal}`;
  const tokenKey = `portico:${portal}`;

  // Tokens live for the browser tab only.
  const tokens = () => JSON.parse(sessionStorage.getItem(tokenKey) || 'null');
  const keepTokens = (value) => sessionStorage.setItem(tokenKey, JSON.stringify(value));
  const dropTokens = () => sessionStorage.removeItem(tokenKey);
  const go = (target) => location.assign(target ? `${base}/${target}` : base);
  const returnKey = `portico:${portal}:return`;

  // Sent here by an email link while signed out: back there after signing in.
  function toSignIn() {
    sessionStorage.setItem(returnKey, location.pathname);
    go('');
  }

  function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
      else if (value !== undefined && value !== null && value !== false) element.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat(Infinity)) if (child !== null && child !== undefined) element.append(child instanceof Node ? child : String(child));
    return element;
  }

  const show = (...nodes) => app.replaceChildren(...nodes);

  class ApiError extends Error {
    constructor(status, body) {
      super(body?.error?.message || body?.message || `Request failed (${status})`);
      this.status = status;
      this.code = body?.error?.code;
    }
  }

  async function request(method, path, body, authorized) {
    const headers = body === undefined ? {} : { 'content-type': 'application/json' };
    if (authorized) headers.authorization = `Bearer ${tokens()?.idToken}`;
    const response = await fetch(api + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const type = response.headers.get('content-type') || '';
    const data = type.includes('application/json') ? await response.json() : response.status === 204 ? null : await response.blob();
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  async function signedIn(method, path, body) {
    if (!tokens()) return toSignIn();
    try {
      return await request(method, path, body, true);
    } catch (error) {
      if (error.status !== 401) throw error;
      const current = tokens();
      try {
        keepTokens({ ...current, ...(await request('POST', '/sessions/refresh', { refreshToken: current.refreshToken })) });
        return await request(method, path, body, true);
      } catch {
        dropTokens();
        return toSignIn();
      }
    }
  }

  function form(title, fields, submitLabel, onSubmit, extra = []) {
    const message = h('p', { class: 'error', role: 'alert' });
    const inputs = fields.map((field) =>
      h('input', { id: field.name, name: field.name, type: field.type || 'text', autocomplete: field.autocomplete, required: true }),
    );
    const element = h(
      'form',
      {
        onsubmit: async (event) => {
          event.preventDefault();
          message.textContent = '';
          const values = Object.fromEntries(inputs.map((input) => [input.name, input.value]));
          try {
            await onSubmit(values, message);
          } catch (error) {
            message.textContent = error.message;
          }
        },
      },
      fields.map((field, index) => [h('label', { for: field.name }, field.label), inputs[index]]),
      h('button', { class: 'primary', type: 'submit' }, submitLabel),
      message,
      extra,
    );
    return h('section', { class: 'card narrow' }, h('h1', {}, title), element);
  }

  const passwordFields = [
    { name: 'password', label: 'New password', type: 'password', autocomplete: 'new-password' },
    { name: 'confirm', label: 'Repeat the password', type: 'password', autocomplete: 'new-password' },
  ];
  const sameTwice = (values) => {
    if (values.password !== values.confirm) throw new Error('The two passwords differ.');
    return values.password;
  };

  function enter(result) {
    keepTokens(result);
    const target = sessionStorage.getItem(returnKey);
    sessionStorage.removeItem(returnKey);
    if (target?.startsWith(`${base}/`)) location.assign(target);
    else go('documents');
  }

  function signInPage() {
    show(
      form(
        'Sign in to the client portal',
        [
          { name: 'email', label: 'Email', type: 'email', autocomplete: 'username' },
          { name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password' },
        ],
        'Sign in',
        async (values) => answered(values.email, await request('POST', '/sessions', values)),
        h('p', {}, h('a', { href: `${base}/reset-password` }, 'Forgot your password?')),
      ),
    );
  }

  // A sign-in answers with tokens, or with the next question to answer.
  function answered(email, result) {
    if (result.challenge === 'NEW_PASSWORD_REQUIRED') return newPasswordPage(email, result.session);
    if (result.challenge === 'SOFTWARE_TOKEN_MFA') return codePage(email, result.session);
    if (result.challenge === 'MFA_SETUP') return enrolPage(email, result.session);
    enter(result);
  }

  const challenge = (email, name, session, answer) => request('POST', '/sessions/challenge', { email, challenge: name, session, answer });
  const codeField = { name: 'code', label: 'Code from your authenticator app', autocomplete: 'one-time-code' };

  function newPasswordPage(email, session) {
    show(
      form('Choose your own password', passwordFields, 'Save password and sign in', async (values) =>
        answered(email, await request('POST', '/sessions/new-password', { email, session, newPassword: sameTwice(values) })),
      ),
    );
  }

  function codePage(email, session) {
    show(
      form('Enter your sign-in code', [codeField], 'Sign in', async (values) =>
        answered(email, await challenge(email, 'SOFTWARE_TOKEN_MFA', session, values.code.trim())),
      ),
    );
  }

  // This portal requires a second factor: scan the QR code (or type the secret), then confirm with the first code.
  async function enrolPage(email, session) {
    const enrolment = await challenge(email, 'MFA_SETUP', session);
    const card = form('Set up your authenticator app', [codeField], 'Confirm and sign in', async (values) =>
      answered(email, await challenge(email, 'MFA_SETUP', session, values.code.trim())),
    );
    card
      .querySelector('h1')
      .after(
        h('p', {}, 'This portal asks for a code from an authenticator app at every sign-in. Scan this code with the app:'),
        h('img', { id: 'mfa-qr', src: enrolment.qrCode, alt: 'QR code for your authenticator app', width: 200, height: 200 }),
        h('p', {}, 'Or enter this key by hand: ', h('code', { id: 'mfa-secret' }, enrolment.secretCode)),
      );
    show(card);
  }

  function invitationPage() {
    const token = new URLSearchParams(location.search).get('token');
    if (!token)
      return show(
        h(
          'section',
          { class: 'card narrow' },
          h('h1', {}, 'This invitation link is incomplete'),
          h('p', {}, 'Open the link from your invitation email again.'),
        ),
      );
    // The token stays out of the address bar and the history once read.
    history.replaceState(null, '', `${base}/invitation`);
    show(
      // A portal that requires MFA answers with the enrolment to do next, naming the invited email.
      form('Welcome! Choose a password', passwordFields, 'Save password and sign in', async (values) => {
        const result = await request('POST', '/invitations/accept', { token, password: sameTwice(values) });
        return answered(result.email, result);
      }),
    );
  }

  function resetPasswordPage() {
    show(
      form('Reset your password', [{ name: 'email', label: 'Email', type: 'email', autocomplete: 'username' }], 'Email me a code', async ({ email }) => {
        await request('POST', '/password-reset', { email });
        show(
          form(
            'Enter the code we emailed you',
            [{ name: 'code', label: 'Code', autocomplete: 'one-time-code' }, ...passwordFields],
            'Set new password',
            async (values, message) => {
              await request('POST', '/password-reset/confirm', { email, code: values.code, newPassword: sameTwice(values) });
              message.className = 'notice';
              message.textContent = 'Your password was changed. ';
              message.append(h('a', { href: base }, 'Sign in'));
            },
          ),
        );
      }),
    );
  }

  const digitsOf = (currency) => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  const money = (amount, currency) => new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount / 10 ** digitsOf(currency));
  const label = (status) => h('span', { class: 'status' }, String(status).replace(/_/g, ' '));

  // Online payment: what the person may pay, and the hand-over to Stripe's checkout page.
  const openStatuses = ['sent', 'viewed', 'partially_paid', 'overdue'];
  const payable = (doc) => doc.kind !== 'estimate' && openStatuses.includes(doc.status) && doc.balance > 0;
  const payingAllowed = (me) => me.onlinePayments.enabled && me.onlinePayments.permitted;
  const whyNoPay = (me) =>
    !me.onlinePayments.enabled
      ? `${me.organization.name} does not take online payments; see the invoice for how to pay.`
      : 'You are not allowed to pay online for your company.';
  async function toCheckout(path, body, message) {
    try {
      const { url } = await signedIn('POST', path, body);
      location.assign(url);
    } catch (error) {
      message.textContent = error.message;
    }
  }
  // The amount field takes the currency's major units (12.50); the API takes minor units.
  const toMinor = (value, currency) => Math.round(Number(value) * 10 ** digitsOf(currency));

  function payPanel(me, doc) {
    if (!payable(doc)) return null;
    if (!payingAllowed(me)) return h('p', { class: 'muted', id: 'pay-unavailable' }, whyNoPay(me));
    const message = h('p', { class: 'error', role: 'alert' });
    const digits = digitsOf(doc.currency);
    const amount = me.onlinePayments.allowPartial
      ? h('input', {
          id: 'pay-amount',
          type: 'number',
          min: 1 / 10 ** digits,
          step: 1 / 10 ** digits,
          max: doc.balance / 10 ** digits,
          value: (doc.balance / 10 ** digits).toFixed(digits),
        })
      : null;
    const pay = () => {
      const body = amount ? { amount: toMinor(amount.value, doc.currency) } : {};
      return toCheckout(`/documents/${encodeURIComponent(doc.id)}/checkout`, body, message);
    };
    return h(
      'div',
      { class: 'pay' },
      amount ? [h('label', { for: 'pay-amount' }, `Amount to pay (${doc.currency})`), amount] : null,
      h('button', { class: 'primary', type: 'button', id: 'pay', onclick: pay }, `Pay ${amount ? '' : money(doc.balance, doc.currency)}`.trim()),
      message,
    );
  }

  async function documentsPage() {
    document.getElementById('nav').hidden = false;
    if (docId) return documentPage(docId);
    // The filters live in the address, so a filtered list can be reloaded and shared.
    const filters = new URLSearchParams(location.search);
    const kind = filters.get('kind') || '';
    const status = filters.get('status') || '';
    const search = (key, value) => {
      const next = new URLSearchParams({ kind, status });
      next.set(key, value);
      for (const name of [...next.keys()]) if (!next.get(name)) next.delete(name);
      const query = next.toString();
      return query ? `?${query}` : '';
    };
    const [list, me] = await Promise.all([signedIn('GET', `/documents${search('kind', kind)}`), signedIn('GET', '/me')]);
    const selectable = payingAllowed(me);
    const selected = new Map();
    const total = h('span', { id: 'selected-total' });
    const payMessage = h('p', { class: 'error', role: 'alert' });
    const paySelected = h(
      'button',
      {
        class: 'primary',
        type: 'button',
        id: 'pay-selected',
        disabled: true,
        onclick: () => toCheckout('/checkout', { docIds: [...selected.keys()] }, payMessage),
      },
      'Pay selected',
    );
    const updateTotal = () => {
      const docs = [...selected.values()];
      const currencies = [...new Set(docs.map((doc) => doc.currency))];
      paySelected.disabled = docs.length === 0 || currencies.length > 1;
      total.textContent =
        docs.length === 0
          ? 'Select invoices to pay them together.'
          : currencies.length > 1
            ? 'Invoices in different currencies are paid separately.'
            : `Selected: ${money(
                docs.reduce((sum, doc) => sum + doc.balance, 0),
                currencies[0],
              )}`;
    };
    const checkbox = (doc) =>
      selectable && payable(doc)
        ? h('input', {
            type: 'checkbox',
            class: 'select',
            'aria-label': `Select ${doc.number}`,
            'data-doc': doc.id,
            onchange: (event) => {
              if (event.target.checked) selected.set(doc.id, doc);
              else selected.delete(doc.id);
              updateTotal();
            },
          })
        : null;
    updateTotal();
    const select = (key, current, options) =>
      h(
        'select',
        { 'aria-label': key === 'kind' ? 'Kind' : 'Status', onchange: (event) => location.assign(`${base}/documents${search(key, event.target.value)}`) },
        options.map(([value, text]) => h('option', { value, selected: value === current }, text)),
      );
    const filter = h(
      'div',
      { class: 'filters' },
      select('kind', kind, [
        ['', 'All documents'],
        ['invoice', 'Invoices'],
        ['estimate', 'Estimates'],
        ['retainer-invoice', 'Retainer invoices'],
      ]),
      select('status', status, [
        ['', 'Any status'],
        ...['sent', 'viewed', 'partially_paid', 'paid', 'overdue', 'accepted', 'declined', 'expired', 'void'].map((value) => [
          value,
          String(value).replace(/_/g, ' '),
        ]),
      ]),
    );
    const rows = list.items.map((doc) =>
      h(
        'tr',
        {},
        selectable ? h('td', {}, checkbox(doc)) : null,
        h('td', {}, h('a', { href: `${base}/documents/${encodeURIComponent(doc.id)}` }, doc.number)),
        h('td', {}, doc.issueDate || ''),
        h('td', {}, doc.dueDate || doc.expiryDate || ''),
        h('td', {}, label(doc.status)),
        h('td', { class: 'num' }, money(doc.total, doc.currency)),
        h('td', { class: 'num' }, money(doc.balance ?? 0, doc.currency)),
      ),
    );
    show(
      h(
        'section',
        { class: 'card' },
        h('h1', {}, 'Your documents'),
        filter,
        rows.length
          ? h(
              'table',
              {},
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  selectable ? h('th', {}, 'Pay') : null,
                  ['Number', 'Date', 'Due', 'Status'].map((text) => h('th', {}, text)),
                  h('th', { class: 'num' }, 'Total'),
                  h('th', { class: 'num' }, 'Balance'),
                ),
              ),
              h('tbody', {}, rows),
            )
          : h('p', { class: 'muted' }, kind || status ? 'No documents match these filters.' : 'Nothing has been sent to you yet.'),
        selectable && list.items.some(payable) ? h('div', { class: 'pay' }, total, paySelected, payMessage) : null,
      ),
    );
  }

  async function documentPage(id) {
    const [doc, me] = await Promise.all([signedIn('GET', `/documents/${encodeURIComponent(id)}`), signedIn('GET', '/me')]);
    const allowed = (permission) => (me.person.portalPermissions || []).includes(permission);
    const path = `/documents/${encodeURIComponent(id)}`;
    const act = (verb, body) => async () => {
      await signedIn('POST', `${path}/${verb}`, body);
      render();
    };
    const actions = [];
    const answerable = doc.kind === 'estimate' && (doc.status === 'sent' || doc.status === 'viewed');
    if (answerable && !allowed('approve')) {
      actions.push(
        h('p', { class: 'muted', id: 'no-approve' }, `Accepting or declining estimates is not part of your access; ask ${me.organization.name} to allow it.`),
      );
    }
    if (answerable && allowed('approve')) {
      actions.push(h('button', { class: 'primary', type: 'button', onclick: act('accept') }, 'Accept'));
      actions.push(
        h(
          'button',
          {
            class: 'secondary',
            type: 'button',
            onclick: () => {
              const reason = prompt('Why are you declining?');
              if (reason) act('decline', { reason })();
            },
          },
          'Decline',
        ),
      );
    }
    actions.push(
      h(
        'button',
        {
          class: 'secondary',
          type: 'button',
          onclick: async () => {
            const pdf = await signedIn('GET', `${path}/pdf`);
            const link = h('a', { href: URL.createObjectURL(pdf), download: `${doc.number}.pdf` });
            link.click();
          },
        },
        'Download PDF',
      ),
    );
    const comment = h('textarea', { id: 'comment', rows: 3, required: true });
    show(
      h(
        'section',
        { class: 'card' },
        h('p', {}, h('a', { href: `${base}/documents` }, '← All documents')),
        h('h1', {}, `${doc.number} `, label(doc.status)),
        h(
          'p',
          { class: 'muted' },
          [doc.issueDate && `Issued ${doc.issueDate}`, doc.dueDate && `due ${doc.dueDate}`, doc.expiryDate && `valid until ${doc.expiryDate}`]
            .filter(Boolean)
            .join(' · '),
        ),
        h(
          'table',
          {},
          h(
            'thead',
            {},
            h('tr', {}, h('th', {}, 'Item'), h('th', { class: 'num' }, 'Qty'), h('th', { class: 'num' }, 'Price'), h('th', { class: 'num' }, 'Amount')),
          ),
          h(
            'tbody',
            {},
            (doc.lines || []).map((line) =>
              h(
                'tr',
                {},
                h('td', {}, line.description),
                h('td', { class: 'num' }, line.quantity),
                h('td', { class: 'num' }, money(line.unitPrice, doc.currency)),
                h('td', { class: 'num' }, money(line.net ?? line.total, doc.currency)),
              ),
            ),
          ),
        ),
        h(
          'p',
          { class: 'num' },
          `Subtotal ${money(doc.subtotal, doc.currency)} · Tax ${money(doc.taxTotal, doc.currency)} · Total ${money(doc.total, doc.currency)}`,
        ),
        doc.kind !== 'estimate'
          ? h('p', { class: 'num' }, `Paid ${money(doc.amountPaid ?? 0, doc.currency)} · Balance due ${money(doc.balance ?? 0, doc.currency)}`)
          : null,
        doc.notes ? h('p', {}, doc.notes) : null,
        payPanel(me, doc),
        h('div', { class: 'actions' }, actions),
        h('h2', {}, 'Comments'),
        (doc.comments || []).map((entry) =>
          h(
            'div',
            { class: 'comment' },
            h('span', { class: 'who' }, entry.author?.name || ''),
            ' ',
            h('span', { class: 'muted' }, entry.createdAt),
            h('p', {}, entry.body),
          ),
        ),
        h(
          'form',
          {
            onsubmit: async (event) => {
              event.preventDefault();
              await signedIn('POST', `${path}/comments`, { body: comment.value });
              render();
            },
          },
          h('label', { for: 'comment' }, 'Add a comment'),
          comment,
          h('button', { class: 'primary', type: 'submit' }, 'Post comment'),
        ),
      ),
    );
  }

  async function statementPage() {
    document.getElementById('nav').hidden = false;
    const statement = await signedIn('GET', '/statement');
    const currency = statement.currency;
    show(
      h(
        'section',
        { class: 'card' },
        h('h1', {}, 'Statement of account'),
        h('p', { class: 'muted' }, `${statement.from} – ${statement.to} · Opening balance ${money(statement.openingBalance, currency)}`),
        h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}, 'Date'),
              h('th', {}, 'Details'),
              h('th', { class: 'num' }, 'Amount'),
              h('th', { class: 'num' }, 'Payments'),
              h('th', { class: 'num' }, 'Balance'),
            ),
          ),
          h(
            'tbody',
            {},
            statement.lines.map((line) =>
              h(
                'tr',
                {},
                h('td', {}, line.date),
                h('td', {}, `${String(line.type).replace(/-/g, ' ')} ${line.reference}`),
                h('td', { class: 'num' }, line.debit ? money(line.debit, currency) : ''),
                h('td', { class: 'num' }, line.credit ? money(line.credit, currency) : ''),
                h('td', { class: 'num' }, money(line.balance, currency)),
              ),
            ),
          ),
        ),
        h('p', {}, `Closing balance ${money(statement.closingBalance, currency)}`),
      ),
    );
  }

  const sessionId = () => new URLSearchParams(location.search).get('session_id') || '';
  const paidDocuments = (status) =>
    h(
      'ul',
      {},
      status.documents.map((entry) =>
        h('li', {}, h('a', { href: `${base}/documents/${encodeURIComponent(entry.docId)}` }, entry.number), ` · ${money(entry.amount, status.currency)}`),
      ),
    );

  // Stripe sends the person here after paying: "processing" until the webhook has applied the payment.
  async function paymentReturnPage() {
    document.getElementById('nav').hidden = false;
    const id = sessionId();
    const deadline = Date.now() + 5 * 60_000;
    for (;;) {
      const status = await signedIn('GET', `/checkout/${encodeURIComponent(id)}`);
      if (!status) return;
      if (status.status === 'paid') {
        return show(
          h(
            'section',
            { class: 'card', id: 'payment-status', 'data-status': 'paid' },
            h('h1', {}, 'Payment received'),
            h('p', {}, 'Thank you. Your payment was applied to:'),
            paidDocuments(status),
            h('p', {}, h('a', { href: `${base}/documents` }, 'Back to your documents')),
          ),
        );
      }
      if (status.status === 'expired') {
        return show(
          h(
            'section',
            { class: 'card', id: 'payment-status', 'data-status': 'expired' },
            h('h1', {}, 'This payment did not go through'),
            h('p', {}, 'The checkout was cancelled or expired; nothing was charged.'),
            h('p', {}, h('a', { href: `${base}/documents` }, 'Back to your documents')),
          ),
        );
      }
      show(
        h(
          'section',
          { class: 'card', id: 'payment-status', 'data-status': 'processing' },
          h('h1', {}, 'Processing your payment…'),
          h('p', {}, 'This page updates by itself once your payment is recorded.'),
          paidDocuments(status),
        ),
      );
      if (Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
  }

  // Stripe's Cancel link: nothing was paid.
  function paymentCancelPage() {
    document.getElementById('nav').hidden = false;
    show(
      h(
        'section',
        { class: 'card', id: 'payment-status', 'data-status': 'cancelled' },
        h('h1', {}, 'Payment cancelled'),
        h('p', {}, 'Nothing was charged. You can pay at any time from your documents.'),
        h('p', {}, h('a', { href: `${base}/documents` }, 'Back to your documents')),
      ),
    );
  }

  document.getElementById('sign-out').addEventListener('click', async () => {
    const current = tokens();
    dropTokens();
    if (current) await request('POST', '/sessions/sign-out', { refreshToken: current.refreshToken }).catch(() => {});
    go('');
  });

  const pages = {
    'sign-in': signInPage,
    invitation: invitationPage,
    'reset-password': resetPasswordPage,
    documents: documentsPage,
    statement: statementPage,
    'payment-return': paymentReturnPage,
    'payment-cancel': paymentCancelPage,
  };

  function render() {
    Promise.resolve(pages[page]()).catch((error) => show(h('section', { class: 'card' }, h('p', { class: 'error', role: 'alert' }, error.message))));
  }

  render();
})();
