'use strict';
// What the signed-in user may do in the organization they work in, from three read-only
// endpoints every logged-in caller may read: the session (who, where), users/me (the
// permissions held here, as the panel decides them, narrowed by a token's scopes) and
// permissions (what the running modules call them).
(function () {
  const { $, el, t } = Kontor;

  function showWho(me, session) {
    if (!session) return;
    const user = session.user || {};
    const organization = (session.organizations || []).find((each) => each.id === session.organization_id);
    $('who').textContent = t('page.who', {
      name: me.display_name || user.display_name || user.username,
      username: user.username,
      organization: organization ? organization.name : session.organization_id
    });
  }

  /**
   * The held permissions as table rows, by module, then id; one held but declared by no
   * running module (its module was stopped, a custom role kept it) is listed without a label.
   * Null when the panel gave no permission list (no users module).
   */
  function held(me, declared) {
    if (!Array.isArray(me.permissions)) return null;
    const everything = me.permissions.includes('*');
    const known = new Set(declared.map((permission) => permission.id));
    const rows = declared.filter((permission) => everything || me.permissions.includes(permission.id))
      .concat(me.permissions.filter((id) => id !== '*' && !known.has(id)).map((id) => ({ id, label: null, module: null })));
    rows.sort((a, b) => (a.module || '~').localeCompare(b.module || '~') || a.id.localeCompare(b.id));
    return { everything, rows };
  }

  function row(permission) {
    return el('tr', { testid: 'myaccess-permission', data: { permission: permission.id } }, [
      el('td', { text: permission.module || '' }),
      el('td', { text: permission.label || t('page.undeclared') }),
      el('td', {}, [el('code', { text: permission.id })])
    ]);
  }

  function showPermissions(mine) {
    if (mine === null) {
      $('summary').textContent = t('page.unknown');
      return;
    }
    const count = mine.rows.length;
    $('summary').textContent = mine.everything ? t('page.everything')
      : count === 0 ? t('page.none') : t(count === 1 ? 'page.count_one' : 'page.count', { count });
    $('permissions').replaceChildren(...mine.rows.map(row));
    $('permissions-table').hidden = mine.rows.length === 0;
  }

  document.addEventListener('DOMContentLoaded', async () => {
    const { me, session } = await Kontor.start();
    showWho(me, session);
    const declared = await Kontor.all('permissions');
    if (!declared.ok) Kontor.showProblem(document.body, declared.answer);
    showPermissions(held(me, declared.items));
  });
}());
