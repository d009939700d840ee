'use strict';
// The caller's organizations (U1, U12), the current one's name (U2), the caller's
// profile and e-mail change (U9), personal API tokens and OAuth clients (U13).
document.addEventListener('DOMContentLoaded', async () => {
  const { $, el, t } = Kontor;
  const { cell } = Users;
  const { can } = await Kontor.start();
  const session = await Users.loggedIn();
  if (!session) return;

  // Organizations --------------------------------------------------------------------------

  const organizations = Kontor.list({
    list: $('organizations'), more: $('organizations-more'),
    path: () => 'organizations' + Kontor.query({ limit: 50 }),
    render: (org) => el('tr', { testid: 'organization-row', data: { organizationId: org.id, name: org.name } }, [
      cell(org.name, { testid: 'organization-name', class: org.id === session.organization_id ? 'current' : null }),
      cell(org.role ? Users.roleName(org.role, org.role_name) : ''),
      cell(org.id === session.organization_id ? t('ui.organization.is_current') : '', { testid: 'organization-current' })
    ])
  });

  let created = null;
  $('org-create-form').addEventListener('submit', (event) => {
    event.preventDefault();
    Kontor.submit(event.target, 'POST', 'organizations', { name: $('org-create-name').value.trim() }, (answer) => {
      created = answer.json;
      event.target.reset();
      $('org-created-text').textContent = t('ui.organization.created', { name: created.name });
      $('org-created').hidden = false;
      organizations.reload();
    });
  });
  $('org-switch-new').addEventListener('click', () => {
    Kontor.submit($('org-created'), 'PUT', 'session/organization', { organization_id: created.id }, () => {
      // The shell holds the session's organizations and menu: it loads them afresh.
      window.top.location.reload();
    });
  });

  let current = null;
  async function loadCurrent() {
    const answer = await Kontor.api('GET', Users.orgPath());
    if (!answer.ok) { Kontor.showProblem($('org-rename-section'), answer); return; }
    current = { etag: answer.etag, name: answer.json.name };
    $('org-rename-name').value = current.name;
  }
  if (can('users.organization.edit')) {
    $('org-rename-section').hidden = false;
    $('org-rename-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const name = $('org-rename-name').value.trim();
      // If-Match with the ETag read: a rename made meanwhile by someone else is not overwritten (412).
      Kontor.submit(event.target, 'PATCH', Users.orgPath(), { name }, (answer) => {
        Kontor.notice(t('ui.organization.renamed', { name }), 'org-rename-notice');
        current = { etag: answer.etag || null, name };
        organizations.reload();
      }, { ifMatch: current && current.etag });
    });
    loadCurrent();
  }

  // Profile ---------------------------------------------------------------------------------

  async function loadProfile() {
    const answer = await Kontor.api('GET', 'users/me');
    if (!answer.ok) { Kontor.showProblem($('profile-section'), answer); return; }
    const me = answer.json;
    $('profile-username').textContent = me.username;
    $('profile-display-name').textContent = me.display_name || '';
    $('profile-email').textContent = me.email || t('ui.profile.no_email');
    $('profile-pending-email').textContent = me.pending_email ? t('ui.profile.pending_email', { email: me.pending_email }) : '';
    $('profile-pending-email').hidden = !me.pending_email;
  }
  $('email-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const email = $('email-new').value.trim();
    Kontor.submit(event.target, 'PUT', 'users/me/email', { email }, () => {
      event.target.reset();
      Kontor.notice(t('ui.profile.email_sent', { email }), 'email-notice');
      loadProfile();
    });
  });

  // Tokens and clients -------------------------------------------------------------------------

  /** Scopes one may give: permissions declared now that the caller holds. */
  async function scopeChoices() {
    const answer = await Kontor.api('GET', 'permissions');
    return answer.ok ? answer.json.items.filter((permission) => can(permission.id)).map(Users.permissionChoice) : [];
  }
  const scopes = await scopeChoices();

  const showToken = Users.secretBox($('token-secret'), $('token-secret-value'), $('token-secret-copy'), $('token-secret-done'));
  const tokens = Kontor.list({
    list: $('tokens'), more: $('tokens-more'), empty: $('tokens-empty'), problem: $('tokens-section'),
    path: () => 'tokens' + Kontor.query({ limit: 50 }),
    render: (token) => el('tr', { testid: 'token-row', data: { tokenId: token.id, name: token.name } }, [
      cell(token.name, { testid: 'token-name' }), cell(Users.tags(token.scopes, 'token-scope-tag')), cell(Kontor.date(token.created_at)),
      cell(Kontor.date(token.expires_at)), cell(token.last_used_at ? Kontor.date(token.last_used_at) : t('ui.tokens.never_used')),
      cell(el('button', { type: 'button', class: 'danger', testid: 'token-revoke', text: t('ui.common.revoke'), on: { click: () => {
        if (!Kontor.confirmed('ui.tokens.revoke_confirm', { name: token.name })) return;
        Kontor.submit($('tokens-section'), 'DELETE', 'tokens/' + Users.segment(token.id), undefined, () => tokens.reload());
      } } }))
    ])
  });
  Kontor.checkboxes($('token-scopes'), scopes, [], 'token-scope');
  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { name: $('token-name').value.trim(), scopes: Kontor.checkedValues($('token-scopes')),
      expires_at: Users.endOfDay($('token-expires').value) };
    Kontor.submit(event.target, 'POST', 'tokens', body, (answer) => {
      event.target.reset();
      showToken(answer.json.token);
      tokens.reload();
    });
  });
  tokens.reload();

  if (can('users.clients.manage')) {
    $('clients-section').hidden = false;
    const showSecret = Users.secretBox($('client-secret'), $('client-secret-value'), $('client-secret-copy'), $('client-secret-done'));
    const clients = Kontor.list({
      list: $('clients'), more: $('clients-more'), empty: $('clients-empty'), problem: $('clients-section'),
      path: () => Users.orgPath('oauth-clients') + Kontor.query({ limit: 50 }),
      render: (client) => el('tr', { testid: 'client-row', data: { clientId: client.id, name: client.name } }, [
        cell(client.name, { testid: 'client-name' }), cell(el('code', { text: client.id })), cell(Users.tags(client.scopes, 'client-scope-tag')),
        cell(Kontor.date(client.created_at)),
        cell(el('button', { type: 'button', class: 'danger', testid: 'client-revoke', text: t('ui.common.revoke'), on: { click: () => {
          if (!Kontor.confirmed('ui.clients.revoke_confirm', { name: client.name })) return;
          Kontor.submit($('clients-section'), 'DELETE', Users.orgPath('oauth-clients/' + Users.segment(client.id)), undefined,
            () => clients.reload());
        } } }))
      ])
    });
    Kontor.checkboxes($('client-scopes'), scopes, [], 'client-scope');
    $('client-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const body = { name: $('client-name').value.trim(), scopes: Kontor.checkedValues($('client-scopes')) };
      Kontor.submit(event.target, 'POST', Users.orgPath('oauth-clients'), body, (answer) => {
        event.target.reset();
        $('client-secret-id').textContent = answer.json.id;
        showSecret(answer.json.client_secret);
        clients.reload();
      });
    });
    clients.reload();
  }

  organizations.reload();
  loadProfile();
});
