'use strict';
// The page the e-mail change link opens (U9). The token is in the URL fragment, never
// sent to a server except in the POST body. Confirming takes a click, so a mail
// scanner that opens the link confirms nothing.
document.addEventListener('DOMContentLoaded', async () => {
  const { $, t } = Kontor;
  // A link opened while the page is open changes only the fragment: start afresh for it.
  window.addEventListener('hashchange', () => location.reload());
  await Kontor.start();
  const token = Users.fragmentToken();
  if (!token) {
    Kontor.showProblem(document.body, { status: 400, json: { detail: t('ui.confirm.no_token') } });
    return;
  }
  $('confirm-form').hidden = false;
  $('confirm-form').addEventListener('submit', (event) => {
    event.preventDefault();
    Kontor.submit(document.body, 'POST', 'users/me/email/confirm', { token }, (answer) => {
      $('confirm-form').hidden = true;
      $('confirm-result').textContent = answer.json && answer.json.email
        ? t('ui.confirm.done_email', { email: answer.json.email }) : t('ui.confirm.done');
      $('confirm-done').hidden = false;
    });
  });
});
