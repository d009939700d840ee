'use strict';
// Partner access (C7, C8, C10): the client's owners answer requests and revoke grants;
// a partner asks clients for access, opens or disconnects them, assigns its staff and
// switches e-mail copies. The server decides every request; permissions only hide controls.
(function () {
  const { $, t, api, all, el, clearProblem, showProblem, notice, date } = Kontor;
  const state = { ownClient: null, answering: null, staffing: null, partnerClients: null, members: null, session: null };
  const path = (...parts) => parts.map(encodeURIComponent).join('/');

  function scopeText(scope) {
    return t('ui.partner.scope.' + scope);
  }

  function products(list) {
    return list && list.length ? list.join(', ') : t('ui.partner.products.all');
  }

  function staffText(list) {
    return list && list.length ? t('ui.partner.staff.count', { count: list.length }) : t('ui.partner.staff.all');
  }

  function button(label, testid, handler, kind) {
    return el('button', { type: 'button', class: kind || 'secondary', text: t(label), testid, on: { click: handler } });
  }

  function fill(tbody, empty, rows) {
    $(tbody).replaceChildren(...rows);
    $(empty).hidden = rows.length > 0;
  }

  // The client's side ----------------------------------------------------------------------

  async function loadClientSide() {
    const own = await api('GET', 'clients/own');
    if (own.status === 404) { $('not-a-client').hidden = false; return; }
    if (!own.ok) { showProblem($('client'), own); return; }
    state.ownClient = own.json;
    $('own-client-id').textContent = own.json.id;
    $('client-body').hidden = false;
    await Promise.all([loadClientRequests(), loadClientGrants()]);
  }

  async function loadClientRequests() {
    const found = await all(path('clients', state.ownClient.id, 'access-requests'));
    if (!found.ok) { showProblem($('client'), found.answer); return; }
    fill('client-requests', 'client-requests-empty', found.items.map((request) => el('tr', { testid: 'client-request', 'data-id': request.id }, [
      el('td', { text: request.partner_name }),
      el('td', { text: scopeText(request.scope) }),
      el('td', { text: request.sender_email }),
      el('td', { class: 'message', text: request.message || '' }),
      el('td', { class: 'state-' + request.state, text: t('ui.partner.state.' + request.state), testid: 'request-state' }),
      el('td', { text: date(request.created_at) }),
      el('td', { text: date(request.expires_at) }),
      el('td', {}, request.state !== 'open' ? [] : [el('div', { class: 'actions' }, [
        button('ui.partner.accept', 'request-accept', () => accept(request), 'primary'),
        button('ui.partner.decline', 'request-decline', () => decline(request), 'danger')
      ])])
    ])));
  }

  async function loadClientGrants() {
    const answer = await api('GET', path('clients', state.ownClient.id, 'grants'));
    if (!answer.ok) { showProblem($('client'), answer); return; }
    fill('client-grants', 'client-grants-empty', answer.json.items.map((grant) => el('tr', { testid: 'client-grant', 'data-id': grant.id }, [
      el('td', { text: grant.partner_name }),
      el('td', { text: scopeText(grant.scope) }),
      el('td', { text: products(grant.products) }),
      el('td', { text: staffText(grant.staff) }),
      el('td', { text: t(grant.email_copy ? 'ui.partner.yes' : 'ui.partner.no') }),
      el('td', { text: date(grant.since) }),
      el('td', {}, [button('ui.partner.revoke', 'grant-revoke', () => endGrant(state.ownClient.id, grant, 'ui.partner.revoked'), 'danger')])
    ])));
  }

  /** Full access is accepted at once; partial access first asks which products. */
  async function accept(request) {
    if (request.scope === 'full') {
      await answer(request, 'accept', undefined, $('client'));
      return;
    }
    const form = $('accept-form');
    clearProblem(form);
    state.answering = request;
    $('accept-title').textContent = t('ui.partner.accept.title', { partner: request.partner_name });
    Kontor.checkboxes($('accept-products'), await Kontor.products(), [], 'accept-product');
    form.hidden = false;
    form.scrollIntoView({ block: 'nearest' });
  }

  async function confirmPartial(event) {
    event.preventDefault();
    const chosen = Kontor.checkedValues($('accept-products'));
    if (await answer(state.answering, 'accept', { products: chosen }, $('accept-form'))) $('accept-form').hidden = true;
  }

  async function decline(request) {
    await answer(request, 'decline', undefined, $('client'));
  }

  async function answer(request, how, body, container) {
    const result = await api('POST', path('access-requests', request.id, how), body);
    if (!result.ok) { showProblem(container, result); return false; }
    notice(t(how === 'accept' ? 'ui.partner.accepted' : 'ui.partner.declined', { partner: request.partner_name }));
    await Promise.all([loadClientRequests(), loadClientGrants()]);
    return true;
  }

  /** Revoke (client) or disconnect (partner): either ends the access at once. */
  async function endGrant(clientId, grant, done) {
    if (!Kontor.confirmed('ui.partner.end.confirm')) return;
    const result = await api('DELETE', path('clients', clientId, 'grants', grant.id || grant.grant_id));
    if (!result.ok) { showProblem(document.body, result); return; }
    notice(t(done));
    if (state.ownClient && clientId === state.ownClient.id) await loadClientGrants(); else await state.partnerClients.reload();
  }

  // The partner's side ---------------------------------------------------------------------

  async function loadPartnerSide(me, session) {
    if (session && session.organization_id === 'operator') {
      $('operator-note').hidden = false;
      $('partner-body').hidden = true;
      return;
    }
    if (me.email) $('r-sender').value = me.email;
    state.partnerClients = Kontor.list({ list: $('partner-clients'), more: $('partner-clients-more'), empty: $('partner-clients-empty'),
      problem: $('partner'), path: () => 'partner/clients', render: partnerClientRow });
    await Promise.all([state.partnerClients.reload(), loadPartnerRequests()]);
  }

  function partnerClientRow(client) {
    const copy = el('input', { type: 'checkbox', testid: 'email-copy', checked: client.email_copy, disabled: client.scope !== 'full',
      title: client.scope !== 'full' ? t('ui.partner.email_copy.full_only') : null,
      on: { change: (event) => emailCopy(client, event.target) } });
    return el('tr', { testid: 'partner-client', 'data-id': client.client_id }, [
      el('td', { text: client.name, testid: 'partner-client-name' }),
      el('td', { text: scopeText(client.scope) }),
      el('td', { text: products(client.products) }),
      el('td', { text: staffText(client.staff) }),
      el('td', {}, [copy]),
      el('td', { text: date(client.since) }),
      el('td', {}, [el('div', { class: 'actions' }, [
        button('ui.partner.open', 'client-open', () => openAccount(client), 'primary'),
        button('ui.partner.staff.assign', 'client-staff', () => assignStaff(client)),
        button('ui.partner.disconnect', 'client-disconnect', () => endGrant(client.client_id, client, 'ui.partner.disconnected'), 'danger')
      ])])
    ]);
  }

  /** Switches the session into the client's organization and reloads the shell there (C7 "open account"). */
  async function openAccount(client) {
    const result = await api('PUT', 'session/organization', { organization_id: client.organization_id });
    if (!result.ok) { showProblem(document.body, result); return; }
    window.top.location.assign(window.top.location.pathname);
  }

  async function emailCopy(client, box) {
    const result = await api('PUT', path('clients', client.client_id, 'grants', client.grant_id, 'email-copy'), { enabled: box.checked });
    if (!result.ok) { box.checked = !box.checked; showProblem($('partner'), result); return; }
    notice(t(result.json.email_copy ? 'ui.partner.email_copy.on' : 'ui.partner.email_copy.off', { client: client.name }));
  }

  async function assignStaff(client) {
    const form = $('staff-form');
    clearProblem(form);
    state.staffing = client;
    $('staff-title').textContent = t('ui.partner.staff.title', { client: client.name });
    if (state.members === null) {
      const found = await all(path('organizations', (state.session || {}).organization_id, 'members'));
      if (!found.ok) { showProblem($('partner'), found.answer); return; }
      state.members = found.items;
    }
    Kontor.checkboxes($('staff-members'), state.members.map((member) => ({ value: member.user_id,
      label: member.display_name ? member.display_name + ' (' + member.username + ')' : member.username })), client.staff, 'staff-member');
    form.hidden = false;
    form.scrollIntoView({ block: 'nearest' });
  }

  async function saveStaff(event) {
    event.preventDefault();
    const client = state.staffing;
    const userIds = Kontor.checkedValues($('staff-members'));
    const result = await api('PUT', path('clients', client.client_id, 'grants', client.grant_id, 'staff'), { user_ids: userIds });
    if (!result.ok) { showProblem($('staff-form'), result); return; }
    $('staff-form').hidden = true;
    notice(t('ui.partner.staff.saved', { client: client.name }));
    await state.partnerClients.reload();
  }

  async function loadPartnerRequests() {
    const answer = await api('GET', 'partner/access-requests');
    if (!answer.ok) { showProblem($('partner'), answer); return; }
    fill('partner-requests', 'partner-requests-empty', answer.json.items.map((request) => el('tr', { testid: 'partner-request', 'data-id': request.id }, [
      el('td', { text: request.client_id }),
      el('td', { text: request.email }),
      el('td', { text: scopeText(request.scope) }),
      el('td', { class: 'state-' + request.state, text: t('ui.partner.state.' + request.state), testid: 'request-state' }),
      el('td', { text: date(request.created_at) }),
      el('td', { text: date(request.expires_at) })
    ])));
  }

  async function sendRequest(event) {
    event.preventDefault();
    const form = $('request-form');
    clearProblem(form);
    const body = { scope: $('r-scope').value, email: $('r-email').value.trim() };
    if ($('r-sender').value.trim()) body.sender_email = $('r-sender').value.trim();
    if ($('r-message').value.trim()) body.message = $('r-message').value;
    const clientId = $('r-client').value.trim();
    if (!clientId) { showProblem(form, { status: 400, json: { errors: [{ field: 'client_id', message: t('ui.partner.request.client_id_missing') }] } }); return; }
    $('request-send').disabled = true;
    const result = await api('POST', path('clients', clientId, 'access-requests'), body);
    $('request-send').disabled = false;
    if (result.status === 404) { showProblem(form, { status: 404, json: { detail: t('ui.partner.request.not_found') } }); return; }
    if (!result.ok) { showProblem(form, result); return; }
    form.reset();
    const me = await api('GET', 'users/me');
    if (me.ok && me.json.email) $('r-sender').value = me.json.email;
    notice(t('ui.partner.request.sent'));
    await loadPartnerRequests();
  }

  async function start() {
    const { me, session } = await Kontor.start();
    state.session = session;
    $('accept-form').addEventListener('submit', confirmPartial);
    $('accept-cancel').addEventListener('click', () => { $('accept-form').hidden = true; });
    $('request-form').addEventListener('submit', sendRequest);
    $('staff-form').addEventListener('submit', saveStaff);
    $('staff-cancel').addEventListener('click', () => { $('staff-form').hidden = true; });
    const work = [];
    if (!$('client').hidden) work.push(loadClientSide());
    if (!$('partner').hidden) work.push(loadPartnerSide(me, session));
    await Promise.all(work);
  }

  start();
}());
