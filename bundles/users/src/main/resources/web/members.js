'use strict';
// Members of the current organization (U3–U6, U10) and its invitations (U9).
document.addEventListener('DOMContentLoaded', async () => {
  const { $, el, t, cell } = Users;
  await Users.start();
  const session = await Users.loggedIn();
  if (!session) return;
  const can = await Users.permissions();
  const manage = can('users.members.manage');
  let roles = [];
  let products = [];
  let editing = null;
  const selected = new Set();

  function roleChoices() {
    return roles.map((role) => ({ value: role.id, label: Users.roleName(role.id, role.name) }));
  }

  function contactTags(contact) {
    return Users.tags(['technical', 'billing', 'news'].filter((kind) => contact && contact[kind])
      .map((kind) => t('ui.members.contact.' + kind)), 'member-contact-tag');
  }

  // Members ----------------------------------------------------------------------------

  const members = Users.pager({
    list: $('members'), more: $('members-more'), empty: $('members-empty'),
    path: () => Users.orgPath('members') + Users.query({ q: $('member-search').value.trim(), limit: 50 }),
    render: memberRow
  });

  function memberRow(member) {
    const button = (testid, className, text, action) => el('button', { type: 'button', class: className, testid, text,
      on: { click: () => action(member) } });
    return el('tr', { testid: 'member-row', data: { userId: member.user_id, username: member.username, role: member.role } }, [
      manage ? cell(el('input', { type: 'checkbox', testid: 'member-select', checked: selected.has(member.user_id), 'aria-label': member.username,
        on: { change: (event) => select(member.user_id, event.target.checked) } }), { class: 'select' }) : null,
      cell(member.username, { testid: 'member-username', class: member.user_id === session.user.id ? 'current' : null }),
      cell(member.display_name),
      cell(member.email),
      cell(Users.roleName(member.role, member.role_name), { testid: 'member-role' }),
      cell(Users.tags(member.products, 'member-product-tag')),
      cell(contactTags(member.contact)),
      cell(Users.date(member.joined_at)),
      manage ? cell(el('div', { class: 'actions' }, [
        button('member-edit', 'secondary', t('ui.common.edit'), edit),
        button('member-remove', 'danger', t('ui.members.remove'), removeOne)
      ])) : null
    ]);
  }

  function reloadMembers() {
    selected.clear();
    $('members-select-all').checked = false;
    showSelection();
    return members.reload();
  }

  function select(userId, on) {
    if (on) selected.add(userId); else selected.delete(userId);
    showSelection();
  }

  function showSelection() {
    $('members-bulk-remove').textContent = t('ui.members.remove_selected', { count: selected.size });
    $('members-bulk-remove').disabled = selected.size === 0;
  }

  function removeOne(member) {
    if (!Users.confirmed('ui.members.remove_confirm', { user: member.username })) return;
    Users.submit(document.body, 'DELETE', Users.orgPath('members/' + Users.segment(member.user_id)), undefined, () => {
      Users.notice('member-notice', t('ui.members.removed', { user: member.username }));
      if (editing && editing.user_id === member.user_id) closeForms();
      reloadMembers();
    });
  }

  function removeSelected() {
    const ids = [...selected];
    if (!ids.length || !Users.confirmed('ui.members.remove_selected_confirm', { count: ids.length })) return;
    Users.submit(document.body, 'POST', Users.orgPath('members/bulk-remove'), { user_ids: ids }, (answer) => {
      const removed = answer.json && answer.json.removed ? answer.json.removed.length : ids.length;
      Users.notice('member-notice', t('ui.members.removed_many', { count: removed }));
      reloadMembers();
    });
  }

  function leave() {
    if (!Users.confirmed('ui.members.leave_confirm')) return;
    Users.submit(document.body, 'POST', Users.orgPath('leave'), undefined, () => {
      // The shell still shows this organization: load it afresh, in the organization the session has now.
      window.top.location.reload();
    });
  }

  // Forms --------------------------------------------------------------------------------

  function closeForms() {
    ['add-form', 'invite-form', 'member-form'].forEach((id) => { $(id).hidden = true; });
    editing = null;
  }

  function openForm(id, focus) {
    closeForms();
    Users.clearProblem($(id));
    $(id).hidden = false;
    $(focus).focus();
  }

  function setContact(prefix, contact) {
    ['technical', 'billing', 'news'].forEach((kind) => { $(prefix + kind).checked = Boolean(contact && contact[kind]); });
  }

  function readContact(prefix) {
    return { technical: $(prefix + 'technical').checked, billing: $(prefix + 'billing').checked, news: $(prefix + 'news').checked };
  }

  function openAdd() {
    $('add-form').reset();
    showAddMode();
    Users.fillSelect($('add-role'), roleChoices(), 'basic');
    Users.checkboxes($('add-products'), products, [], 'add-product');
    openForm('add-form', 'add-username');
  }

  function showAddMode() {
    const fresh = $('add-mode-new').checked;
    $('add-existing').hidden = fresh;
    $('add-new').hidden = !fresh;
  }

  function add(event) {
    event.preventDefault();
    const body = { role: $('add-role').value, products: Users.checkedValues($('add-products')), contact: readContact('add-contact-') };
    if ($('add-mode-new').checked) {
      body.new_login = { username: $('add-new-username').value.trim(), email: $('add-new-email').value.trim() || null,
        display_name: $('add-new-display-name').value.trim() || null, password: $('add-new-password').value, language: Users.language() };
    } else {
      body.username = $('add-username').value.trim();
    }
    Users.submit($('add-form'), 'POST', Users.orgPath('members'), body, (answer) => {
      Users.notice('member-notice', t('ui.members.added', { user: answer.json ? answer.json.username : body.username }));
      closeForms();
      reloadMembers();
    });
  }

  async function openInvite() {
    $('invite-form').reset();
    Users.fillSelect($('invite-role'), roleChoices(), 'basic');
    Users.checkboxes($('invite-products'), products, [], 'invite-product');
    const groups = can('users.workgroups.view') ? await Users.all(Users.orgPath('workgroups')) : { ok: false, items: [] };
    $('invite-workgroups-field').hidden = !groups.ok || groups.items.length === 0;
    Users.checkboxes($('invite-workgroups'), groups.items.map((group) => ({ value: group.id, label: group.name })), [], 'invite-workgroup');
    openForm('invite-form', 'invite-email');
  }

  function invite(event) {
    event.preventDefault();
    const body = { email: $('invite-email').value.trim(), role: $('invite-role').value,
      products: Users.checkedValues($('invite-products')), workgroups: Users.checkedValues($('invite-workgroups')) };
    Users.submit($('invite-form'), 'POST', Users.orgPath('invitations'), body, () => {
      Users.notice('member-notice', t('ui.invitations.sent', { email: body.email }));
      closeForms();
      invitations.reload();
    });
  }

  function edit(member) {
    $('member-form-title').textContent = t('ui.members.edit_title', { user: member.username });
    Users.fillSelect($('member-role'), roleChoices(), member.role);
    Users.checkboxes($('member-products'), products, member.products, 'member-product');
    setContact('member-contact-', member.contact);
    openForm('member-form', 'member-role');
    editing = member; // after openForm, which forgets the previous one
  }

  function save(event) {
    event.preventDefault();
    const member = editing;
    const body = { role: $('member-role').value, products: Users.checkedValues($('member-products')), contact: readContact('member-contact-') };
    Users.submit($('member-form'), 'PATCH', Users.orgPath('members/' + Users.segment(member.user_id)), body, () => {
      Users.notice('member-notice', t('ui.members.saved', { user: member.username }));
      closeForms();
      reloadMembers();
    }, { ifMatch: Users.etag(member.version) });
  }

  // Invitations --------------------------------------------------------------------------

  const invitations = Users.pager({
    list: $('invitations'), more: $('invitations-more'), empty: $('invitations-empty'), problem: $('invitations-section'),
    path: () => Users.orgPath('invitations') + Users.query({ limit: 50 }),
    render: (invitation) => (!isOpen(invitation) && $('invitations-open-only').checked ? null : invitationRow(invitation))
  });

  function invitationRow(invitation) {
    const open = isOpen(invitation);
    return el('tr', { testid: 'invitation-row', data: { invitationId: invitation.id, email: invitation.email, state: invitation.state } }, [
      cell(invitation.email, { testid: 'invitation-email' }),
      cell(roleLabel(invitation.role)),
      cell(t('ui.state.' + invitation.state), { class: 'state-' + invitation.state, testid: 'invitation-state' }),
      cell(Users.date(invitation.created_at)),
      cell(Users.date(invitation.expires_at)),
      cell(el('div', { class: 'actions' }, [
        open ? el('button', { type: 'button', class: 'secondary', testid: 'invitation-resend', text: t('ui.invitations.resend'),
          on: { click: () => resend(invitation) } }) : null,
        open ? el('button', { type: 'button', class: 'danger', testid: 'invitation-revoke', text: t('ui.invitations.revoke'),
          on: { click: () => revoke(invitation) } }) : null
      ]))
    ]);
  }

  /** Pending and expired invitations can still be resent or revoked; answered ones are history. */
  function isOpen(invitation) {
    return invitation.state === 'pending' || invitation.state === 'expired';
  }

  function roleLabel(id) {
    const role = roles.find((candidate) => candidate.id === id);
    return Users.roleName(id, role ? role.name : id);
  }

  function invitationPath(invitation, action) {
    return Users.orgPath('invitations/' + Users.segment(invitation.id) + (action ? '/' + action : ''));
  }

  function resend(invitation) {
    Users.submit(document.body, 'POST', invitationPath(invitation, 'resend'), undefined, () => {
      Users.notice('member-notice', t('ui.invitations.resent', { email: invitation.email }));
      invitations.reload();
    });
  }

  function revoke(invitation) {
    if (!Users.confirmed('ui.invitations.revoke_confirm', { email: invitation.email })) return;
    Users.submit(document.body, 'DELETE', invitationPath(invitation), undefined, () => {
      Users.notice('member-notice', t('ui.invitations.revoked', { email: invitation.email }));
      invitations.reload();
    });
  }

  // Start --------------------------------------------------------------------------------

  $('member-search-form').addEventListener('submit', (event) => { event.preventDefault(); reloadMembers(); });
  $('leave-organization').addEventListener('click', leave);
  if (manage) {
    const [foundRoles, foundProducts] = await Promise.all([Users.all('roles'), Users.products()]);
    roles = foundRoles.items;
    products = foundProducts;
    document.querySelectorAll('.manage-only').forEach((node) => { node.hidden = false; });
    $('invitations-section').hidden = false;
    $('member-add-open').hidden = false;
    $('member-invite-open').hidden = false;
    $('member-add-open').addEventListener('click', openAdd);
    $('member-invite-open').addEventListener('click', openInvite);
    document.querySelectorAll('input[name="add-mode"]').forEach((radio) => radio.addEventListener('change', showAddMode));
    ['add-cancel', 'invite-cancel', 'member-cancel'].forEach((id) => $(id).addEventListener('click', closeForms));
    $('add-form').addEventListener('submit', add);
    $('invite-form').addEventListener('submit', invite);
    $('member-form').addEventListener('submit', save);
    $('members-bulk-remove').addEventListener('click', removeSelected);
    $('members-select-all').addEventListener('change', (event) => {
      $('members').querySelectorAll('[data-testid="member-select"]').forEach((box) => {
        box.checked = event.target.checked;
        select(box.closest('tr').dataset.userId, box.checked);
      });
    });
    $('invitations-open-only').addEventListener('change', () => invitations.reload());
    showSelection();
    invitations.reload();
  }
  reloadMembers();
});
