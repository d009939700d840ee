'use strict';
// Resellers (C9): the operator reviews applications and manages resellers; an
// organization's owner applies and answers resellers' requests to take over its account;
// a reseller's staff ask clients to join. Which part shows follows the menu item (the
// page's #operator, #program or #attach) and the caller's permissions; the server decides
// every request. The DOM is built with textContent only (Kontor.el).
(function () {
  const { $, t, el } = Kontor;
  const OPERATOR = 'operator';
  const state = { me: {}, applications: null, resellers: null, rejecting: null };

  function stateCell(value) {
    return el('td', { class: 'state-' + value, text: t('ui.resellers.state.' + value), testid: 'state' });
  }

  function button(label, testid, handler, danger) {
    return el('button', { type: 'button', class: danger ? 'danger' : 'secondary', text: t(label), testid, on: { click: handler } });
  }

  /** Runs a change; on success shows the notice and reloads, else shows the problem in the container. */
  async function change(container, method, path, body, message) {
    const answer = await Kontor.submit(container, method, path, body, async () => {
      Kontor.notice(message);
      await reload();
    });
    return answer.ok;
  }

  // The operator's side -------------------------------------------------------------------------

  function applicationRow(application) {
    const contact = [application.contact_name, application.email, application.phone, application.website].filter(Boolean).join(' · ');
    const actions = application.state !== 'pending' ? [] : [
      button('ui.resellers.approve', 'approve', () => change(document.body, 'POST',
        'reseller-applications/' + encodeURIComponent(application.id) + '/approve', undefined,
        t('ui.resellers.approved', { name: application.company }))),
      button('ui.resellers.reject', 'reject', () => openReject(application), true)
    ];
    return el('tr', { 'data-id': application.id, testid: 'application-row' }, [
      el('td', { text: application.company, testid: 'application-company' }),
      el('td', { text: contact }),
      el('td', { class: 'message', text: application.message || '' }),
      stateCell(application.state),
      el('td', { text: Kontor.date(application.created_at) }),
      el('td', {}, [el('div', { class: 'actions' }, actions)])
    ]);
  }

  function openReject(application) {
    state.rejecting = application;
    Kontor.clearProblem($('reject-form'));
    $('reject-title').textContent = t('ui.resellers.reject.title', { name: application.company });
    $('reject-reason').value = '';
    $('reject-form').hidden = false;
    $('reject-reason').focus();
  }

  async function reject(event) {
    event.preventDefault();
    const application = state.rejecting;
    if (await change($('reject-form'), 'POST', 'reseller-applications/' + encodeURIComponent(application.id) + '/reject',
      { reason: $('reject-reason').value }, t('ui.resellers.rejected', { name: application.company }))) {
      $('reject-form').hidden = true;
    }
  }

  function resellerRow(reseller) {
    const path = 'resellers/' + encodeURIComponent(reseller.id);
    const name = reseller.name || reseller.id;
    const actions = reseller.state === 'active'
      ? [button('ui.resellers.suspend', 'suspend', () => change(document.body, 'POST', path + '/suspend',
        $('suspend-reason').value.trim() ? { reason: $('suspend-reason').value.trim() } : {}, t('ui.resellers.suspended', { name })), true)]
      : [button('ui.resellers.activate', 'activate', () => change(document.body, 'POST', path + '/activate', undefined,
        t('ui.resellers.activated', { name })))];
    if (reseller.state === 'active' && reseller.clients === 0) {
      actions.push(button('ui.resellers.end', 'end', () => change(document.body, 'DELETE', path, undefined,
        t('ui.resellers.ended', { name })), true));
    }
    return el('tr', { 'data-id': reseller.id, testid: 'reseller-row' }, [
      el('td', { text: name, testid: 'reseller-name' }),
      el('td', {}, [el('code', { text: reseller.id })]),
      el('td', { class: 'state-' + reseller.state, testid: 'state',
        text: t('ui.resellers.state.' + reseller.state) + (reseller.suspension_reason ? ': ' + reseller.suspension_reason : '') }),
      el('td', { text: String(reseller.clients), testid: 'reseller-clients' }),
      el('td', { text: Kontor.date(reseller.since) }),
      el('td', {}, [el('div', { class: 'actions' }, actions)])
    ]);
  }

  // Attach requests: all for the operator, those received by the owner, those sent by the reseller --

  async function loadRequests() {
    const found = await Kontor.all('attach-requests');
    if (!found.ok) { Kontor.showProblem(document.body, found.answer); return; }
    const own = state.me.organization_id;
    const isOperator = own === OPERATOR;
    fill('operator-requests', isOperator ? found.items : [], (request) => [
      el('td', { text: request.reseller_name }),
      el('td', { text: request.client_name || request.client_id }),
      stateCell(request.state),
      el('td', { text: Kontor.date(request.created_at) })
    ]);
    fill('received-requests', found.items.filter((request) => !isOperator && request.reseller_id !== own), (request) => [
      el('td', { text: request.reseller_name, testid: 'request-reseller' }),
      el('td', { class: 'message', text: request.message || '' }),
      stateCell(request.state),
      el('td', { text: Kontor.date(request.created_at) }),
      el('td', {}, [el('div', { class: 'actions' }, request.state !== 'pending' ? [] : [
        button('ui.resellers.accept', 'accept', () => change(document.body, 'POST',
          'attach-requests/' + encodeURIComponent(request.id) + '/accept', undefined, t('ui.resellers.accepted', { name: request.reseller_name }))),
        button('ui.resellers.decline', 'decline', () => change(document.body, 'POST',
          'attach-requests/' + encodeURIComponent(request.id) + '/decline', undefined, t('ui.resellers.declined')), true)
      ])])
    ]);
    fill('sent-requests', found.items.filter((request) => !isOperator && request.reseller_id === own), (request) => [
      el('td', {}, [el('code', { text: request.client_id })]),
      el('td', { text: request.email }),
      stateCell(request.state),
      el('td', { text: Kontor.date(request.created_at) })
    ]);
  }

  function fill(tableId, items, cells) {
    $(tableId).replaceChildren(...items.map((item) => el('tr', { 'data-id': item.id, testid: 'request-row' }, cells(item))));
    $(tableId + '-empty').hidden = items.length > 0;
  }

  async function sendAttach(event) {
    event.preventDefault();
    const form = $('attach-form');
    const body = { email: $('t-email').value.trim() };
    if ($('t-message').value.trim()) body.message = $('t-message').value;
    const client = $('t-client').value.trim();
    if (!client) { Kontor.showProblem(form, { status: 400, json: { errors: [{ field: 'client_id', message: t('ui.resellers.required') }] } }); return; }
    if (await change(form, 'POST', 'clients/' + encodeURIComponent(client) + '/attach-requests', body, t('ui.resellers.attach.done'))) {
      form.reset();
    }
  }

  // The applicant's side ----------------------------------------------------------------------

  async function loadApplicant() {
    const permissions = state.me.permissions || [];
    const operator = state.me.organization_id === OPERATOR;
    const reseller = !operator && permissions.includes('clients.view');
    $('operator-cannot-apply').hidden = !operator;
    $('is-reseller').hidden = !reseller;
    const found = operator ? { ok: true, items: [] } : await Kontor.all('reseller-applications');
    if (!found.ok) { Kontor.showProblem(document.body, found.answer); return; }
    const mine = found.items.filter((application) => application.organization_id === state.me.organization_id);
    $('apply-form').hidden = operator || reseller || mine.some((application) => application.state === 'pending');
    fill('my-applications', mine, (application) => [
      el('td', { text: application.company }),
      stateCell(application.state),
      el('td', { text: Kontor.date(application.created_at) }),
      el('td', { class: 'message', text: application.rejection_reason || (application.answered_at ? Kontor.date(application.answered_at) : '') })
    ]);
  }

  async function apply(event) {
    event.preventDefault();
    const form = $('apply-form');
    const body = {};
    [['company', 'a-company'], ['contact_name', 'a-contact'], ['email', 'a-email'], ['phone', 'a-phone'], ['website', 'a-website'],
      ['message', 'a-message']].forEach(([field, id]) => { if ($(id).value.trim()) body[field] = $(id).value; });
    if (await change(form, 'POST', 'reseller-applications', body, t('ui.resellers.applied'))) {
      form.reset();
    }
  }

  // Start ----------------------------------------------------------------------------------------

  function visible(id) {
    return !$(id).hidden;
  }

  async function reload() {
    const work = [];
    if (visible('operator')) work.push(state.applications.reload(), state.resellers.reload());
    if (visible('program')) work.push(loadApplicant());
    if (visible('operator') || visible('program') || visible('attach')) work.push(loadRequests());
    await Promise.all(work);
  }

  async function start() {
    const started = await Kontor.start();
    state.me = started.me;
    // The menu item names the part (#operator, #program, #attach); without one, every part the caller may use.
    const wanted = location.hash.replace('#', '');
    ['operator', 'program', 'attach'].forEach((id) => {
      if (wanted && wanted !== id) $(id).hidden = true;
    });
    if (state.me.organization_id === OPERATOR) $('attach').hidden = true; // the operator reaches every client already
    if (wanted === 'program') $('page-title').textContent = t('menu.reseller_program');
    if (wanted === 'attach') $('page-title').textContent = t('ui.title'); // reached from the client list
    state.applications = Kontor.list({ list: $('applications'), more: $('applications-more'), empty: $('applications-empty'),
      path: () => 'reseller-applications' + Kontor.query({ state: $('applications-state').value }), render: applicationRow });
    state.resellers = Kontor.list({ list: $('resellers'), more: $('resellers-more'), empty: $('resellers-empty'),
      path: () => 'resellers', render: resellerRow });
    $('applications-state').addEventListener('change', () => state.applications.reload());
    $('reject-form').addEventListener('submit', reject);
    $('reject-cancel').addEventListener('click', () => { $('reject-form').hidden = true; });
    $('apply-form').addEventListener('submit', apply);
    $('attach-form').addEventListener('submit', sendAttach);
    await reload();
  }

  start();
}());
