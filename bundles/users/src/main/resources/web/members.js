'use strict';
// Members of the current organization (U3–U6, U10) and its invitations (U9).
document.addEventListener('DOMContentLoaded', async () => {
  const { $, el, t } = Kontor;
  const { cell } = Users;
  const { can } = await Kontor.start();
  const session = await Users.loggedIn();
  if (!session) return;
  const manage = can('users.members.manage');
  let roles = [];
  let products = [];
  let editing = null;

  function roleChoices() {
    return roles.map((role) => ({ value: role.id, label: Users.roleName(role.id, role.name) }));
  }

  function contactTags(contact) {
    return Users.tags(['technical', 'billing', 'news'].filter((kind) => contact && contact[kind])
      .map((kind) => t('ui.members.contact.' + kind)), 'member-contact-tag');
  }

  // Members ----------------------------------------------------------------------------

  const members = Kontor.list({
    list: $('members'), more: $('members-more'), empty: $('members-empty'), search: $('member-search-form'),
    path: () => Users.orgPath('members') + Kontor.query({ q: $('member-search').value.trim(), limit: 50 }),
    render: memberRow,
    selection: { all: $('members-select-all'), count: $('members-bulk-remove'), countKey: 'ui.members.remove_selected',
      buttons: [$('members-bulk-remove')] }
  });

  function memberRow(member) {
    const button = (testid, className, text, action) => el('button', { type: 'button', class: className, testid, text,
      on: { click: () => action(member) } });
    return el('tr', { testid: 'member-row', data: { userId: member.user_id, username: member.username, role: member.role } }, [
      manage ? cell(members.box(member.user_id, { testid: 'member-select', 'aria-label': member.username }), { class: 'select' }) : null,
      cell(member.username, { testid: 'member-username', class: member.user_id === session.user.id ? 'current' : null }),
      cell(member.display_name),
      cell(member.email),
      cell(Users.roleName(member.role, member.role_name), { testid: 'member-role' }),
      cell(Users.tags(member.products, 'member-product-tag')),
      cell(contactTags(member.contact)),
      cell(Kontor.date(member.joined_at)),
      manage ? cell(el('div', { class: 'actions' }, [
        button('member-edit', 'secondary', t('ui.common.edit'), edit),
        button('member-remove', 'danger', t('ui.members.remove'), removeOne)
      ])) : null
    ]);
  }

  function removeOne(member) {
    if (!Kontor.confirmed('ui.members.remove_confirm', { user: member.username })) return;
    Kontor.submit(document.body, 'DELETE', Users.orgPath('members/' + Users.segment(member.user_id)), undefined, () => {
      Kontor.notice(t('ui.members.removed', { user: member.username }), 'member-notice');
      if (editing && editing.user_id === member.user_id) closeForms();
      members.reload();
    });
  }

  function removeSelected() {
    const ids = members.selected();
    if (!ids.length || !Kontor.confirmed('ui.members.remove_selected_confirm', { count: ids.length })) return;
    Kontor.submit(document.body, 'POST', Users.orgPath('members/bulk-remove'), { user_ids: ids }, (answer) => {
      const removed = answer.json && answer.json.removed ? answer.json.removed.length : ids.length;
      Kontor.notice(t('ui.members.removed_many', { count: removed }), 'member-notice');
      members.reload();
    });
  }

  function leave() {
    if (!Kontor.confirmed('ui.members.leave_confirm')) return;
    Kontor.submit(document.body, 'POST', Users.orgPath('leave'), undefined, () => {
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
    Kontor.clearProblem($(id));
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
    Kontor.checkboxes($('add-products'), products, [], 'add-product');
    openForm('add-form', 'add-username');
  }

  function showAddMode() {
    const fresh = $('add-mode-new').checked;
    $('add-existing').hidden = fresh;
    $('add-new').hidden = !fresh;
  }

  function add(event) {
    event.preventDefault();
    const body = { role: $('add-role').value, products: Kontor.checkedValues($('add-products')), contact: readContact('add-contact-') };
    if ($('add-mode-new').checked) {
      body.new_login = { username: $('add-new-username').value.trim(), email: $('add-new-email').value.trim() || null,
        display_name: $('add-new-display-name').value.trim() || null, password: $('add-new-password').value, language: Kontor.language() };
    } else {
      body.username = $('add-username').value.trim();
    }
    Kontor.submit($('add-form'), 'POST', Users.orgPath('members'), body, (answer) => {
      Kontor.notice(t('ui.members.added', { user: answer.json ? answer.json.username : body.username }), 'member-notice');
      closeForms();
      members.reload();
    });
  }

  async function openInvite() {
    $('invite-form').reset();
    Users.fillSelect($('invite-role'), roleChoices(), 'basic');
    Kontor.checkboxes($('invite-products'), products, [], 'invite-product');
    const groups = can('users.workgroups.view') ? await Kontor.all(Users.orgPath('workgroups')) : { ok: false, items: [] };
    $('invite-workgroups-field').hidden = !groups.ok || groups.items.length === 0;
    Kontor.checkboxes($('invite-workgroups'), groups.items.map((group) => ({ value: group.id, label: group.name })), [], 'invite-workgroup');
    openForm('invite-form', 'invite-email');
  }

  function invite(event) {
    event.preventDefault();
    const body = { email: $('invite-email').value.trim(), role: $('invite-role').value,
      products: Kontor.checkedValues($('invite-products')), workgroups: Kontor.checkedValues($('invite-workgroups')) };
    Kontor.submit($('invite-form'), 'POST', Users.orgPath('invitations'), body, () => {
      Kontor.notice(t('ui.invitations.sent', { email: body.email }), 'member-notice');
      closeForms();
      invitations.reload();
    });
  }

  function edit(member) {
    $('member-form-title').textContent = t('ui.members.edit_title', { user: member.username });
    Users.fillSelect($('member-role'), roleChoices(), member.role);
    Kontor.checkboxes($('member-products'), products, member.products, 'member-product');
    setContact('member-contact-', member.contact);
    openForm('member-form', 'member-role');
    editing = member; // after openForm, which forgets the previous one
  }

  function save(event) {
    event.preventDefault();
    const member = editing;
    const body = { role: $('member-role').value, products: Kontor.checkedValues($('member-products')), contact: readContact('member-contact-') };
    Kontor.submit($('member-form'), 'PATCH', Users.orgPath('members/' + Users.segment(member.user_id)), body, () => {
      Kontor.notice(t('ui.members.saved', { user: member.username }), 'member-notice');
      closeForms();
      members.reload();
    }, { ifMatch: Users.etag(member.version) });
  }

  // Invitations --------------------------------------------------------------------------

  const invitations = Kontor.list({
    list: $('invitations'), more: $('invitations-more'), empty: $('invitations-empty'), problem: $('invitations-section'),
    path: () => Users.orgPath('invitations') + Kontor.query({ limit: 50 }),
    render: (invitation) => (!isOpen(invitation) && $('invitations-open-only').checked ? null : invitationRow(invitation))
  });

  function invitationRow(invitation) {
    const open = isOpen(invitation);
    return el('tr', { testid: 'invitation-row', data: { invitationId: invitation.id, email: invitation.email, state: invitation.state } }, [
      cell(invitation.email, { testid: 'invitation-email' }),
      cell(roleLabel(invitation.role)),
      cell(t('ui.state.' + invitation.state), { class: 'state-' + invitation.state, testid: 'invitation-state' }),
      cell(Kontor.date(invitation.created_at)),
      cell(Kontor.date(invitation.expires_at)),
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
    Kontor.submit(document.body, 'POST', invitationPath(invitation, 'resend'), undefined, () => {
      Kontor.notice(t('ui.invitations.resent', { email: invitation.email }), 'member-notice');
      invitations.reload();
    });
  }

  function revoke(invitation) {
    if (!Kontor.confirmed('ui.invitations.revoke_confirm', { email: invitation.email })) return;
    Kontor.submit(document.body, 'DELETE', invitationPath(invitation), undefined, () => {
      Kontor.notice(t('ui.invitations.revoked', { email: invitation.email }), 'member-notice');
      invitations.reload();
    });
  }

  // Start --------------------------------------------------------------------------------

  $('leave-organization').addEventListener('click', leave);
  if (manage) {
    const [foundRoles, foundProducts] = await Promise.all([Kontor.all('roles'), Kontor.products()]);
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
    $('invitations-open-only').addEventListener('change', () => invitations.reload());
    invitations.reload();
  }
  members.reload();
});
