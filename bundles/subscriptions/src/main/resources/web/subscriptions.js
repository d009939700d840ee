'use strict';
// The subscription list (S1) with creation and editing, holds with their reasons and notes
// (S2), history, termination (S6) and bulk actions. The DOM is built with textContent only:
// no markup from data. The server decides every request; permissions only hide controls.
(function () {
  const state = { texts: {}, csrf: null, cursor: null, generation: 0, selected: new Set(), editing: null,
    holdsOf: null, terminating: null };
  const $ = (id) => document.getElementById(id);
  const REASONS = ['abuse', 'operator', 'reseller', 'non_payment', 'expired', 'customer'];
  // What each placeable reason needs at least; the server's lift policy has the last word.
  const PLACE_NEEDS = { abuse: ['subscriptions.legal'], operator: ['subscriptions.suspend'], reseller: ['subscriptions.suspend'],
    non_payment: ['subscriptions.suspend'], expired: ['subscriptions.suspend'],
    customer: ['subscriptions.self_suspend', 'subscriptions.suspend'] };

  function t(key, values) {
    const text = state.texts[key] || key;
    return values ? text.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all)) : text;
  }

  async function csrfToken() {
    if (state.csrf === null) {
      const answer = await call('GET', 'session');
      state.csrf = answer.ok && answer.json.csrf_token ? answer.json.csrf_token : '';
    }
    return state.csrf;
  }

  /** A REST call: {status, ok, json, etag}; extra headers (If-Match, Idempotency-Key) as given. */
  async function call(method, path, body, extra) {
    const headers = Object.assign({ 'Accept': 'application/json', 'Accept-Language': Kontor.language() }, extra || {});
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') headers['X-CSRF-Token'] = await csrfToken();
    try {
      const response = await fetch('/api/v1/' + path, { method, headers, credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body) });
      const json = response.status === 204 ? null : await response.json().catch(() => null);
      return { status: response.status, ok: response.ok, json, etag: response.headers.get('ETag') };
    } catch (e) {
      return { status: 0, ok: false, json: { detail: t('ui.offline') }, etag: null };
    }
  }

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([key, value]) => {
      if (value === undefined || value === null || value === false) return;
      if (key === 'text') node.textContent = value;
      else if (key === 'class') node.className = value;
      else if (key === 'testid') node.dataset.testid = value;
      else if (key === 'on') Object.entries(value).forEach(([type, handler]) => node.addEventListener(type, handler));
      else if (key === 'checked') node.checked = value;
      else node.setAttribute(key, value === true ? '' : value);
    });
    (children || []).forEach((child) => node.append(child));
    return node;
  }

  function clearProblem(container) {
    container.querySelectorAll('.field-error').forEach((node) => node.remove());
    container.querySelectorAll('.invalid').forEach((node) => node.classList.remove('invalid'));
    const box = container.querySelector('[data-role="problem"]');
    if (box) { box.hidden = true; box.textContent = ''; }
  }

  /** A problem+json answer: field errors beside their fields, the rest in the container's problem box. */
  function showProblem(container, answer) {
    clearProblem(container);
    const problem = answer.json || {};
    const unplaced = [];
    (problem.errors || []).forEach((error) => {
      const name = error.field.replace(/\[\d+\].*$/, '');
      const field = container.querySelector('[data-field="' + CSS.escape(error.field) + '"]')
        || container.querySelector('[data-field="' + CSS.escape(name) + '"]');
      if (!field) { unplaced.push(error.field + ': ' + error.message); return; }
      field.classList.add('invalid');
      field.after(el('span', { class: 'field-error', role: 'alert', testid: 'field-error', text: error.field + ': ' + error.message }));
    });
    const box = container.querySelector('[data-role="problem"]') || $('page-problem');
    box.textContent = [problem.detail || problem.title || t('ui.failed', { status: answer.status }), ...unplaced].join(' ');
    box.hidden = false;
  }

  function notice(text) {
    $('notice').textContent = text || '';
    $('notice').hidden = !text;
  }

  function locale() {
    return Kontor.language() === 'de' ? 'de-DE' : 'en-GB';
  }

  function time(iso) {
    const value = new Date(iso);
    return Number.isNaN(value.getTime()) ? iso : value.toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
  }

  function day(iso) {
    const value = new Date(iso + 'T00:00:00Z');
    return Number.isNaN(value.getTime()) ? iso : value.toLocaleDateString(locale(), { dateStyle: 'medium', timeZone: 'UTC' });
  }

  function price(value) {
    return value ? value.amount + ' ' + value.currency : '';
  }

  function key() {
    return window.crypto && crypto.randomUUID ? crypto.randomUUID()
      : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // The list ------------------------------------------------------------------------------

  function listPath() {
    const params = new URLSearchParams();
    const q = $('search').value.trim();
    if (q) params.set('q', q);
    if ($('client-filter').value.trim()) params.set('client_id', $('client-filter').value.trim());
    if ($('state-filter').value) params.set('state', $('state-filter').value);
    params.set('sort', $('sort').value);
    if (state.cursor) params.set('cursor', state.cursor);
    return 'subscriptions?' + params.toString();
  }

  async function load(reset) {
    const mine = reset ? ++state.generation : state.generation;
    if (reset) state.cursor = null;
    const answer = await call('GET', listPath());
    if (mine !== state.generation) return; // a newer search started meanwhile
    if (!answer.ok) { showProblem(document.body, answer); return; }
    if (reset) { $('subscriptions').replaceChildren(); state.selected.clear(); }
    answer.json.items.forEach((subscription) => $('subscriptions').append(row(subscription)));
    state.cursor = answer.json.next_cursor || null;
    $('more').hidden = !state.cursor;
    $('subscriptions-empty').hidden = $('subscriptions').children.length > 0;
    selectionChanged();
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
    const answer = await call('POST', 'subscriptions/' + encodeURIComponent(subscription.id) + '/provisioning/retry');
    if (!answer.ok) { showProblem(document.body, answer); return; }
    notice(t('ui.provisioning.retried', { plan: subscription.plan }));
  }

  function row(subscription) {
    const box = el('input', { type: 'checkbox', testid: 'subscription-select', 'data-id': subscription.id,
      checked: state.selected.has(subscription.id),
      on: { change: (event) => { if (event.target.checked) state.selected.add(subscription.id); else state.selected.delete(subscription.id); selectionChanged(); } } });
    const live = subscription.state !== 'terminated';
    return el('tr', { 'data-id': subscription.id, testid: 'subscription-row' }, [
      el('td', { class: 'select' }, [box]),
      el('td', { text: subscription.plan, testid: 'subscription-plan' }),
      el('td', { text: subscription.client_id }),
      el('td', {}, [el('ul', { class: 'services' }, subscription.services.map((service) =>
        el('li', { text: service.kind + ': ' + service.name })))]),
      el('td', { text: day(subscription.expires_at) }),
      el('td', { text: price(subscription.price) }),
      stateCell(subscription),
      el('td', {}, [el('div', { class: 'actions' }, [
        el('button', { type: 'button', class: 'secondary', text: t('ui.holds'), testid: 'subscription-holds',
          on: { click: () => openHolds(subscription.id) } }),
        live ? el('button', { type: 'button', class: 'secondary', 'data-needs': 'subscriptions.manage', text: t('ui.edit'),
          testid: 'subscription-edit', on: { click: () => edit(subscription.id) } }) : null,
        live ? el('button', { type: 'button', class: 'danger', 'data-needs': 'subscriptions.manage', text: t('ui.terminate'),
          testid: 'subscription-terminate', on: { click: () => askTermination(subscription) } }) : null,
        failingProvisioning(subscription).some((entry) => 'last_error' in entry)
          ? el('button', { type: 'button', class: 'secondary', 'data-needs': 'subscriptions.manage',
            text: t('ui.provisioning.retry'), testid: 'provisioning-retry', on: { click: () => retryProvisioning(subscription) } })
          : null
      ].filter(Boolean))])
    ]);
  }

  function selectionChanged() {
    const count = state.selected.size;
    $('bulk-count').textContent = t('ui.bulk.selected', { count });
    ['bulk-suspend', 'bulk-activate', 'bulk-terminate'].forEach((id) => { $(id).disabled = count === 0; });
    const boxes = [...document.querySelectorAll('#subscriptions input[type="checkbox"]')];
    $('select-all').checked = boxes.length > 0 && boxes.every((box) => box.checked);
    applyPermissions(document);
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

  function openForm(subscription) {
    state.editing = subscription;
    const form = $('subscription-form');
    clearProblem(form);
    form.reset();
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
    form.hidden = false;
    $('f-plan').focus();
  }

  async function edit(id) {
    const answer = await call('GET', 'subscriptions/' + encodeURIComponent(id));
    if (!answer.ok) { showProblem(document.body, answer); return; }
    openForm(Object.assign({ etag: answer.etag }, answer.json));
  }

  function formBody() {
    const body = { plan: $('f-plan').value, expires_at: $('f-expires').value, services: servicesFromText($('f-services').value) };
    if ($('f-starts').value) body.starts_at = $('f-starts').value;
    if ($('f-amount').value.trim() || $('f-currency').value.trim()) {
      body.price = { amount: $('f-amount').value.trim(), currency: $('f-currency').value.trim().toUpperCase() };
    }
    if (!state.editing) {
      body.client_id = $('f-client').value.trim();
      body.auto_renew = $('f-auto-renew').checked;
    }
    return body;
  }

  async function save(event) {
    event.preventDefault();
    const form = $('subscription-form');
    clearProblem(form);
    $('subscription-save').disabled = true;
    const editing = state.editing;
    const answer = editing
      ? await call('PATCH', 'subscriptions/' + encodeURIComponent(editing.id), formBody(), editing.etag ? { 'If-Match': editing.etag } : {})
      : await call('POST', 'subscriptions', formBody());
    $('subscription-save').disabled = false;
    if (answer.status === 412) {
      await edit(editing.id);
      showProblem(form, { status: 412, json: { detail: t('ui.stale') } });
      return;
    }
    if (!answer.ok) { showProblem(form, answer); return; }
    form.hidden = true;
    notice(t(editing ? 'ui.saved' : 'ui.created', { plan: answer.json.plan }));
    await load(true);
  }

  // Holds and history --------------------------------------------------------------------------

  async function openHolds(id) {
    const panel = $('holds-panel');
    clearProblem(panel);
    const subscription = await call('GET', 'subscriptions/' + encodeURIComponent(id));
    if (!subscription.ok) { showProblem(document.body, subscription); return; }
    state.holdsOf = subscription.json;
    $('holds-title').textContent = t('ui.holds.title', { plan: subscription.json.plan });
    const suspension = subscription.json.suspension;
    $('holds-suspension').hidden = !suspension;
    $('holds-suspension').textContent = suspension
      ? t('ui.suspended_because', { reason: t('ui.reason.' + suspension.reason) }) + ' (' + t('ui.holds.since', { date: time(suspension.since) }) + ')'
      : '';
    const holds = await call('GET', 'subscriptions/' + encodeURIComponent(id) + '/holds?limit=500');
    if (!holds.ok) { showProblem(document.body, holds); return; }
    $('holds').replaceChildren(...holds.json.items.map((hold) => holdItem(id, hold)));
    $('holds-empty').hidden = holds.json.items.length > 0;
    const reasons = REASONS.filter((reason) => PLACE_NEEDS[reason].some(held));
    // A client's own users may not change a suspended subscription (S3); staff may add holds to it.
    const staff = held('subscriptions.suspend') || held('subscriptions.legal');
    $('hold-form').hidden = subscription.json.state === 'terminated' || reasons.length === 0
      || (!staff && subscription.json.state === 'suspended');
    $('h-reason').replaceChildren(...reasons.map((reason) => el('option', { value: reason, text: t('ui.reason.' + reason) })));
    $('h-internal-label').hidden = !held('subscriptions.suspend') && !held('subscriptions.legal');
    const history = await call('GET', 'subscriptions/' + encodeURIComponent(id) + '/history?limit=100');
    $('history-section').hidden = !history.ok; // staff only
    if (history.ok) {
      $('history').replaceChildren(...history.json.items.map((entry) => el('li', { testid: 'history-entry',
        text: time(entry.occurred_at) + ' — ' + t('ui.history.' + entry.action)
          + (entry.reason ? ' (' + t('ui.reason.' + entry.reason) + ')' : '') + ' — ' + entry.actor
          + (entry.note ? ': ' + entry.note : '') + ' → ' + t('ui.state.' + entry.state) })));
    }
    panel.hidden = false;
    panel.scrollIntoView({ block: 'nearest' });
  }

  function holdItem(subscriptionId, hold) {
    const times = [t('ui.holds.since', { date: time(hold.placed_at) })];
    if (hold.expires_at) times.push(t('ui.holds.until', { date: time(hold.expires_at) }));
    if (hold.lifted_at) times.push(t('ui.holds.lifted_at', { date: time(hold.lifted_at) }));
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
    const answer = await call('POST', 'subscriptions/' + encodeURIComponent(id) + '/holds', body);
    if (!answer.ok) { showProblem(form, answer); return; }
    form.reset();
    notice(t('ui.holds.placed'));
    await openHolds(id);
    await load(true);
  }

  async function lift(subscriptionId, holdId, note) {
    const query = note && note.trim() ? '?note=' + encodeURIComponent(note.trim()) : '';
    const answer = await call('DELETE', 'subscriptions/' + encodeURIComponent(subscriptionId) + '/holds/'
      + encodeURIComponent(holdId) + query);
    if (!answer.ok) { showProblem($('holds-panel'), answer); return; }
    notice(t('ui.holds.lifted'));
    await openHolds(subscriptionId);
    await load(true);
  }

  // Termination and bulk actions ----------------------------------------------------------------

  /** Asks before terminating one subscription ({id, plan}) or the selected ones (S6: there is no way back). */
  function askTermination(subscription) {
    state.terminating = subscription;
    clearProblem($('termination'));
    $('termination-note').value = '';
    $('termination-intro').textContent = t('ui.terminate.intro', { plan: subscription
      ? subscription.plan : t('ui.bulk.selected', { count: state.selected.size }) });
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
    const answer = await call('POST', 'subscriptions/' + encodeURIComponent(subscription.id) + '/terminate',
      note ? { note } : {}, { 'Idempotency-Key': key() });
    $('termination-confirm').disabled = false;
    if (!answer.ok) { showProblem($('termination'), answer); return; }
    $('termination').hidden = true;
    state.terminating = null;
    notice(t('ui.terminated'));
    await load(true);
  }

  /** Runs a bulk action once: a repeat after a lost answer sends the same Idempotency-Key. */
  async function bulk(action, note) {
    const body = { action, ids: [...state.selected] };
    if (action !== 'terminate') body.reason = $('bulk-reason').value;
    if (note) body.internal_note = note;
    if (action === 'suspend' && $('bulk-public').value.trim()) body.public_note = $('bulk-public').value.trim();
    const idempotency = key();
    let answer = await call('POST', 'subscriptions/bulk', body, { 'Idempotency-Key': idempotency });
    if (answer.status === 0) answer = await call('POST', 'subscriptions/bulk', body, { 'Idempotency-Key': idempotency });
    if (!answer.ok) { showProblem(document.body, answer); return false; }
    const counts = { done: 0, unchanged: 0, not_found: 0, failed: 0 };
    answer.json.results.forEach((result) => { counts[result.status] += 1; });
    const failures = answer.json.results.filter((result) => result.status === 'failed').map((result) => result.id + ': ' + result.error);
    notice([t('ui.bulk.summary', counts), ...failures].join(' '));
    $('bulk-public').value = '';
    await load(true);
    return true;
  }

  // Start -------------------------------------------------------------------------------------

  let held = () => true;

  function applyPermissions(root) {
    root.querySelectorAll('[data-needs]').forEach((node) => { node.hidden = !held(node.dataset.needs); });
  }

  async function start() {
    state.texts = await Kontor.localize();
    document.querySelectorAll('[data-i18n-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
    document.querySelectorAll('[data-i18n-title]').forEach((node) => { node.title = t(node.dataset.i18nTitle); });
    const me = await call('GET', 'users/me');
    if (me.ok && Array.isArray(me.json.permissions)) {
      const permissions = new Set(me.json.permissions);
      held = (permission) => permissions.has(permission) || permissions.has('*');
    }
    const bulkReasons = REASONS.filter((reason) => PLACE_NEEDS[reason].some(held));
    $('bulk-reason').replaceChildren(...bulkReasons.map((reason) => el('option', { value: reason, text: t('ui.reason.' + reason) })));
    if (bulkReasons.length === 0) ['bulk-reason', 'bulk-public', 'bulk-suspend', 'bulk-activate'].forEach((id) => { $(id).hidden = true; });
    applyPermissions(document);
    $('search-form').addEventListener('submit', (event) => { event.preventDefault(); load(true); });
    $('state-filter').addEventListener('change', () => load(true));
    $('sort').addEventListener('change', () => load(true));
    $('more').addEventListener('click', () => load(false));
    $('new-subscription').addEventListener('click', () => openForm(null));
    $('subscription-form').addEventListener('submit', save);
    $('subscription-cancel').addEventListener('click', () => { $('subscription-form').hidden = true; });
    $('hold-form').addEventListener('submit', place);
    $('holds-close').addEventListener('click', () => { $('holds-panel').hidden = true; state.holdsOf = null; });
    $('termination-confirm').addEventListener('click', confirmTermination);
    $('termination-cancel').addEventListener('click', () => { $('termination').hidden = true; state.terminating = null; });
    $('select-all').addEventListener('change', (event) => {
      document.querySelectorAll('#subscriptions input[type="checkbox"]').forEach((box) => {
        box.checked = event.target.checked;
        if (box.checked) state.selected.add(box.dataset.id); else state.selected.delete(box.dataset.id);
      });
      selectionChanged();
    });
    $('bulk-suspend').addEventListener('click', () => bulk('suspend'));
    $('bulk-activate').addEventListener('click', () => bulk('activate'));
    $('bulk-terminate').addEventListener('click', () => askTermination(null));
    const params = new URLSearchParams(location.search);
    if (params.get('client_id')) $('client-filter').value = params.get('client_id');
    await load(true);
  }

  start();
}());
