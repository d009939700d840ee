'use strict';
// The client list (C3) with creation (C1), editing (C5), bulk suspension (C4) and removal
// after a preview of what goes (C6). The DOM is built with textContent only (Kontor.el).
// The server decides every request; permissions only hide controls.
(function () {
  const { $, t, el, api, clearProblem, showProblem, notice } = Kontor;
  const state = { editor: null, removing: null, removingInBulk: false, list: null };

  // The list ------------------------------------------------------------------------------

  function listPath() {
    return 'clients' + Kontor.query({ q: $('search').value.trim(), state: $('state-filter').value, sort: $('sort').value });
  }

  function row(client) {
    return el('tr', { 'data-id': client.id, testid: 'client-row' }, [
      el('td', { class: 'select' }, [state.list.box(client.id, { testid: 'client-select' })]),
      el('td', { text: client.name, testid: 'client-name' }),
      el('td', { text: client.company || '' }),
      el('td', { text: client.email }),
      el('td', { class: 'state-' + client.state, text: t('ui.state.' + client.state), testid: 'client-state' }),
      el('td', { text: Kontor.date(client.created_at) }),
      el('td', {}, [el('div', { class: 'actions' }, [
        el('button', { type: 'button', class: 'secondary', 'data-needs': 'clients.manage', text: t('ui.edit'), testid: 'client-edit',
          on: { click: () => state.editor.edit(client.id) } }),
        el('button', { type: 'button', class: 'danger', 'data-needs': 'clients.remove', text: t('ui.remove'), testid: 'client-remove',
          on: { click: () => previewRemoval([client.id], false) } })
      ])])
    ]);
  }

  // Create and edit -------------------------------------------------------------------------

  const FIELDS = { name: 'f-name', company: 'f-company', email: 'f-email', phone: 'f-phone', language: 'f-language',
    address: 'f-address', additional_info: 'f-additional-info', description: 'f-description' };

  function fill(client) {
    $('client-form-title').textContent = client ? client.name : t('ui.new');
    Object.entries(FIELDS).forEach(([field, id]) => { $(id).value = client && client[field] ? client[field] : (field === 'language' ? 'en' : ''); });
    $('f-reseller-label').hidden = Boolean(client);
    $('login-note').hidden = !client;
    $('f-password-label').textContent = t(client ? 'ui.field.new_password' : 'ui.field.password');
    $('f-name').focus();
  }

  /** The form's values: everything for a new client; for an edit, what changed ("" clears a field). */
  function formBody(editing) {
    const body = {};
    Object.entries(FIELDS).forEach(([field, id]) => {
      const node = $(id);
      if (node.closest('[hidden]')) return; // a field the caller may not write
      const value = node.value;
      if (editing) {
        if (value !== (editing[field] || '')) body[field] = value;
      } else if (value.trim() !== '') {
        body[field] = value;
      }
    });
    const username = $('f-username').value.trim();
    const password = $('f-password').value;
    if (username) body.username = username;
    if (password) body.password = password;
    if (!editing && $('f-reseller').value.trim()) body.reseller_id = $('f-reseller').value.trim();
    return body;
  }

  async function saved(answer, editing) {
    notice(t(editing ? 'ui.saved' : 'ui.created', { name: answer.json.name }));
    await state.list.reload();
  }

  // Removal and bulk actions -----------------------------------------------------------------

  /** Shows what removing the clients takes with it, added up over their dry runs (C6). */
  async function previewRemoval(ids, inBulk) {
    const panel = $('removal');
    clearProblem(panel);
    const totals = {};
    for (const id of ids) {
      const answer = await api('DELETE', 'clients/' + encodeURIComponent(id) + '?dry_run=true');
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
      const answer = await api('DELETE', 'clients/' + encodeURIComponent(ids[0]) + projectsChoice());
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
    await state.list.reload();
  }

  /** A reseller's choice for its client's projects (C6), when the page offers one (reseller-moves.js). */
  function projectsChoice() {
    const choice = $('removal-projects');
    return choice && !choice.closest('[hidden]') ? '?projects=' + encodeURIComponent(choice.value) : '';
  }

  function bulk(action, ids) {
    const body = { action, ids };
    const reason = $('bulk-reason').value.trim();
    if (reason && action !== 'delete') body.reason = reason;
    return Kontor.bulk('clients/bulk', body, 'ui.bulk.summary');
  }

  async function bulkState(action) {
    if (await bulk(action, state.list.selected())) {
      $('bulk-reason').value = '';
      await state.list.reload();
    }
  }

  // Start -------------------------------------------------------------------------------------

  async function start() {
    await Kontor.start();
    state.list = Kontor.list({ list: $('clients'), more: $('more'), empty: $('clients-empty'), search: $('search-form'),
      path: listPath, render: row, selection: { all: $('select-all'), count: $('bulk-count'), countKey: 'ui.bulk.selected',
        buttons: ['bulk-suspend', 'bulk-activate', 'bulk-delete'].map($) } });
    state.editor = Kontor.editor({ form: $('client-form'), path: 'clients', fill, body: formBody, saved, staleKey: 'ui.stale' });
    $('new-client').addEventListener('click', () => state.editor.create());
    $('client-cancel').addEventListener('click', () => { $('client-form').hidden = true; });
    $('bulk-suspend').addEventListener('click', () => bulkState('suspend'));
    $('bulk-activate').addEventListener('click', () => bulkState('activate'));
    $('bulk-delete').addEventListener('click', () => previewRemoval(state.list.selected(), true));
    $('removal-confirm').addEventListener('click', confirmRemoval);
    $('removal-cancel').addEventListener('click', () => { $('removal').hidden = true; state.removing = null; });
    await state.list.reload();
  }

  start();
}());
