'use strict';
// The page an invitation link opens (U9), without a login. The link carries its token
// in the fragment (#token=...), which browsers never send to a server, and the page
// sends it only in POST bodies: the token stays out of every log.
document.addEventListener('DOMContentLoaded', async () => {
  const { $, t } = Kontor;
  // A link opened while the page is open changes only the fragment: start afresh for it.
  window.addEventListener('hashchange', () => location.reload());
  await Kontor.start();
  const token = Users.fragmentToken();
  $('accept-loading').hidden = true;
  if (!token) {
    Kontor.showProblem(document.body, { status: 400, json: { detail: t('ui.accept.no_token') } });
    return;
  }
  const preview = await Kontor.api('POST', 'invitations/preview', { token });
  if (!preview.ok) {
    Kontor.showProblem(document.body, preview);
    return;
  }
  const invitation = preview.json;
  const organization = invitation.organization_name || invitation.organization_id;
  $('accept-summary').textContent = t('ui.accept.summary',
    { organization, role: invitation.role_name || invitation.role, email: invitation.email || '' });
  if (invitation.state && invitation.state !== 'pending') {
    Kontor.showProblem(document.body, { status: 410, json: { detail: t('ui.accept.state.' + invitation.state) } });
    return;
  }
  $('accept-expires').textContent = t('ui.accept.expires', { date: Kontor.date(invitation.expires_at) });
  $('accept-invitation').hidden = false;

  const session = await Kontor.session();
  if (session) {
    // Already logged in here: accepting joins this login; the other ways stay open for another login.
    $('accept-current-user').textContent = t('ui.accept.logged_in_as', { user: session.user.username });
    $('accept-as-current').hidden = false;
  }

  function finish(text) {
    $('accept-invitation').hidden = true;
    $('accept-result').textContent = text;
    $('accept-done').hidden = false;
  }

  function accept(container, body, text) {
    return Kontor.submit(container, 'POST', 'invitations/accept', Object.assign({ token }, body), () => finish(text));
  }

  function choose(form) {
    $('accept-new-form').hidden = form !== 'new';
    $('accept-login-form').hidden = form !== 'existing';
    $(form === 'new' ? 'accept-username' : 'accept-login-username').focus();
  }

  $('accept-choose-new').addEventListener('click', () => choose('new'));
  $('accept-choose-existing').addEventListener('click', () => choose('existing'));

  $('accept-current-submit').addEventListener('click', () =>
    accept($('accept-as-current'), {}, t('ui.accept.accepted', { organization })));

  $('accept-new-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    if ($('accept-password').value !== $('accept-password-repeat').value) {
      Kontor.showProblem(form, { status: 400, json: { detail: t('ui.common.invalid'),
        errors: [{ field: 'password_repeat', message: t('ui.accept.password_mismatch') }] } });
      return;
    }
    const username = $('accept-username').value.trim();
    accept(form, { username, password: $('accept-password').value, display_name: $('accept-display-name').value.trim() || null,
      language: Kontor.language() },
      t('ui.accept.accepted_new', { organization, user: username }));
  });

  $('accept-login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    Kontor.submit(form, 'POST', 'session', { username: $('accept-login-username').value.trim(), password: $('accept-login-password').value },
      (login) => {
        $('accept-login-password').value = '';
        Kontor.useSession(login.json);
        return accept(form, {}, t('ui.accept.accepted', { organization }));
      });
  });

  $('accept-decline').addEventListener('click', () => {
    if (!Kontor.confirmed('ui.accept.decline_confirm', { organization })) return;
    Kontor.submit(document.body, 'POST', 'invitations/decline', { token }, () => finish(t('ui.accept.declined')));
  });
});
