'use strict';
// The client list (C3) with creation (C1), editing (C5), bulk suspension (C4) and removal
// after a preview of what goes (C6). The DOM is built with textContent only: no markup
// from data. The server decides every request; permissions only hide controls.
(function () {
  const state = { texts: {}, csrf: null, cursor: null, generation: 0, selected: new Set(), editing: null, removing: null,
    removingInBulk: false };
  const $ = (id) => document.getElementById(id);

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
      const field = container.querySelector('[data-field="' + CSS.escape(error.field) + '"]');
      if (!field) { unplaced.push(error.field + ': ' + error.message); return; }
      field.classList.add('invalid');
      field.after(el('span', { class: 'field-error', role: 'alert', testid: 'field-error', text: error.message }));
    });
    const box = container.querySelector('[data-role="problem"]') || $('page-problem');
    box.textContent = [problem.detail || problem.title || t('ui.failed', { status: answer.status }), ...unplaced].join(' ');
    box.hidden = false;
  }

  function notice(text) {
    $('notice').textContent = text || '';
    $('notice').hidden = !text;
  }

  function date(iso) {
    const value = new Date(iso);
    return Number.isNaN(value.getTime()) ? iso
      : value.toLocaleString(Kontor.language() === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
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
    if ($('state-filter').value) params.set('state', $('state-filter').value);
    params.set('sort', $('sort').value);
    if (state.cursor) params.set('cursor', state.cursor);
    return 'clients?' + params.toString();
  }

  async function load(reset) {
    const mine = reset ? ++state.generation : state.generation;
    if (reset) state.cursor = null;
    const answer = await call('GET', listPath());
    if (mine !== state.generation) return; // a newer search started meanwhile
    if (!answer.ok) { showProblem(document.body, answer); return; }
    if (reset) { $('clients').replaceChildren(); state.selected.clear(); }
    answer.json.items.forEach((client) => $('clients').append(row(client)));
    state.cursor = answer.json.next_cursor || null;
    $('more').hidden = !state.cursor;
    $('clients-empty').hidden = $('clients').children.length > 0;
    selectionChanged();
  }

  function row(client) {
    const box = el('input', { type: 'checkbox', testid: 'client-select', 'data-id': client.id, checked: state.selected.has(client.id),
      on: { change: (event) => { if (event.target.checked) state.selected.add(client.id); else state.selected.delete(client.id); selectionChanged(); } } });
    return el('tr', { 'data-id': client.id, testid: 'client-row' }, [
      el('td', { class: 'select' }, [box]),
      el('td', { text: client.name, testid: 'client-name' }),
      el('td', { text: client.company || '' }),
      el('td', { text: client.email }),
      el('td', { class: 'state-' + client.state, text: t('ui.state.' + client.state), testid: 'client-state' }),
      el('td', { text: date(client.created_at) }),
      el('td', {}, [el('div', { class: 'actions' }, [
        el('button', { type: 'button', class: 'secondary', 'data-needs': 'clients.manage', text: t('ui.edit'), testid: 'client-edit',
          on: { click: () => edit(client.id) } }),
        el('button', { type: 'button', class: 'danger', 'data-needs': 'clients.remove', text: t('ui.remove'), testid: 'client-remove',
          on: { click: () => previewRemoval([client.id], false) } })
      ])])
    ]);
  }

  function selectionChanged() {
    const count = state.selected.size;
    $('bulk-count').textContent = t('ui.bulk.selected', { count });
    ['bulk-suspend', 'bulk-activate', 'bulk-delete'].forEach((id) => { $(id).disabled = count === 0; });
    const boxes = [...document.querySelectorAll('#clients input[type="checkbox"]')];
    $('select-all').checked = boxes.length > 0 && boxes.every((box) => box.checked);
    applyPermissions(document);
  }

  // Create and edit -------------------------------------------------------------------------

  const FIELDS = { name: 'f-name', company: 'f-company', email: 'f-email', phone: 'f-phone', language: 'f-language',
    address: 'f-address', additional_info: 'f-additional-info', description: 'f-description' };

  function openForm(client) {
    state.editing = client;
    const form = $('client-form');
    clearProblem(form);
    form.reset();
    $('client-form-title').textContent = client ? client.name : t('ui.new');
    Object.entries(FIELDS).forEach(([field, id]) => { $(id).value = client && client[field] ? client[field] : (field === 'language' ? 'en' : ''); });
    $('f-reseller-label').hidden = Boolean(client);
    $('login-note').hidden = !client;
    $('f-password-label').textContent = t(client ? 'ui.field.new_password' : 'ui.field.password');
    form.hidden = false;
    $('f-name').focus();
  }

  async function edit(id) {
    const answer = await call('GET', 'clients/' + encodeURIComponent(id));
    if (!answer.ok) { showProblem(document.body, answer); return; }
    openForm(Object.assign({ etag: answer.etag }, answer.json));
  }

  /** The form's values: everything for a new client; for an edit, what changed ("" clears a field). */
  function formBody() {
    const body = {};
    Object.entries(FIELDS).forEach(([field, id]) => {
      const node = $(id);
      if (node.closest('[hidden]')) return; // a field the caller may not write
      const value = node.value;
      if (state.editing) {
        if (value !== (state.editing[field] || '')) body[field] = value;
      } else if (value.trim() !== '') {
        body[field] = value;
      }
    });
    const username = $('f-username').value.trim();
    const password = $('f-password').value;
    if (username) body.username = username;
    if (password) body.password = password;
    if (!state.editing && $('f-reseller').value.trim()) body.reseller_id = $('f-reseller').value.trim();
    return body;
  }

  async function save(event) {
    event.preventDefault();
    const form = $('client-form');
    clearProblem(form);
    $('client-save').disabled = true;
    const editing = state.editing;
    const answer = editing
      ? await call('PATCH', 'clients/' + encodeURIComponent(editing.id), formBody(), editing.etag ? { 'If-Match': editing.etag } : {})
      : await call('POST', 'clients', formBody());
    $('client-save').disabled = false;
    if (answer.status === 412) {
      await edit(editing.id);
      showProblem(form, { status: 412, json: { detail: t('ui.stale') } });
      return;
    }
    if (!answer.ok) { showProblem(form, answer); return; }
    form.hidden = true;
    notice(t(editing ? 'ui.saved' : 'ui.created', { name: answer.json.name }));
    await load(true);
  }

  // Removal and bulk actions -----------------------------------------------------------------

  /** Shows what removing the clients takes with it, added up over their dry runs (C6). */
  async function previewRemoval(ids, inBulk) {
    const panel = $('removal');
    clearProblem(panel);
    const totals = {};
    for (const id of ids) {
      const answer = await call('DELETE', 'clients/' + encodeURIComponent(id) + '?dry_run=true');
      if (answer.status === 404) continue; // gone meanwhile: nothing of it to remove
      if (!answer.ok) { showProblem(document.body, answer); return; }
      Object.entries(answer.json).forEach(([kind, count]) => { totals[kind] = (totals[kind] || 0) + count; });
    }
    state.removing = ids;
    state.removingInBulk = inBulk;
    $('removal-names').textContent = ids.map((id) => {
      const name = document.querySelector('#clients tr[data-id="' + CSS.escape(id) + '"] [data-testid="client-name"]');
      return name ? name.textContent : id;
    }).join(', ');
    $('removal-counts').replaceChildren(...Object.entries(totals).map(([kind, count]) =>
      el('li', { testid: 'removal-count', 'data-kind': kind, text: t('ui.count.' + kind) + ': ' + count })));
    panel.hidden = false;
    panel.scrollIntoView({ block: 'nearest' });
  }

  async function confirmRemoval() {
    const ids = state.removing || [];
    $('removal-confirm').disabled = true;
    if (!state.removingInBulk) {
      const answer = await call('DELETE', 'clients/' + encodeURIComponent(ids[0]) + projectsChoice());
      $('removal-confirm').disabled = false;
      if (!answer.ok) { showProblem($('removal'), answer); return; }
      notice(t('ui.removed'));
    } else {
      const done = await bulk('delete', ids);
      $('removal-confirm').disabled = false;
      if (!done) return;
    }
    $('removal').hidden = true;
    state.removing = null;
    await load(true);
  }

  /** A reseller's choice for its client's projects (C6), when the page offers one (reseller-moves.js). */
  function projectsChoice() {
    const choice = $('removal-projects');
    return choice && !choice.closest('[hidden]') ? '?projects=' + encodeURIComponent(choice.value) : '';
  }

  /** Runs a bulk action once: a repeat after a lost answer sends the same Idempotency-Key. */
  async function bulk(action, ids) {
    const body = { action, ids };
    const reason = $('bulk-reason').value.trim();
    if (reason && action !== 'delete') body.reason = reason;
    const idempotency = key();
    let answer = await call('POST', 'clients/bulk', body, { 'Idempotency-Key': idempotency });
    if (answer.status === 0) answer = await call('POST', 'clients/bulk', body, { 'Idempotency-Key': idempotency });
    if (!answer.ok) { showProblem(document.body, answer); return false; }
    const counts = { done: 0, unchanged: 0, not_found: 0, failed: 0 };
    answer.json.results.forEach((result) => { counts[result.status] += 1; });
    const failures = answer.json.results.filter((result) => result.status === 'failed').map((result) => result.id + ': ' + result.error);
    notice([t('ui.bulk.summary', counts), ...failures].join(' '));
    return true;
  }

  async function bulkState(action) {
    if (await bulk(action, [...state.selected])) {
      $('bulk-reason').value = '';
      await load(true);
    }
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
    applyPermissions(document);
    $('search-form').addEventListener('submit', (event) => { event.preventDefault(); load(true); });
    $('state-filter').addEventListener('change', () => load(true));
    $('sort').addEventListener('change', () => load(true));
    $('more').addEventListener('click', () => load(false));
    $('new-client').addEventListener('click', () => openForm(null));
    $('client-form').addEventListener('submit', save);
    $('client-cancel').addEventListener('click', () => { $('client-form').hidden = true; });
    $('select-all').addEventListener('change', (event) => {
      document.querySelectorAll('#clients input[type="checkbox"]').forEach((box) => {
        box.checked = event.target.checked;
        if (box.checked) state.selected.add(box.dataset.id); else state.selected.delete(box.dataset.id);
      });
      selectionChanged();
    });
    $('bulk-suspend').addEventListener('click', () => bulkState('suspend'));
    $('bulk-activate').addEventListener('click', () => bulkState('activate'));
    $('bulk-delete').addEventListener('click', () => previewRemoval([...state.selected], true));
    $('removal-confirm').addEventListener('click', confirmRemoval);
    $('removal-cancel').addEventListener('click', () => { $('removal').hidden = true; state.removing = null; });
    await load(true);
  }

  start();
}());
