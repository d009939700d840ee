'use strict';
// Roles (U8): built-in ones and the organization's custom roles, as sets of permissions.
document.addEventListener('DOMContentLoaded', async () => {
  const { $, el, t } = Kontor;
  const { cell } = Users;
  const { can } = await Kontor.start();
  if (!await Users.loggedIn()) return;
  const manage = can('users.roles.manage');
  const form = $('role-form');
  const declared = new Map();
  let editing = null;

  const found = await Kontor.api('GET', 'permissions');
  if (found.ok) found.json.items.forEach((permission) => declared.set(permission.id, permission));

  function label(id) {
    const permission = declared.get(id);
    return permission && permission.label !== id ? permission.label : id;
  }

  const roles = Kontor.list({
    list: $('roles'), more: $('roles-more'),
    path: () => 'roles' + Kontor.query({ limit: 100 }),
    render: (role) => el('tr', { testid: 'role-row', data: { roleId: role.id, builtIn: String(role.built_in) } }, [
      cell(Users.roleName(role.id, role.name), { testid: 'role-name' }),
      cell(t(role.built_in ? 'ui.roles.built_in' : 'ui.roles.custom')),
      cell(role.member_count, { testid: 'role-member-count' }),
      cell(el('details', {}, [
        el('summary', { text: t(role.permissions.length === 1 ? 'ui.roles.permission_one' : 'ui.roles.permission_count',
          { count: role.permissions.length }) }),
        el('ul', { testid: 'role-permission-list' },
          role.permissions.map((id) => el('li', { text: label(id), title: id, data: { permission: id } })))
      ])),
      manage ? cell(role.built_in ? '' : el('div', { class: 'actions' }, [
        el('button', { type: 'button', class: 'secondary', testid: 'role-edit', text: t('ui.common.edit'), on: { click: () => open(role) } }),
        el('button', { type: 'button', class: 'danger', testid: 'role-delete', text: t('ui.common.delete'), on: { click: () => remove(role) } })
      ])) : null
    ])
  });

  /**
   * What a custom role may hold here: what the owner role holds in this organization
   * (operator-only permissions are left out in customers' organizations), by module.
   */
  async function choices() {
    const all = await Kontor.all('roles');
    const owner = all.items.find((role) => role.id === 'owner');
    const ids = owner ? owner.permissions : [...declared.keys()];
    const byModule = new Map();
    ids.forEach((id) => {
      const module = declared.has(id) ? declared.get(id).module : '';
      if (!byModule.has(module)) byModule.set(module, []);
      byModule.get(module).push(Users.permissionChoice(declared.get(id) || { id }));
    });
    return [...byModule.entries()].sort(([a], [b]) => a.localeCompare(b));
  }

  async function open(role) {
    editing = role;
    $('role-form-title').textContent = role ? t('ui.roles.edit_title', { name: role.name }) : t('ui.roles.new');
    $('role-name').value = role ? role.name : '';
    const groups = await choices();
    $('role-permissions').replaceChildren(...groups.map(([module, permissions]) => {
      const boxes = el('div', { class: 'choices columns' });
      Kontor.checkboxes(boxes, permissions, role ? role.permissions : [], 'role-permission');
      return el('div', { data: { module } }, [el('h3', { text: module || t('ui.roles.other') }), boxes]);
    }));
    Kontor.clearProblem(form);
    form.hidden = false;
    $('role-name').focus();
  }

  function close() {
    form.hidden = true;
    editing = null;
  }

  /** Roles are those of the current organization: the path names none. */
  function rolePath(role) {
    return 'roles' + (role ? '/' + Users.segment(role.id) : '');
  }

  function remove(role) {
    if (!Kontor.confirmed('ui.roles.delete_confirm', { name: role.name })) return;
    Kontor.submit(document.body, 'DELETE', rolePath(role), undefined, () => {
      Kontor.notice(t('ui.roles.deleted', { name: role.name }), 'role-notice');
      if (editing && editing.id === role.id) close();
      roles.reload();
    });
  }

  if (manage) {
    document.querySelectorAll('.manage-only').forEach((node) => { node.hidden = false; });
    $('role-new').hidden = false;
    $('role-new').addEventListener('click', () => open(null));
    $('role-cancel').addEventListener('click', close);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const body = { name: $('role-name').value.trim(), permissions: Kontor.checkedValues($('role-permissions')) };
      const done = () => {
        Kontor.notice(t('ui.roles.saved', { name: body.name }), 'role-notice');
        close();
        roles.reload();
      };
      if (editing) {
        Kontor.submit(form, 'PATCH', rolePath(editing), body, done, { ifMatch: Users.etag(editing.version) });
      } else {
        Kontor.submit(form, 'POST', rolePath(null), body, done);
      }
    });
  }
  roles.reload();
});
