'use strict';
// A subscription's term and invoices, opened per subscription from subscriptions.js: manual
// renewal and the auto-renewal switch (S5), the invoice list, and for the staff handling
// invoices creating, paying and cancelling them (S4). The DOM is built with textContent
// only. Permissions only hide controls: the server decides every request, and its problems
// show at their fields.
window.SubscriptionBilling = (function () {
  const { $, t, el, api, clearProblem, showProblem, notice } = Kontor;
  const RENEW = 'subscriptions.renew';
  const INVOICES = 'subscriptions.invoices';
  const BILLING = 'subscriptions.billing';
  const current = { subscription: null, etag: null, invoices: null, confirming: null, changed: null };

  /** A day (YYYY-MM-DD, a UTC date) for people. */
  function day(iso) {
    const value = new Date(iso + 'T00:00:00Z');
    return Number.isNaN(value.getTime()) ? iso : value.toLocaleDateString(Kontor.locale(), { dateStyle: 'medium', timeZone: 'UTC' });
  }

  /** An amount as the server wrote it (an exact decimal), with its currency. */
  function money(amount, currency) {
    return amount ? amount + ' ' + currency : '';
  }

  /** The client's staff may change a suspended subscription; the client's own users may only look at it (S3). */
  function staff() {
    return Kontor.can('subscriptions.suspend') || Kontor.can('subscriptions.legal');
  }

  function subscriptionPath(id) {
    return 'subscriptions/' + encodeURIComponent(id);
  }

  // Term, renewal and auto-renewal ------------------------------------------------------------

  async function open(id) {
    const panel = $('billing-panel');
    clearProblem(panel);
    notice('', 'billing-notice');
    closeConfirmation();
    $('invoice-form').reset();
    clearProblem($('invoice-form'));
    if (!await load(id)) return;
    panel.hidden = false;
    if (Kontor.can(BILLING)) await current.invoices.reload();
    panel.scrollIntoView({ block: 'nearest' });
  }

  /** Loads the subscription again (with its ETag) and shows it; answers whether it could. */
  async function load(id) {
    const answer = await api('GET', subscriptionPath(id));
    if (!answer.ok) { showProblem(document.body, answer); return false; }
    show(answer);
    return true;
  }

  /** Shows the term and what the caller may do with the subscription in its state now. */
  function show(answer) {
    const subscription = answer.json;
    current.subscription = subscription;
    current.etag = answer.etag;
    clearProblem($('auto-renew-box')); // a refusal of an earlier state no longer holds
    const terminated = subscription.state === 'terminated';
    const locked = subscription.state === 'suspended' && !staff();
    $('billing-title').textContent = t('ui.billing.title', { plan: subscription.plan });
    $('term').textContent = t('ui.renewal.term_dates', { from: day(subscription.starts_at), until: day(subscription.expires_at) });
    $('term').dataset.expiresAt = subscription.expires_at;
    $('auto-renew').checked = subscription.auto_renew;
    $('auto-renew').disabled = terminated || locked || !Kontor.can(RENEW);
    $('billing-locked').textContent = terminated ? t('ui.renewal.terminated') : locked ? t('ui.renewal.locked') : '';
    $('billing-locked').hidden = !terminated && !locked;
    $('renew').hidden = terminated || !Kontor.can(RENEW);
    $('invoice-form').hidden = terminated || !Kontor.can(INVOICES);
  }

  /** The switch, as the caller set it; a refusal (S5: fewer than 14 days before expiry) shows beside it. */
  async function switchAutoRenew() {
    const box = $('auto-renew-box');
    const wanted = $('auto-renew').checked;
    const subscription = current.subscription;
    clearProblem(box);
    notice('', 'billing-notice');
    $('auto-renew').disabled = true;
    const answer = await api('PATCH', subscriptionPath(subscription.id), { auto_renew: wanted }, { ifMatch: current.etag });
    if (answer.ok) {
      show(answer);
      notice(t(wanted ? 'ui.renewal.auto_on' : 'ui.renewal.auto_off', { plan: subscription.plan }), 'billing-notice');
      await current.changed(subscription.id);
      return;
    }
    // The switch shows what is stored again; the reason stays beside it.
    await load(subscription.id);
    showProblem(box, answer.status === 412 ? { status: 412, json: { detail: t('ui.renewal.stale') } } : answer);
  }

  /** One more term at once (S5), after a confirmation; sent once even when the answer is lost. */
  async function renew() {
    const subscription = current.subscription;
    if (!Kontor.confirmed('ui.renewal.confirm', { plan: subscription.plan, date: day(subscription.expires_at) })) return;
    const panel = $('billing-panel');
    clearProblem(panel);
    notice('', 'billing-notice');
    $('renew').disabled = true;
    const answer = await Kontor.once('POST', subscriptionPath(subscription.id) + '/renew');
    $('renew').disabled = false;
    if (!answer.ok) { showProblem(panel, answer); return; }
    const renewed = answer.json.subscription;
    const invoice = answer.json.invoice;
    await load(subscription.id); // the renewal's answer carries no ETag for the switch
    notice([t('ui.renewal.done', { plan: renewed.plan, date: day(renewed.expires_at) }),
      invoice ? t('ui.renewal.invoice', { number: invoice.number, amount: money(invoice.amount, invoice.currency), date: day(invoice.due_at) })
        : null].filter(Boolean).join(' '), 'billing-notice');
    if (Kontor.can(BILLING)) await current.invoices.reload();
    await current.changed(subscription.id);
  }

  // Invoices ---------------------------------------------------------------------------------

  function invoiceRow(invoice) {
    const shown = invoice.overdue ? 'overdue' : invoice.state;
    const actions = invoice.state === 'open' && Kontor.can(INVOICES) ? el('div', { class: 'actions' }, [
      el('button', { type: 'button', class: 'secondary', text: t('ui.invoice.pay'), testid: 'invoice-pay',
        on: { click: () => askConfirmation('pay', invoice) } }),
      el('button', { type: 'button', class: 'danger', text: t('ui.invoice.cancel'), testid: 'invoice-cancel',
        on: { click: () => askConfirmation('cancel', invoice) } })
    ]) : null;
    return el('tr', { 'data-id': invoice.id, 'data-state': shown, testid: 'invoice-row' }, [
      el('td', {}, [el('code', { text: invoice.number, testid: 'invoice-number' }),
        el('div', { class: 'muted', text: t('ui.invoice.purpose.' + invoice.purpose) })]),
      el('td', { class: 'description', text: invoice.description || '' }),
      el('td', { class: 'amount', text: money(invoice.amount, invoice.currency), testid: 'invoice-amount' }),
      el('td', { class: 'due', text: day(invoice.due_at), testid: 'invoice-due' }),
      el('td', { class: 'state-' + shown }, [el('span', { text: t('ui.invoice.state.' + shown), testid: 'invoice-state' }),
        ...invoice.steps.map((step) => el('div', { class: 'step', text: t('ui.invoice.step.' + step.step, { date: Kontor.date(step.done_at) }) }))]),
      settled(invoice),
      Kontor.can(INVOICES) ? el('td', {}, [actions]) : null
    ]);
  }

  /** When and how it was paid or cancelled; who did it and why it was cancelled only reach the staff (the API leaves them out for the client). */
  function settled(invoice) {
    const children = [];
    if (invoice.paid_at) {
      children.push(el('div', { text: t('ui.invoice.paid_at', { date: Kontor.date(invoice.paid_at) }) }));
      if (invoice.payment_reference) children.push(el('div', { text: t('ui.invoice.reference_is', { reference: invoice.payment_reference }),
        testid: 'invoice-reference' }));
    }
    if (invoice.cancelled_at) children.push(el('div', { text: t('ui.invoice.cancelled_at', { date: Kontor.date(invoice.cancelled_at) }) }));
    const by = invoice.paid_by || invoice.cancelled_by;
    if (by) children.push(el('div', { class: 'muted', text: t('ui.invoice.by', { user: by }) }));
    if (invoice.cancel_note) children.push(el('div', { class: 'internal', text: invoice.cancel_note, testid: 'invoice-cancel-note' }));
    return el('td', { testid: 'invoice-settled' }, children);
  }

  /** Paying and cancelling ask first, with the payment's reference or the cancellation's reason. */
  function askConfirmation(action, invoice) {
    current.confirming = { action, invoice };
    const box = $('invoice-confirm');
    clearProblem(box);
    $('invoice-reference').value = '';
    $('invoice-note').value = '';
    $('invoice-reference-label').hidden = action !== 'pay';
    $('invoice-note-label').hidden = action !== 'cancel';
    const values = { number: invoice.number, amount: money(invoice.amount, invoice.currency), date: day(invoice.due_at) };
    $('invoice-confirm-title').textContent = t('ui.invoice.' + action + '.title', values);
    $('invoice-confirm-intro').textContent = t('ui.invoice.' + action + '.intro', values);
    $('invoice-confirm-submit').textContent = t('ui.invoice.' + action + '.confirm');
    $('invoice-confirm-submit').className = action === 'cancel' ? 'danger' : '';
    box.classList.toggle('warning', action === 'cancel');
    box.hidden = false;
    box.scrollIntoView({ block: 'nearest' });
  }

  function closeConfirmation() {
    $('invoice-confirm').hidden = true;
    current.confirming = null;
  }

  async function confirmed() {
    const { action, invoice } = current.confirming;
    const text = (action === 'pay' ? $('invoice-reference') : $('invoice-note')).value.trim();
    const body = action === 'pay' ? { reference: text || undefined } : { note: text || undefined };
    await Kontor.submit($('invoice-confirm'), 'POST', 'invoices/' + encodeURIComponent(invoice.id) + '/' + action, body, async () => {
      closeConfirmation();
      notice(t('ui.invoice.' + action + '.done', { number: invoice.number }), 'billing-notice');
      // Paying or cancelling lifts the invoice's non-payment hold; paying a renewal invoice renews the term.
      await load(current.subscription.id);
      await current.invoices.reload();
      await current.changed(current.subscription.id);
    });
  }

  async function createInvoice(event) {
    event.preventDefault();
    const form = $('invoice-form');
    const body = { subscription_id: current.subscription.id };
    const fields = { amount: 'i-amount', currency: 'i-currency', due_at: 'i-due', description: 'i-description' };
    Object.entries(fields).forEach(([name, id]) => {
      const value = $(id).value.trim();
      if (value) body[name] = name === 'currency' ? value.toUpperCase() : value;
    });
    clearProblem(form);
    $('invoice-create').disabled = true;
    const answer = await Kontor.once('POST', 'invoices', body);
    $('invoice-create').disabled = false;
    if (!answer.ok) { showProblem(form, answer); return; }
    form.reset();
    const invoice = answer.json;
    notice(t('ui.invoice.created', { number: invoice.number, amount: money(invoice.amount, invoice.currency), date: day(invoice.due_at) }),
      'billing-notice');
    await current.invoices.reload();
  }

  // Start -------------------------------------------------------------------------------------

  /** Wires the panel; changed(subscriptionId) runs after every change it made, for the rest of the page. */
  function start(changed) {
    current.changed = changed;
    current.invoices = Kontor.list({ list: $('invoices'), more: $('invoices-more'), empty: $('invoices-empty'), problem: $('billing-panel'),
      path: () => 'invoices' + Kontor.query({ subscription_id: current.subscription.id, sort: '-due_at' }), render: invoiceRow });
    $('auto-renew').addEventListener('change', switchAutoRenew);
    $('renew').addEventListener('click', renew);
    $('invoice-form').addEventListener('submit', createInvoice);
    $('invoice-confirm-submit').addEventListener('click', confirmed);
    $('invoice-confirm-back').addEventListener('click', closeConfirmation);
    $('billing-close').addEventListener('click', () => { $('billing-panel').hidden = true; current.subscription = null; });
  }

  /** Shows the subscription again if the panel is open for it (a hold placed or lifted elsewhere on the page). */
  async function refresh(id) {
    if (!$('billing-panel').hidden && current.subscription && current.subscription.id === id) await load(id);
  }

  return { start, open, refresh, day, money, staff, subscriptionPath };
}());
