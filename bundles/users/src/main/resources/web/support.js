'use strict';
// Support access (U11): grants per content type, their revocation, and the trail of
// what support staff did with them.
document.addEventListener('DOMContentLoaded', async () => {
  const { $, el, t, cell } = Users;
  await Users.start();
  if (!await Users.loggedIn()) return;
  const can = await Users.permissions();
  const manage = can('users.support.manage');

  const grants = Users.pager({
    list: $('support-grants'), more: $('support-grants-more'), empty: $('support-grants-empty'),
    path: () => Users.orgPath('support-access') + Users.query({ limit: 50 }),
    render: (grant) => el('tr', { testid: 'support-grant-row', data: { grantId: grant.id, contentType: grant.content_type, state: grant.state } }, [
      cell(grant.content_type),
      cell(t('ui.state.' + grant.state), { class: 'state-' + grant.state, testid: 'support-grant-state' }),
      cell(Users.date(grant.created_at)),
      cell(Users.date(grant.expires_at)),
      cell(manage && grant.state === 'active' ? el('button', { type: 'button', class: 'danger', testid: 'support-revoke',
        text: t('ui.support.revoke'), on: { click: () => revoke(grant) } }) : '')
    ])
  });

  const trail = Users.pager({
    list: $('support-trail'), more: $('support-trail-more'), empty: $('support-trail-empty'), problem: $('support-trail-section'),
    path: () => 'audit' + Users.query({ q: 'users.support', limit: 50 }),
    render: (entry) => el('tr', { testid: 'support-trail-row', data: { action: entry.action } }, [
      cell(Users.date(entry.at)), cell(entry.actor_name || entry.actor_id), cell(entry.action), cell(entry.target),
      cell(entry.outcome), cell(entry.source_address)
    ])
  });

  // The trail is the audit log's: reading it takes the audit module's own permission.
  const readsTrail = can('audit.view');
  function reload() {
    grants.reload();
    if (readsTrail) trail.reload();
  }

  function revoke(grant) {
    if (!Users.confirmed('ui.support.revoke_confirm', { type: grant.content_type })) return;
    Users.submit(document.body, 'DELETE', Users.orgPath('support-access/' + Users.segment(grant.id)), undefined, () => {
      Users.notice('support-notice', t('ui.support.revoked', { type: grant.content_type }));
      reload();
    });
  }

  if (manage) {
    Users.fillSelect($('support-content-type'), await Users.products());
    $('support-grant-form').hidden = false;
    $('support-grant-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const type = $('support-content-type').value;
      Users.submit(event.target, 'POST', Users.orgPath('support-access'), { content_type: type }, (answer) => {
        Users.notice('support-notice', t(answer.status === 201 ? 'ui.support.granted' : 'ui.support.already_granted',
          { type, date: Users.date(answer.json.expires_at) }));
        reload();
      });
    });
  }
  $('support-trail-section').hidden = !readsTrail;
  reload();
});
