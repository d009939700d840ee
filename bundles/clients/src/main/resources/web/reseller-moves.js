'use strict';
// The client list's part of resellers (C9, C6): the operator moves a client to a reseller
// or back ("Move" on each row); a reseller's staff choose what becomes of a client's
// projects when they remove it; a reseller's staff find the way to ask clients to join.
// It adds to what clients.js builds and leaves the list to it.
(function () {
  const { $, t, el } = Kontor;
  const OPERATOR = 'operator';
  let moving = null;

  function addMoveButton(row) {
    const actions = row.querySelector('.actions');
    if (!actions || actions.querySelector('[data-testid="client-move"]')) return;
    actions.append(el('button', { type: 'button', class: 'secondary', text: t('ui.resellers.move'), testid: 'client-move',
      on: { click: () => openMove(row.dataset.id, row.querySelector('[data-testid="client-name"]').textContent) } }));
  }

  async function openMove(id, name) {
    const panel = $('move-panel');
    Kontor.clearProblem(panel);
    const [client, resellers] = await Promise.all([Kontor.api('GET', 'clients/' + encodeURIComponent(id)), Kontor.all('resellers?state=active')]);
    if (!client.ok) { Kontor.showProblem(document.body, client); return; }
    if (!resellers.ok) { Kontor.showProblem(document.body, resellers.answer); return; }
    moving = id;
    $('move-title').textContent = t('ui.resellers.move.title', { name });
    $('move-reseller').replaceChildren(el('option', { value: '', text: t('ui.resellers.move.operator') }),
      ...resellers.items.filter((reseller) => reseller.id !== client.json.organization_id)
        .map((reseller) => el('option', { value: reseller.id, text: (reseller.name || reseller.id) })));
    $('move-reseller').value = client.json.reseller_id || '';
    panel.hidden = false;
    panel.scrollIntoView({ block: 'nearest' });
  }

  async function confirmMove() {
    const panel = $('move-panel');
    const target = $('move-reseller').value;
    const answer = await Kontor.api('PATCH', 'clients/' + encodeURIComponent(moving), { reseller_id: target || null });
    if (!answer.ok) { Kontor.showProblem(panel, answer); return; }
    panel.hidden = true;
    Kontor.notice(t('ui.resellers.moved', { name: answer.json.name }));
    $('search-submit').click(); // clients.js lists again
  }

  /** The removal panel's words follow the reseller's choice: keeping projects removes nothing. */
  function projectsChanged() {
    const keep = $('removal-projects').value === 'keep';
    const panel = $('removal');
    panel.querySelector('[data-i18n="ui.remove.title"]').textContent = t(keep ? 'ui.resellers.release.title' : 'ui.remove.title');
    panel.querySelector('[data-i18n="ui.remove.intro"]').textContent = t(keep ? 'ui.resellers.release.intro' : 'ui.remove.intro');
    $('removal-confirm').textContent = t(keep ? 'ui.resellers.release.confirm' : 'ui.remove.confirm');
    $('removal-counts').hidden = keep;
  }

  async function start() {
    const { me } = await Kontor.start();
    const permissions = new Set(me.permissions || []);
    const operator = me.organization_id === OPERATOR;
    if (!operator && permissions.has('clients.partner')) $('attach-link').hidden = false;
    if (!operator && permissions.has('clients.remove')) {
      $('removal-projects').addEventListener('change', projectsChanged);
      // One client: the reseller chooses. A bulk removal always removes (it has no choice), so it shows none.
      document.addEventListener('click', (event) => {
        const single = event.target.closest('[data-testid="client-remove"]');
        if (!single && !event.target.closest('#bulk-delete')) return;
        $('removal-projects-choice').hidden = !single;
        $('removal-projects').value = single ? 'keep' : 'remove';
        projectsChanged();
      }, true);
    }
    if (!permissions.has('clients.resellers') && !permissions.has('*')) return;
    $('move-confirm').addEventListener('click', confirmMove);
    $('move-cancel').addEventListener('click', () => { $('move-panel').hidden = true; });
    document.querySelectorAll('#clients tr[data-id]').forEach(addMoveButton);
    new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach((node) => {
      if (node.nodeType === Node.ELEMENT_NODE && node.matches('tr[data-id]')) addMoveButton(node);
    }))).observe($('clients'), { childList: true });
  }

  start();
}());
