'use strict';
// Support access (U11): grants per content type, their revocation, and the trail of
// what support staff did with them.
document.addEventListener('DOMContentLoaded', async () => {
  const { $, el, t } = Kontor;
  const { cell } = Users;
  const { can } = await Kontor.start();
  if (!await Users.loggedIn()) return;
  const manage = can('users.support.manage');

  const grants = Kontor.list({
    list: $('support-grants'), more: $('support-grants-more'), empty: $('support-grants-empty'),
    path: () => Users.orgPath('support-access') + Kontor.query({ limit: 50 }),
    render: (grant) => el('tr', { testid: 'support-grant-row', data: { grantId: grant.id, contentType: grant.content_type, state: grant.state } }, [
      cell(grant.content_type),
      cell(t('ui.state.' + grant.state), { class: 'state-' + grant.state, testid: 'support-grant-state' }),
      cell(Kontor.date(grant.created_at)),
      cell(Kontor.date(grant.expires_at)),
      cell(manage && grant.state === 'active' ? el('button', { type: 'button', class: 'danger', testid: 'support-revoke',
        text: t('ui.support.revoke'), on: { click: () => revoke(grant) } }) : '')
    ])
  });

  const trail = Kontor.list({
    list: $('support-trail'), more: $('support-trail-more'), empty: $('support-trail-empty'), problem: $('support-trail-section'),
    path: () => 'audit' + Kontor.query({ q: 'users.support', limit: 50 }),
    render: (entry) => el('tr', { testid: 'support-trail-row', data: { action: entry.action } }, [
      cell(Kontor.date(entry.at)), cell(entry.actor_name || entry.actor_id), cell(entry.action), cell(entry.target),
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
    if (!Kontor.confirmed('ui.support.revoke_confirm', { type: grant.content_type })) return;
    Kontor.submit(document.body, 'DELETE', Users.orgPath('support-access/' + Users.segment(grant.id)), undefined, () => {
      Kontor.notice(t('ui.support.revoked', { type: grant.content_type }), 'support-notice');
      reload();
    });
  }

  if (manage) {
    Users.fillSelect($('support-content-type'), await Kontor.products());
    $('support-grant-form').hidden = false;
    $('support-grant-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const type = $('support-content-type').value;
      Kontor.submit(event.target, 'POST', Users.orgPath('support-access'), { content_type: type }, (answer) => {
        Kontor.notice(t(answer.status === 201 ? 'ui.support.granted' : 'ui.support.already_granted',
          { type, date: Kontor.date(answer.json.expires_at) }), 'support-notice');
        reload();
      });
    });
  }
  $('support-trail-section').hidden = !readsTrail;
  reload();
});
