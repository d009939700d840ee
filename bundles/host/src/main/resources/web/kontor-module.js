'use strict';
// The page kit of module pages: include <script src="/ui/kontor-module.js"></script> (and
// /ui/kontor-module.css for the shared look) and use window.Kontor. docs/module-guide.md,
// "Pages", describes every function. Pages build the DOM with textContent only (Kontor.el):
// no markup from data.
window.Kontor = (function () {
  // The kit's own words, so that a module needs no labels for them.
  const KIT_TEXTS = {
    en: { offline: 'The panel cannot be reached. Try again.', failed: 'The request failed ({status}).', none: 'None available' },
    de: { offline: 'Das Panel ist nicht erreichbar. Bitte erneut versuchen.', failed: 'Die Anfrage ist fehlgeschlagen ({status}).',
      none: 'Keine vorhanden' }
  };
  let texts = {};
  let session = null;
  let csrf = '';
  let held = () => true;
  let started = null;

  function language() {
    const stored = localStorage.getItem('kontor.language');
    if (stored === 'en' || stored === 'de') return stored;
    return (navigator.language || 'en').slice(0, 2) === 'de' ? 'de' : 'en';
  }

  function locale() {
    return language() === 'de' ? 'de-DE' : 'en-GB';
  }

  function moduleId() {
    const match = location.pathname.match(/^\/modules\/([^/]+)\//);
    return match ? match[1] : null;
  }

  function fill(text, values) {
    return values ? text.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all)) : text;
  }

  /** A label of the module's messages in the page's language, each {name} in it filled from values. */
  function t(key, values) {
    return fill(texts[key] || key, values);
  }

  function kitText(name, values) {
    return fill(KIT_TEXTS[language()][name], values);
  }

  // REST ------------------------------------------------------------------------------------

  /**
   * {status, ok, json, etag}; a Blob or File body is sent as it is; options.ifMatch and options.headers add headers. A panel
   * that cannot be reached answers status 0 with a problem saying so: a page never sees
   * an exception.
   */
  async function api(method, path, body, options) {
    const headers = Object.assign({ 'Accept': 'application/json', 'Accept-Language': language() }, (options || {}).headers);
    // A file (an upload) goes as it is; anything else as JSON.
    const raw = typeof Blob !== 'undefined' && body instanceof Blob;
    if (body !== undefined) headers['Content-Type'] = raw ? (body.type || 'application/octet-stream') : 'application/json';
    if (options && options.ifMatch) headers['If-Match'] = options.ifMatch;
    try {
      if (method !== 'GET') headers['X-CSRF-Token'] = await csrfToken();
      const response = await fetch('/api/v1/' + path, { method, headers, credentials: 'same-origin',
        body: body === undefined || raw ? body : JSON.stringify(body) });
      const json = response.status === 204 ? null : await response.json().catch(() => null);
      return { status: response.status, ok: response.ok, json, etag: response.headers.get('ETag') };
    } catch (e) {
      return { status: 0, ok: false, json: { detail: kitText('offline') }, etag: null };
    }
  }

  /** The logged-in session (user, organization_id, organizations, csrf_token), or null; asked once per page. */
  function currentSession() {
    if (session === null) {
      session = api('GET', 'session').then((answer) => {
        const found = answer.ok ? answer.json : null;
        csrf = found && found.csrf_token ? found.csrf_token : '';
        return found;
      });
    }
    return session;
  }

  async function csrfToken() {
    await currentSession();
    return csrf;
  }

  /** After a login the page made itself: its answer is the session, with the new CSRF token. */
  function useSession(loggedIn) {
    session = Promise.resolve(loggedIn);
    csrf = loggedIn.csrf_token || '';
  }

  /** A request that must run once: a repeat after a lost answer carries the same Idempotency-Key. */
  async function once(method, path, body) {
    const options = { headers: { 'Idempotency-Key': idempotencyKey() } };
    const answer = await api(method, path, body, options);
    return answer.status === 0 ? api(method, path, body, options) : answer;
  }

  function idempotencyKey() {
    return window.crypto && crypto.randomUUID ? crypto.randomUUID()
      : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  /** '?name=value&...' of the values that are set, or ''. */
  function query(params) {
    const search = new URLSearchParams();
    Object.entries(params).forEach(([name, value]) => {
      if (value !== undefined && value !== null && value !== '') search.set(name, value);
    });
    const text = search.toString();
    return text ? '?' + text : '';
  }

  /** Every item of a list endpoint, following its cursors: {ok, items} or {ok: false, answer, items}. */
  async function all(path) {
    const items = [];
    let cursor = null;
    do {
      const answer = await api('GET', path + (path.includes('?') ? '&' : '?') + query({ limit: 500, cursor }).slice(1));
      if (!answer.ok) return { ok: false, answer, items };
      items.push(...answer.json.items);
      cursor = answer.json.next_cursor;
    } while (cursor);
    return { ok: true, items };
  }

  /** Products that can be given access to: the modules that declare permissions now, as choices. */
  async function products() {
    const found = await all('permissions');
    const modules = new Set(found.items.map((permission) => permission.module));
    modules.delete('panel');
    return [...modules].sort().map((id) => ({ value: id, label: id }));
  }

  // Start -----------------------------------------------------------------------------------

  /** Fills every [data-i18n] (text), [data-i18n-placeholder] and [data-i18n-title] from the module's messages. */
  async function localize(root) {
    const response = await fetch('/modules/' + moduleId() + '/_messages/' + language(), { credentials: 'same-origin' })
      .catch(() => null);
    texts = response && response.ok ? await response.json() : {};
    const scope = root || document;
    scope.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    scope.querySelectorAll('[data-i18n-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
    scope.querySelectorAll('[data-i18n-title]').forEach((node) => { node.title = t(node.dataset.i18nTitle); });
    document.documentElement.lang = language();
    return texts;
  }

  /**
   * Labels, the caller's profile (GET users/me: permissions, organization_id, email) and
   * the session; hides every [data-needs] the caller lacks. Several scripts of a page may
   * call it: the work is done once. Answers {me, session, can}.
   */
  function start() {
    if (started === null) {
      started = (async () => {
        const [, me, found] = await Promise.all([localize(), api('GET', 'users/me'), currentSession()]);
        if (me.ok && Array.isArray(me.json.permissions)) {
          const permissions = new Set(me.json.permissions);
          held = (permission) => permissions.has(permission) || permissions.has('*');
        }
        applyPermissions(document);
        return { me: me.ok ? me.json : {}, session: found, can };
      })();
    }
    return started;
  }

  /**
   * Whether the caller holds the permission here, for showing controls only: the server
   * decides every request. Without a permission list (before start, or no users module)
   * every control shows and refusals come back as problems.
   */
  function can(permission) {
    return held(permission);
  }

  function applyPermissions(root) {
    root.querySelectorAll('[data-needs]').forEach((node) => { node.hidden = !held(node.dataset.needs); });
  }

  // DOM ------------------------------------------------------------------------------------

  function $(id) {
    return document.getElementById(id);
  }

  /**
   * el('button', { id, class, testid, text, type, data: {...}, on: {click: fn} }, children):
   * text becomes textContent, checked/value/disabled are set as properties, other keys
   * become attributes; undefined, null and false leave a key out, null children too.
   */
  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([key, value]) => {
      if (value === undefined || value === null || value === false) return;
      if (key === 'text') node.textContent = value;
      else if (key === 'class') node.className = value;
      else if (key === 'testid') node.dataset.testid = value;
      else if (key === 'data') Object.assign(node.dataset, value);
      else if (key === 'on') Object.entries(value).forEach(([type, handler]) => node.addEventListener(type, handler));
      else if (key === 'checked' || key === 'value' || key === 'disabled') node[key] = value;
      else node.setAttribute(key, value === true ? '' : value);
    });
    (children || []).forEach((child) => { if (child !== null && child !== undefined) node.append(child); });
    return node;
  }

  /** One labelled checkbox per choice ({value, label}), ticked when its value is in checked; each box gets the testid. */
  function checkboxes(container, choices, checked, testid) {
    const ticked = new Set(checked || []);
    container.replaceChildren(...choices.map((choice) => el('label', { class: 'check' }, [
      el('input', { type: 'checkbox', value: choice.value, checked: ticked.has(choice.value), testid, data: { value: choice.value } }),
      el('span', { text: choice.label || choice.value })
    ])));
    if (!choices.length) container.append(el('span', { class: 'empty', text: kitText('none') }));
  }

  function checkedValues(container) {
    return [...container.querySelectorAll('input[type="checkbox"]:checked')].map((box) => box.value);
  }

  function date(iso) {
    const value = new Date(iso);
    return !iso || Number.isNaN(value.getTime()) ? (iso || '')
      : value.toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
  }

  /** Shows the text in the page's notice box (#notice, or the element with the given id); no text hides it. */
  function notice(text, id) {
    const box = $(id || 'notice');
    box.textContent = text || '';
    box.hidden = !text;
  }

  function confirmed(key, values) {
    return window.confirm(t(key, values));
  }

  // Problems ---------------------------------------------------------------------------------

  function clearProblem(container) {
    container.querySelectorAll('.field-error').forEach((node) => node.remove());
    container.querySelectorAll('.invalid').forEach((node) => node.classList.remove('invalid'));
    const box = container.querySelector('[data-role="problem"]');
    if (box) { box.hidden = true; box.textContent = ''; }
  }

  /**
   * A problem+json answer: each field error beside the [data-field] element inside the
   * container that names it; "services[1].name" goes beside "services", saying which item.
   * The rest goes into the container's [data-role="problem"] box (else #page-problem),
   * after the module's own text for the problem's type (<module>.problem.<type>) if it has one.
   */
  function showProblem(container, answer) {
    clearProblem(container);
    const problem = answer.json || {};
    const unplaced = [];
    (problem.errors || []).forEach((error) => {
      const own = fieldOf(container, error.field);
      const field = own || fieldOf(container, error.field.replace(/\[\d+\].*$/, ''));
      if (!field) { unplaced.push(error.field + ': ' + error.message); return; }
      field.classList.add('invalid');
      const message = el('span', { class: 'field-error', role: 'alert', testid: 'field-error', data: { field: error.field },
        text: own ? error.message : error.field + ': ' + error.message });
      if (field.tagName === 'FIELDSET') field.append(message); else field.after(message);
    });
    const box = container.querySelector('[data-role="problem"]') || $('page-problem') || document.querySelector('[data-role="problem"]');
    if (!box) return;
    const type = problem.type ? problem.type.replace(/^.*\//, '') : '';
    const known = type ? texts[moduleId() + '.problem.' + type] : undefined;
    const detail = problem.detail || problem.title || kitText('failed', { status: answer.status });
    box.textContent = [known, detail === known ? null : detail, ...unplaced].filter(Boolean).join(' ');
    box.dataset.problemType = type;
    box.hidden = false;
    box.scrollIntoView({ block: 'nearest' });
  }

  function fieldOf(container, name) {
    return container.querySelector('[data-field="' + CSS.escape(name) + '"]');
  }

  /**
   * Runs a change: on success calls done(answer), else shows the problem in the container.
   * The container's buttons are disabled while the request runs (no double submits) and
   * enabled again before done runs. Answers the answer.
   */
  async function submit(container, method, path, body, done, options) {
    clearProblem(container);
    const buttons = [...container.querySelectorAll('button')].filter((button) => !button.disabled);
    buttons.forEach((button) => { button.disabled = true; });
    const answer = await api(method, path, body, options);
    buttons.forEach((button) => { button.disabled = false; });
    if (answer.ok) await done(answer); else showProblem(container, answer);
    return answer;
  }

  /**
   * The form that creates (POST path) or edits (PATCH path/<id> with If-Match) one resource
   * of a collection. create() and edit(id) (read with its ETag) open it: fill(resource or
   * null) sets the fields; on submit body(resource or null) is sent, and saved(answer,
   * resource or null) runs once the form closed. A change made meanwhile by someone else
   * (412) loads the resource again and says t(staleKey).
   */
  function editor({ form, path, fill, body, saved, staleKey }) {
    let editing = null;

    function open(resource) {
      editing = resource;
      clearProblem(form);
      form.reset();
      form.hidden = false;
      fill(resource);
    }

    async function edit(id) {
      const answer = await api('GET', path + '/' + encodeURIComponent(id));
      if (!answer.ok) { showProblem(document.body, answer); return; }
      open(Object.assign({ etag: answer.etag }, answer.json));
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const resource = editing;
      const answer = resource
        ? await submit(form, 'PATCH', path + '/' + encodeURIComponent(resource.id), body(resource), close, { ifMatch: resource.etag })
        : await submit(form, 'POST', path, body(null), close);
      if (answer.status === 412) {
        await edit(resource.id);
        showProblem(form, { status: 412, json: { detail: t(staleKey) } });
      }
      async function close(done) {
        form.hidden = true;
        await saved(done, resource);
      }
    });
    return { create: () => open(null), edit };
  }

  // Lists ------------------------------------------------------------------------------------

  /**
   * A list loaded page by page into list (a tbody): path() gives its path with the query
   * (no cursor), render(item) a row (or null to leave it out); more fetches the next page,
   * empty shows when nothing is listed, problem is where a refusal shows (the page). A
   * newer reload wins over an older one still running. A search form reloads the list
   * when it is submitted or one of its selects changes. With selection ({all, count,
   * countKey, buttons}) rows get checkboxes through box(id, props): count shows
   * t(countKey, {count}), buttons are disabled while nothing is selected, all selects every row.
   */
  function list(options) {
    const { more, empty, path, render, problem, search } = options;
    const rows = options.list;
    const selected = new Set();
    const selection = options.selection;
    let cursor = null;
    let generation = 0;

    function boxes() {
      return [...rows.querySelectorAll('input[type="checkbox"][data-selects]')];
    }

    function selectionChanged() {
      if (!selection) return;
      if (selection.count) selection.count.textContent = t(selection.countKey, { count: selected.size });
      (selection.buttons || []).forEach((button) => { button.disabled = selected.size === 0; });
      const shown = boxes();
      selection.all.checked = shown.length > 0 && shown.every((box) => box.checked);
    }

    function box(id, props) {
      return el('input', Object.assign({ type: 'checkbox', 'data-id': id, 'data-selects': true, checked: selected.has(id),
        on: { change: (event) => { if (event.target.checked) selected.add(id); else selected.delete(id); selectionChanged(); } } }, props));
    }

    async function load(reset) {
      const mine = reset ? ++generation : generation;
      const base = path();
      const answer = await api('GET', reset || !cursor ? base : base + (base.includes('?') ? '&' : '?') + query({ cursor }).slice(1));
      if (mine !== generation) return answer; // a newer reload started meanwhile
      if (!answer.ok) { showProblem(problem || document.body, answer); return answer; }
      if (reset) { rows.replaceChildren(); selected.clear(); }
      answer.json.items.map(render).filter(Boolean).forEach((node) => rows.append(node));
      applyPermissions(rows);
      cursor = answer.json.next_cursor || null;
      more.hidden = !cursor;
      if (empty) empty.hidden = rows.children.length > 0;
      selectionChanged();
      return answer;
    }

    more.addEventListener('click', () => load(false));
    if (search) {
      search.addEventListener('submit', (event) => { event.preventDefault(); load(true); });
      search.addEventListener('change', (event) => { if (event.target.tagName === 'SELECT') load(true); });
    }
    if (selection) {
      selection.all.addEventListener('change', (event) => {
        boxes().forEach((each) => {
          each.checked = event.target.checked;
          if (each.checked) selected.add(each.dataset.id); else selected.delete(each.dataset.id);
        });
        selectionChanged();
      });
      selectionChanged();
    }
    return { reload: () => load(true), box, selected: () => [...selected] };
  }

  /**
   * Runs a bulk action ({results: [{id, status, error}]}) once (see once) and shows
   * t(summaryKey, {done, unchanged, not_found, failed}) with the failures as the notice.
   * Answers whether it ran.
   */
  async function bulk(path, body, summaryKey) {
    const answer = await once('POST', path, body);
    if (!answer.ok) { showProblem(document.body, answer); return false; }
    const counts = { done: 0, unchanged: 0, not_found: 0, failed: 0 };
    answer.json.results.forEach((result) => { counts[result.status] += 1; });
    const failures = answer.json.results.filter((result) => result.status === 'failed').map((result) => result.id + ': ' + result.error);
    notice([t(summaryKey, counts), ...failures].join(' '));
    return true;
  }

  return {
    language, locale, moduleId, t, localize, start, can, applyPermissions,
    api, once, query, all, products, session: currentSession, useSession,
    $, el, checkboxes, checkedValues, date, notice, confirmed,
    clearProblem, showProblem, submit, editor, list, bulk
  };
}());
