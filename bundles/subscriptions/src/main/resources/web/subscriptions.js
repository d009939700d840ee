'use strict';
// The subscription list (S1) with creation and editing, holds with their reasons and notes
// (S2), history, termination (S6) and bulk actions; billing.js shows a subscription's term
// and invoices (S4, S5). The DOM is built with textContent only: no markup from data. The
// server decides every request; permissions only hide controls.
(function () {
  const { $, t, el, api, clearProblem, showProblem, notice } = Kontor;
  const { day, staff, subscriptionPath } = SubscriptionBilling;
  const state = { list: null, editor: null, holdsOf: null, terminating: null };
  const held = Kontor.can;
  const REASONS = ['abuse', 'operator', 'reseller', 'non_payment', 'expired', 'customer'];
  // What each placeable reason needs at least; the server's lift policy has the last word.
  const PLACE_NEEDS = { abuse: ['subscriptions.legal'], operator: ['subscriptions.suspend'], reseller: ['subscriptions.suspend'],
    non_payment: ['subscriptions.suspend'], expired: ['subscriptions.suspend'],
    customer: ['subscriptions.self_suspend', 'subscriptions.suspend'] };

  function price(value) {
    return value ? SubscriptionBilling.money(value.amount, value.currency) : '';
  }

  // The list ------------------------------------------------------------------------------

  function listPath() {
    return 'subscriptions' + Kontor.query({ q: $('search').value.trim(), client_id: $('client-filter').value.trim(),
      state: $('state-filter').value, sort: $('sort').value });
  }

  function stateCell(subscription) {
    const children = [el('span', { text: t('ui.state.' + subscription.state), testid: 'subscription-state' })];
    if (subscription.suspension) {
      children.push(el('div', { class: 'suspension', testid: 'subscription-suspension',
        text: t('ui.suspended_because', { reason: t('ui.reason.' + subscription.suspension.reason) })
          + (subscription.suspension.public_note ? ' — ' + subscription.suspension.public_note : '') }));
    }
    const failing = failingProvisioning(subscription);
    if (failing.length > 0) {
      children.push(el('div', { class: 'badge bad', testid: 'provisioning-failing', text: t('ui.provisioning.failing'),
        title: t('ui.provisioning.failing_title', { names: failing.map((entry) => entry.provisioner
          + (entry.last_error ? ' (' + entry.last_error + ')' : '')).join(', ') }) }));
    }
    return el('td', { class: 'state-' + subscription.state }, children);
  }

  /** The provisioners (S3) the subscription's state has not reached after repeated attempts; staff only get them. */
  function failingProvisioning(subscription) {
    return (subscription.provisioning || []).filter((entry) => entry.state === 'failing');
  }

  /** Tries the failing deliveries now: the operator's staff, the only ones the answer shows errors to. */
  async function retryProvisioning(subscription) {
    const answer = await api('POST', subscriptionPath(subscription.id) + '/provisioning/retry');
    if (!answer.ok) { showProblem(document.body, answer); return; }
    notice(t('ui.provisioning.retried', { plan: subscription.plan }));
  }

  function row(subscription) {
    const live = subscription.state !== 'terminated';
    return el('tr', { 'data-id': subscription.id, testid: 'subscription-row' }, [
      el('td', { class: 'select' }, [state.list.box(subscription.id, { testid: 'subscription-select' })]),
      el('td', { text: subscription.plan, testid: 'subscription-plan' }),
      el('td', { class: 'client-id', text: subscription.client_id }),
      el('td', {}, [el('ul', { class: 'services' }, subscription.services.map((service) =>
        el('li', { text: service.kind + ': ' + service.name })))]),
      el('td', {}, [el('div', { text: day(subscription.expires_at), testid: 'subscription-expires' }),
        subscription.auto_renew ? el('div', { class: 'muted', text: t('ui.renewal.auto_short'), testid: 'subscription-auto-renew' }) : null]),
      el('td', { text: price(subscription.price) }),
      stateCell(subscription),
      el('td', {}, [el('div', { class: 'actions' }, [
        el('button', { type: 'button', class: 'secondary', text: t('ui.holds'), testid: 'subscription-holds',
          on: { click: () => openHolds(subscription.id) } }),
        el('button', { type: 'button', class: 'secondary', text: t('ui.billing'), testid: 'subscription-billing',
          on: { click: () => SubscriptionBilling.open(subscription.id) } }),
        live ? el('button', { type: 'button', class: 'secondary', 'data-needs': 'subscriptions.manage', text: t('ui.edit'),
          testid: 'subscription-edit', on: { click: () => state.editor.edit(subscription.id) } }) : null,
        live ? el('button', { type: 'button', class: 'danger', 'data-needs': 'subscriptions.manage', text: t('ui.terminate'),
          testid: 'subscription-terminate', on: { click: () => askTermination(subscription) } }) : null,
        failingProvisioning(subscription).some((entry) => 'last_error' in entry)
          ? el('button', { type: 'button', class: 'secondary', 'data-needs': 'subscriptions.manage',
            text: t('ui.provisioning.retry'), testid: 'provisioning-retry', on: { click: () => retryProvisioning(subscription) } })
          : null
      ].filter(Boolean))])
    ]);
  }

  // Create and edit -------------------------------------------------------------------------

  /** Services as lines "kind name"; a line without a kind is a domain. */
  function servicesFromText(text) {
    return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
      const parts = line.split(/\s+/);
      return parts.length > 1 ? { kind: parts[0], name: parts.slice(1).join(' ') } : { kind: 'domain', name: parts[0] };
    });
  }

  function servicesToText(services) {
    return (services || []).map((service) => service.kind + ' ' + service.name).join('\n');
  }

  function fill(subscription) {
    $('subscription-form-title').textContent = subscription ? subscription.plan : t('ui.new');
    $('f-client-label').hidden = Boolean(subscription);
    $('f-auto-renew-label').hidden = Boolean(subscription);
    $('f-client').value = subscription ? subscription.client_id : $('client-filter').value.trim();
    $('f-plan').value = subscription ? subscription.plan : '';
    $('f-starts').value = subscription ? subscription.starts_at : '';
    $('f-expires').value = subscription ? subscription.expires_at : '';
    $('f-amount').value = subscription && subscription.price ? subscription.price.amount : '';
    $('f-currency').value = subscription && subscription.price ? subscription.price.currency : '';
    $('f-services').value = subscription ? servicesToText(subscription.services) : '';
    $('f-plan').focus();
  }

  function formBody(editing) {
    const body = { plan: $('f-plan').value, expires_at: $('f-expires').value, services: servicesFromText($('f-services').value) };
    if ($('f-starts').value) body.starts_at = $('f-starts').value;
    if ($('f-amount').value.trim() || $('f-currency').value.trim()) {
      body.price = { amount: $('f-amount').value.trim(), currency: $('f-currency').value.trim().toUpperCase() };
    }
    if (!editing) {
      body.client_id = $('f-client').value.trim();
      body.auto_renew = $('f-auto-renew').checked;
    }
    return body;
  }

  async function saved(answer, editing) {
    notice(t(editing ? 'ui.saved' : 'ui.created', { plan: answer.json.plan }));
    await changed(answer.json.id);
  }

  // Holds and history --------------------------------------------------------------------------

  /** Opens the holds of the subscription; quietly: only shows them again, without scrolling to them. */
  async function openHolds(id, quietly) {
    const panel = $('holds-panel');
    clearProblem(panel);
    const subscription = await api('GET', subscriptionPath(id));
    if (!subscription.ok) { showProblem(document.body, subscription); return; }
    state.holdsOf = subscription.json;
    $('holds-title').textContent = t('ui.holds.title', { plan: subscription.json.plan });
    const suspension = subscription.json.suspension;
    $('holds-suspension').hidden = !suspension;
    $('holds-suspension').textContent = suspension
      ? t('ui.suspended_because', { reason: t('ui.reason.' + suspension.reason) }) + ' (' + t('ui.holds.since', { date: Kontor.date(suspension.since) }) + ')'
      : '';
    const holds = await api('GET', subscriptionPath(id) + '/holds?limit=500');
    if (!holds.ok) { showProblem(document.body, holds); return; }
    $('holds').replaceChildren(...holds.json.items.map((hold) => holdItem(id, hold)));
    $('holds-empty').hidden = holds.json.items.length > 0;
    const reasons = REASONS.filter((reason) => PLACE_NEEDS[reason].some(held));
    // A client's own users may not change a suspended subscription (S3); staff may add holds to it.
    $('hold-form').hidden = subscription.json.state === 'terminated' || reasons.length === 0
      || (!staff() && subscription.json.state === 'suspended');
    $('h-reason').replaceChildren(...reasons.map((reason) => el('option', { value: reason, text: t('ui.reason.' + reason) })));
    $('h-internal-label').hidden = !staff();
    const history = await api('GET', subscriptionPath(id) + '/history?limit=100');
    $('history-section').hidden = !history.ok; // staff only
    if (history.ok) {
      $('history').replaceChildren(...history.json.items.map((entry) => el('li', { testid: 'history-entry',
        text: Kontor.date(entry.occurred_at) + ' — ' + t('ui.history.' + entry.action)
          + (entry.reason ? ' (' + t('ui.reason.' + entry.reason) + ')' : '') + ' — ' + entry.actor
          + (entry.note ? ': ' + entry.note : '') + ' → ' + t('ui.state.' + entry.state) })));
    }
    panel.hidden = false;
    if (!quietly) panel.scrollIntoView({ block: 'nearest' });
  }

  /** After a change of holds or billing: the list, and the panels open for that subscription, show it as it is now. */
  async function changed(id) {
    if (state.holdsOf && state.holdsOf.id === id && !$('holds-panel').hidden) await openHolds(id, true);
    await SubscriptionBilling.refresh(id);
    await state.list.reload();
  }

  function holdItem(subscriptionId, hold) {
    const times = [t('ui.holds.since', { date: Kontor.date(hold.placed_at) })];
    if (hold.expires_at) times.push(t('ui.holds.until', { date: Kontor.date(hold.expires_at) }));
    if (hold.lifted_at) times.push(t('ui.holds.lifted_at', { date: Kontor.date(hold.lifted_at) }));
    const children = [el('div', { class: 'head' }, [
      el('span', { class: 'reason', text: t('ui.reason.' + hold.reason), testid: 'hold-reason' }),
      el('span', { class: hold.in_force ? 'state-suspended' : 'muted', text: t(hold.in_force ? 'ui.holds.in_force' : 'ui.holds.ended'),
        testid: 'hold-state' }),
      el('span', { class: 'muted', text: times.join(', ') })
    ])];
    if (hold.public_note) children.push(el('div', { class: 'public', text: hold.public_note, testid: 'hold-public-note' }));
    if (hold.internal_note) children.push(el('div', { class: 'internal', text: hold.internal_note, testid: 'hold-internal-note' }));
    if (hold.can_lift) {
      const note = el('input', { maxlength: '1000', placeholder: t('ui.field.note'), testid: 'hold-lift-note' });
      children.push(el('div', { class: 'actions' }, [note, el('button', { type: 'button', class: 'secondary', text: t('ui.holds.lift'),
        testid: 'hold-lift', on: { click: () => lift(subscriptionId, hold.id, note.value) } })]));
    }
    return el('li', { class: 'hold' + (hold.in_force ? '' : ' ended'), 'data-id': hold.id, testid: 'hold' }, children);
  }

  async function place(event) {
    event.preventDefault();
    const form = $('hold-form');
    clearProblem(form);
    const body = { reason: $('h-reason').value };
    if ($('h-public').value.trim()) body.public_note = $('h-public').value;
    if (!$('h-internal-label').hidden && $('h-internal').value.trim()) body.internal_note = $('h-internal').value;
    if ($('h-expires').value) body.expires_at = new Date($('h-expires').value).toISOString();
    const id = state.holdsOf.id;
    const answer = await api('POST', subscriptionPath(id) + '/holds', body);
    if (!answer.ok) { showProblem(form, answer); return; }
    form.reset();
    notice(t('ui.holds.placed'));
    await changed(id);
  }

  async function lift(subscriptionId, holdId, note) {
    const query = note && note.trim() ? '?note=' + encodeURIComponent(note.trim()) : '';
    const answer = await api('DELETE', subscriptionPath(subscriptionId) + '/holds/'
      + encodeURIComponent(holdId) + query);
    if (!answer.ok) { showProblem($('holds-panel'), answer); return; }
    notice(t('ui.holds.lifted'));
    await changed(subscriptionId);
  }

  // Termination and bulk actions ----------------------------------------------------------------

  /** Asks before terminating one subscription ({id, plan}) or the selected ones (S6: there is no way back). */
  function askTermination(subscription) {
    state.terminating = subscription;
    clearProblem($('termination'));
    $('termination-note').value = '';
    $('termination-intro').textContent = t('ui.terminate.intro', { plan: subscription
      ? subscription.plan : t('ui.bulk.selected', { count: state.list.selected().length }) });
    $('termination').hidden = false;
    $('termination').scrollIntoView({ block: 'nearest' });
  }

  async function confirmTermination() {
    const subscription = state.terminating;
    const note = $('termination-note').value.trim();
    $('termination-confirm').disabled = true;
    if (!subscription) {
      const done = await bulk('terminate', note);
      $('termination-confirm').disabled = false;
      if (done) $('termination').hidden = true;
      return;
    }
    const answer = await Kontor.once('POST', subscriptionPath(subscription.id) + '/terminate',
      note ? { note } : {});
    $('termination-confirm').disabled = false;
    if (!answer.ok) { showProblem($('termination'), answer); return; }
    $('termination').hidden = true;
    state.terminating = null;
    notice(t('ui.terminated'));
    await changed(subscription.id);
  }

  /** Runs a bulk action once: a repeat after a lost answer sends the same Idempotency-Key. */
  async function bulk(action, note) {
    const body = { action, ids: state.list.selected() };
    if (action !== 'terminate') body.reason = $('bulk-reason').value;
    if (note) body.internal_note = note;
    if (action === 'suspend' && $('bulk-public').value.trim()) body.public_note = $('bulk-public').value.trim();
    if (!await Kontor.bulk('subscriptions/bulk', body, 'ui.bulk.summary')) return false;
    $('bulk-public').value = '';
    await state.list.reload();
    return true;
  }

  // Start -------------------------------------------------------------------------------------

  async function start() {
    await Kontor.start();
    const bulkReasons = REASONS.filter((reason) => PLACE_NEEDS[reason].some(held));
    $('bulk-reason').replaceChildren(...bulkReasons.map((reason) => el('option', { value: reason, text: t('ui.reason.' + reason) })));
    if (bulkReasons.length === 0) ['bulk-reason', 'bulk-public', 'bulk-suspend', 'bulk-activate'].forEach((id) => { $(id).hidden = true; });
    state.list = Kontor.list({ list: $('subscriptions'), more: $('more'), empty: $('subscriptions-empty'), search: $('search-form'),
      path: listPath, render: row, selection: { all: $('select-all'), count: $('bulk-count'), countKey: 'ui.bulk.selected',
        buttons: ['bulk-suspend', 'bulk-activate', 'bulk-terminate'].map($) } });
    SubscriptionBilling.start(changed);
    state.editor = Kontor.editor({ form: $('subscription-form'), path: 'subscriptions', fill, body: formBody, saved, staleKey: 'ui.stale' });
    $('new-subscription').addEventListener('click', () => state.editor.create());
    $('subscription-cancel').addEventListener('click', () => { $('subscription-form').hidden = true; });
    $('hold-form').addEventListener('submit', place);
    $('holds-close').addEventListener('click', () => { $('holds-panel').hidden = true; state.holdsOf = null; });
    $('termination-confirm').addEventListener('click', confirmTermination);
    $('termination-cancel').addEventListener('click', () => { $('termination').hidden = true; state.terminating = null; });
    $('bulk-suspend').addEventListener('click', () => bulk('suspend'));
    $('bulk-activate').addEventListener('click', () => bulk('activate'));
    $('bulk-terminate').addEventListener('click', () => askTermination(null));
    const params = new URLSearchParams(location.search);
    if (params.get('client_id')) $('client-filter').value = params.get('client_id');
    await state.list.reload();
  }

  start();
}());
