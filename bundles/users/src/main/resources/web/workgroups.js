'use strict';
// Workgroups (U7): members (several at once), product access and an optional lead.
document.addEventListener('DOMContentLoaded', async () => {
  const { $, el, t } = Kontor;
  const { cell } = Users;
  const { can } = await Kontor.start();
  if (!await Users.loggedIn()) return;
  const manage = can('users.workgroups.manage');
  const form = $('workgroup-form');
  let members = null;
  let products = [];
  let editing = null;

  const list = Kontor.list({
    list: $('workgroups'), more: $('workgroups-more'), empty: $('workgroups-empty'), search: $('workgroup-search-form'),
    path: () => Users.orgPath('workgroups') + Kontor.query({ q: $('workgroup-search').value.trim(), limit: 50 }),
    render: (group) => {
      const lead = group.members.find((member) => member.user_id === group.lead_user_id);
      return el('tr', { testid: 'workgroup-row', data: { workgroupId: group.id, name: group.name } }, [
        cell(group.name, { testid: 'workgroup-name' }),
        cell(Users.tags(group.members.map((member) => member.username), 'workgroup-member-tag')),
        cell(lead ? lead.username : '', { testid: 'workgroup-lead' }),
        cell(Users.tags(group.products, 'workgroup-product-tag')),
        cell(manage ? el('div', { class: 'actions' }, [
          el('button', { type: 'button', class: 'secondary', testid: 'workgroup-edit', text: t('ui.common.edit'), on: { click: () => open(group) } }),
          el('button', { type: 'button', class: 'danger', testid: 'workgroup-delete', text: t('ui.common.delete'), on: { click: () => remove(group) } })
        ]) : '')
      ]);
    }
  });

  /** Everyone who can be put into a group: the organization's members. */
  async function memberChoices() {
    if (members === null) {
      const found = await Kontor.all(Users.orgPath('members'));
      if (!found.ok) { Kontor.showProblem(document.body, found.answer); return []; }
      members = found.items.map((member) => ({ value: member.user_id,
        label: member.display_name && member.display_name !== member.username ? member.username + ' (' + member.display_name + ')' : member.username }));
    }
    return members;
  }

  /** The lead is one of the ticked members, or nobody. */
  function fillLead(selected) {
    const ticked = new Set(Kontor.checkedValues($('workgroup-members')));
    Users.fillSelect($('workgroup-lead'), members.filter((member) => ticked.has(member.value)), selected, t('ui.workgroups.no_lead'));
  }

  async function open(group) {
    editing = group;
    $('workgroup-form-title').textContent = group ? t('ui.workgroups.edit_title', { name: group.name }) : t('ui.workgroups.new');
    $('workgroup-name').value = group ? group.name : '';
    $('workgroup-member-filter').value = '';
    Kontor.checkboxes($('workgroup-members'), await memberChoices(), group ? group.members.map((member) => member.user_id) : [], 'workgroup-member');
    Kontor.checkboxes($('workgroup-products'), products, group ? group.products : [], 'workgroup-product');
    fillLead(group ? group.lead_user_id : '');
    Kontor.clearProblem(form);
    form.hidden = false;
    $('workgroup-name').focus();
  }

  function close() {
    form.hidden = true;
    editing = null;
  }

  function remove(group) {
    if (!Kontor.confirmed('ui.workgroups.delete_confirm', { name: group.name })) return;
    Kontor.submit(document.body, 'DELETE', Users.orgPath('workgroups/' + Users.segment(group.id)), undefined, () => {
      Kontor.notice(t('ui.workgroups.deleted', { name: group.name }), 'workgroup-notice');
      if (editing && editing.id === group.id) close();
      list.reload();
    });
  }

  function save(event) {
    event.preventDefault();
    const chosen = Kontor.checkedValues($('workgroup-members'));
    const body = { name: $('workgroup-name').value.trim(), products: Kontor.checkedValues($('workgroup-products')),
      lead_user_id: $('workgroup-lead').value || null };
    const done = (answer) => {
      Kontor.notice(t('ui.workgroups.saved', { name: answer.json ? answer.json.name : body.name }), 'workgroup-notice');
      close();
      list.reload();
    };
    if (!editing) {
      Kontor.submit(form, 'POST', Users.orgPath('workgroups'), Object.assign(body, { member_ids: chosen }), done);
      return;
    }
    const before = editing.members.map((member) => member.user_id);
    Object.assign(body, { add_member_ids: chosen.filter((id) => !before.includes(id)),
      remove_member_ids: before.filter((id) => !chosen.includes(id)) });
    Kontor.submit(form, 'PATCH', Users.orgPath('workgroups/' + Users.segment(editing.id)), body, done,
      { ifMatch: Users.etag(editing.version) });
  }

  if (manage) {
    products = await Kontor.products();
    $('workgroup-new').hidden = false;
    $('workgroup-new').addEventListener('click', () => open(null));
    $('workgroup-cancel').addEventListener('click', close);
    form.addEventListener('submit', save);
    $('workgroup-members').addEventListener('change', () => fillLead($('workgroup-lead').value));
    $('workgroup-member-filter').addEventListener('input', () => {
      const wanted = $('workgroup-member-filter').value.trim().toLowerCase();
      $('workgroup-members').querySelectorAll('label').forEach((label) => {
        label.hidden = wanted !== '' && !label.textContent.toLowerCase().includes(wanted);
      });
    });
  }
  list.reload();
});
