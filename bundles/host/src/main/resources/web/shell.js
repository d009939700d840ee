'use strict';
// The panel shell: login, the caller's menu (kept live through server-sent events),
// module pages in a frame, and the operator's modules page. Every action goes
// through the REST API; the shell itself decides nothing about access.
(function () {
  const TEXTS = {
    en: { username: 'Username', password: 'Password', login: 'Log in', logout: 'Log out', welcome: 'Welcome',
      'welcome.text': 'Choose an entry from the menu.', modules: 'Modules', module: 'Module', version: 'Version',
      state: 'State', reason: 'Reason', gone: "This page's module is no longer installed.", panel: 'Panel',
      'bad-credentials': 'The username or the password is wrong.', active: 'active', failed: 'failed', stopped: 'stopped' },
    de: { username: 'Benutzername', password: 'Passwort', login: 'Anmelden', logout: 'Abmelden', welcome: 'Willkommen',
      'welcome.text': 'Wählen Sie einen Eintrag im Menü.', modules: 'Module', module: 'Modul', version: 'Version',
      state: 'Status', reason: 'Grund', gone: 'Das Modul dieser Seite ist nicht mehr installiert.', panel: 'Panel',
      'bad-credentials': 'Benutzername oder Passwort ist falsch.', active: 'aktiv', failed: 'fehlerhaft', stopped: 'gestoppt' }
  };
  const $ = (id) => document.getElementById(id);
  const state = { session: null, menu: [], events: null, current: null };

  function language() {
    const stored = localStorage.getItem('kontor.language');
    if (stored && TEXTS[stored]) return stored;
    return (navigator.language || 'en').slice(0, 2) === 'de' ? 'de' : 'en';
  }
  function t(key) { return TEXTS[language()][key] || TEXTS.en[key] || key; }
  function translatePage() {
    document.documentElement.lang = language();
    document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  }

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json', 'Accept-Language': language() };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (state.session && method !== 'GET') headers['X-CSRF-Token'] = state.session.csrf_token;
    const response = await fetch('/api/v1/' + path, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    const json = response.status === 204 ? null : await response.json().catch(() => null);
    return { status: response.status, ok: response.ok, json };
  }

  async function start() {
    $('language').value = language();
    translatePage();
    const answer = await api('GET', 'session');
    if (answer.ok) { enter(answer.json); } else { showLogin(); }
  }

  function showLogin() {
    closeEvents();
    state.session = null;
    $('shell').hidden = true;
    $('login').hidden = false;
    $('username').focus();
  }

  async function login(event) {
    event.preventDefault();
    $('login-error').hidden = true;
    const answer = await api('POST', 'session', { username: $('username').value, password: $('password').value });
    if (answer.ok) {
      $('password').value = '';
      enter(answer.json);
    } else {
      $('login-error').textContent = answer.status === 401 ? t('bad-credentials') : (answer.json && answer.json.detail) || answer.status;
      $('login-error').hidden = false;
    }
  }

  function enter(session) {
    state.session = session;
    $('login').hidden = true;
    $('shell').hidden = false;
    $('user-name').textContent = session.user.display_name || session.user.username;
    const organizations = $('organization');
    organizations.replaceChildren(...session.organizations.map((org) => new Option(org.name, org.id, false, org.id === session.organization_id)));
    organizations.hidden = session.organizations.length < 2;
    openEvents();
    loadMenu();
  }

  async function loadMenu() {
    const answer = await api('GET', 'menu');
    if (answer.status === 401) { showLogin(); return; }
    if (!answer.ok) return;
    state.menu = answer.json.items;
    renderMenu();
  }

  function renderMenu() {
    const nav = $('menu');
    const sections = new Map();
    for (const item of state.menu) {
      if (!sections.has(item.section)) sections.set(item.section, { label: item.section_label, items: [] });
      sections.get(item.section).items.push(item);
    }
    const children = [];
    const ordered = [...sections.entries()].sort(([a], [b]) => (a === 'panel') - (b === 'panel')).map(([, section]) => section);
    for (const { label, items } of ordered) {
      const heading = document.createElement('h3');
      heading.textContent = label;
      children.push(heading);
      for (const item of items) children.push(link(item.id, item.label, item.icon));
    }
    if (state.session.user.operator) {
      // One "Panel" section: module management's item may already have opened it.
      if (!sections.has('panel')) {
        const heading = document.createElement('h3');
        heading.textContent = t('panel');
        children.push(heading);
      }
      children.push(link('panel.modules', t('modules'), 'puzzle'));
    }
    nav.replaceChildren(...children);
    route();
  }

  function link(id, label, icon) {
    const a = document.createElement('a');
    a.href = '#/' + encodeURIComponent(id);
    a.textContent = label;
    a.dataset.menuId = id;
    a.className = 'icon-' + icon + (state.current === id ? ' active' : '');
    return a;
  }

  function route() {
    const id = decodeURIComponent(location.hash.replace(/^#\//, ''));
    state.current = id || null;
    document.querySelectorAll('#menu a').forEach((a) => a.classList.toggle('active', a.dataset.menuId === id));
    ['welcome', 'modules-page', 'gone', 'module-frame'].forEach((el) => { $(el).hidden = true; });
    const frame = $('module-frame');
    if (!id) { $('welcome').hidden = false; return; }
    if (id === 'panel.modules' && state.session.user.operator) { $('modules-page').hidden = false; loadModules(); return; }
    const item = state.menu.find((entry) => entry.id === id);
    if (!item) { frame.removeAttribute('src'); $('gone').hidden = false; return; }
    if (frame.getAttribute('src') !== item.href) frame.setAttribute('src', item.href);
    frame.hidden = false;
  }

  async function loadModules() {
    const answer = await api('GET', 'modules');
    if (!answer.ok) return;
    $('modules-rows').replaceChildren(...answer.json.items.map((module) => {
      const row = document.createElement('tr');
      row.dataset.module = module.id;
      const cells = [module.name + ' (' + module.id + ')', module.version, t(module.state), module.reason || ''];
      cells.forEach((text, index) => {
        const cell = document.createElement('td');
        cell.textContent = text;
        if (index === 2) cell.className = 'state-' + module.state;
        row.append(cell);
      });
      return row;
    }));
  }

  function openEvents() {
    closeEvents();
    // 'ready' arrives on every (re)connect: reload then, so nothing missed while away is lost.
    state.events = new EventSource('/api/v1/menu/events');
    state.events.addEventListener('ready', loadMenu);
    state.events.addEventListener('menu-changed', () => {
      loadMenu();
      if (state.current === 'panel.modules') loadModules();
    });
  }
  function closeEvents() { if (state.events) { state.events.close(); state.events = null; } }

  async function logout() {
    await api('DELETE', 'session');
    showLogin();
  }

  async function switchOrganization() {
    const answer = await api('PUT', 'session/organization', { organization_id: $('organization').value });
    if (answer.ok) { enter(answer.json); }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', logout);
    $('organization').addEventListener('change', switchOrganization);
    $('language').addEventListener('change', () => {
      localStorage.setItem('kontor.language', $('language').value);
      translatePage();
      if (state.session) loadMenu();
      const frame = $('module-frame');
      if (!frame.hidden && frame.contentWindow) frame.contentWindow.location.reload();
    });
    window.addEventListener('hashchange', route);
    start();
  });
}());
