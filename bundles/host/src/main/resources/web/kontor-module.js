'use strict';
// For module pages: include <script src="/ui/kontor-module.js"></script> and use
//   Kontor.api('GET', 'hello/greeting')   -> { status, ok, json }, CSRF and language handled
//   Kontor.localize()                     -> fills every [data-i18n] element from the module's i18n/messages*.properties
//   Kontor.language()                     -> 'en' or 'de', as chosen in the shell
window.Kontor = (function () {
  let csrf = null;
  function language() {
    const stored = localStorage.getItem('kontor.language');
    if (stored === 'en' || stored === 'de') return stored;
    return (navigator.language || 'en').slice(0, 2) === 'de' ? 'de' : 'en';
  }
  function moduleId() {
    const match = location.pathname.match(/^\/modules\/([^/]+)\//);
    return match ? match[1] : null;
  }
  async function token() {
    if (csrf === null) {
      const response = await fetch('/api/v1/session', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
      csrf = response.ok ? (await response.json()).csrf_token : '';
    }
    return csrf;
  }
  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json', 'Accept-Language': language() };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') headers['X-CSRF-Token'] = await token();
    const response = await fetch('/api/v1/' + path, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    const json = response.status === 204 ? null : await response.json().catch(() => null);
    return { status: response.status, ok: response.ok, json };
  }
  async function localize(root) {
    const response = await fetch('/modules/' + moduleId() + '/_messages/' + language(), { credentials: 'same-origin' });
    const messages = response.ok ? await response.json() : {};
    (root || document).querySelectorAll('[data-i18n]').forEach((el) => {
      el.textContent = messages[el.dataset.i18n] || el.dataset.i18n;
    });
    document.documentElement.lang = language();
    return messages;
  }
  return { api, localize, language, moduleId };
}());
