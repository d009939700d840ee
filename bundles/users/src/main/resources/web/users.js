'use strict';
// What every page of the users module needs: REST calls (CSRF, language, ETags),
// texts, problem+json shown next to the fields it names, cursor paging, dates and a
// few DOM helpers. Pages build the DOM with textContent only: no markup from data.
window.Users = (function () {
  let csrf = null;
  let texts = {};
  let session;

  function language() {
    return Kontor.language();
  }

  /** Labels of the page's language; {name} placeholders are filled from values. */
  function t(key, values) {
    const text = texts[key] || key;
    return values ? text.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all)) : text;
  }

  async function start() {
    texts = await Kontor.localize();
    document.querySelectorAll('[data-i18n-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
    document.querySelectorAll('[data-i18n-title]').forEach((node) => { node.title = t(node.dataset.i18nTitle); });
    return texts;
  }

  async function send(method, path, body, options) {
    const headers = { 'Accept': 'application/json', 'Accept-Language': language() };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') headers['X-CSRF-Token'] = await csrfToken();
    if (options && options.ifMatch) headers['If-Match'] = options.ifMatch;
    let response;
    try {
      response = await fetch('/api/v1/' + path, { method, headers, credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      return { status: 0, ok: false, json: { detail: t('ui.common.offline') }, etag: null };
    }
    const json = response.status === 204 ? null : await response.json().catch(() => null);
    return { status: response.status, ok: response.ok, json, etag: response.headers.get('ETag') };
  }

  async function csrfToken() {
    if (csrf === null) await currentSession();
    return csrf || '';
  }

  /** The logged-in session (user, organization_id, organizations), or null on a public page without one. */
  async function currentSession() {
    if (session === undefined) {
      const answer = await send('GET', 'session');
      session = answer.ok ? answer.json : null;
      csrf = session && session.csrf_token ? session.csrf_token : '';
    }
    return session;
  }

  /** The session of a page that needs a login; without one, says so on the page and answers null. */
  async function loggedIn() {
    const found = await currentSession();
    if (!found) {
      showProblem(document.body, { status: 401, json: { detail: t('ui.common.logged_out') } });
    }
    return found;
  }

  /** After a login made by the page itself: its answer carries the new CSRF token. */
  function useSession(loginAnswer) {
    session = loginAnswer;
    csrf = loginAnswer.csrf_token || '';
  }

  /**
   * What the caller may do in the current organization, for showing or hiding
   * controls only: the server decides every request itself. Without a permission list
   * in the profile, every control shows and refusals come back as problems.
   */
  async function permissions() {
    const answer = await send('GET', 'users/me');
    const held = answer.ok && Array.isArray(answer.json.permissions) ? new Set(answer.json.permissions) : null;
    return (permission) => held === null || held.has(permission);
  }

  /** Products (module ids) that declare permissions now: what access can be given to. */
  async function products() {
    const answer = await send('GET', 'permissions');
    const modules = new Set(answer.ok ? answer.json.items.map((permission) => permission.module) : []);
    modules.delete('panel');
    return [...modules].sort().map((id) => ({ value: id, label: id }));
  }

  /** A declared permission as a choice: its label, with the id that API clients use. */
  function permissionChoice(permission) {
    return { value: permission.id, label: permission.label && permission.label !== permission.id
      ? permission.label + ' (' + permission.id + ')' : permission.id };
  }

  /** A role's name in the page's language: built-in roles have labels, custom ones their own name. */
  function roleName(id, name) {
    return texts['role.' + id] || name || id;
  }

  /** The If-Match value for a version the page has seen, as the API's ETags spell it. */
  function etag(version) {
    return '"v' + version + '"';
  }

  /** Encodes one path segment: ids come from the server, but never trusted as paths. */
  function segment(value) {
    return encodeURIComponent(value);
  }

  /** The current organization's resources: organizations/{org}/<path>. */
  function orgPath(path) {
    return 'organizations/' + segment(session.organization_id) + (path ? '/' + path : '');
  }

  function query(params) {
    const parts = Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([name, value]) => encodeURIComponent(name) + '=' + encodeURIComponent(value));
    return parts.length ? '?' + parts.join('&') : '';
  }

  // DOM ------------------------------------------------------------------------------

  /**
   * el('button', { id, class, testid, text, type, data: {...}, on: {click: fn} }, children):
   * unknown keys become attributes; text is set as textContent.
   */
  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') node.textContent = value;
      else if (key === 'class') node.className = value;
      else if (key === 'testid') node.dataset.testid = value;
      else if (key === 'data') Object.assign(node.dataset, value);
      else if (key === 'on') Object.entries(value).forEach(([type, handler]) => node.addEventListener(type, handler));
      else if (key === 'checked' || key === 'value' || key === 'disabled') node[key] = value;
      else node.setAttribute(key, value === true ? '' : value);
    }
    (children || []).forEach((child) => { if (child !== null && child !== undefined) node.append(child); });
    return node;
  }

  function $(id) {
    return document.getElementById(id);
  }

  /** A table cell holding nodes, or a value as text. */
  function cell(content, props) {
    let children;
    if (Array.isArray(content)) children = content;
    else if (content instanceof Node) children = [content];
    else children = [content === undefined || content === null ? '' : String(content)];
    return el('td', props, children);
  }

  function tags(values, testid) {
    return (values || []).map((value) => el('span', { class: 'tag', testid, text: value }));
  }

  /**
   * Fills a container with one checkbox per choice ({value, label}); each box gets the
   * test id "<testid>" and data-value, and is ticked when its value is in checked.
   */
  function checkboxes(container, choices, checked, testid) {
    const ticked = new Set(checked || []);
    container.replaceChildren(...choices.map((choice) => el('label', { class: 'check' }, [
      el('input', { type: 'checkbox', value: choice.value, checked: ticked.has(choice.value), testid,
        data: { value: choice.value } }),
      el('span', { text: choice.label || choice.value })
    ])));
    if (!choices.length) container.append(el('span', { class: 'empty', text: t('ui.common.none') }));
  }

  function checkedValues(container) {
    return [...container.querySelectorAll('input[type="checkbox"]:checked')].map((box) => box.value);
  }

  function fillSelect(select, choices, selected, blank) {
    const options = choices.map((choice) => new Option(choice.label || choice.value, choice.value, false, choice.value === selected));
    if (blank !== undefined) options.unshift(new Option(blank, '', false, !selected));
    select.replaceChildren(...options);
  }

  function date(iso) {
    if (!iso) return '';
    const value = new Date(iso);
    return Number.isNaN(value.getTime()) ? iso
      : value.toLocaleString(language() === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  }

  /** An ISO instant from a yyyy-mm-dd date input, at the end of that day in the browser's zone. */
  function endOfDay(day) {
    if (!day) return null;
    const value = new Date(day + 'T23:59:59');
    return Number.isNaN(value.getTime()) ? day : value.toISOString();
  }

  // Problems ---------------------------------------------------------------------------

  /** The problem box of a form or section: its [data-role="problem"] element. */
  function problemBox(container) {
    return container.querySelector('[data-role="problem"]');
  }

  function clearProblem(container) {
    container.querySelectorAll('.field-error').forEach((node) => node.remove());
    container.querySelectorAll('.invalid').forEach((node) => node.classList.remove('invalid'));
    const box = problemBox(container);
    if (box) { box.hidden = true; box.textContent = ''; }
  }

  /**
   * Shows a problem+json answer: each field error next to the element with that
   * data-field inside the container, and the detail (with errors no field shows) in
   * the container's problem box.
   */
  function showProblem(container, answer) {
    clearProblem(container);
    const problem = answer.json || {};
    const unplaced = [];
    for (const error of problem.errors || []) {
      // "products[2]" belongs to the products field when no element names the item itself.
      const field = fieldOf(container, error.field) || fieldOf(container, error.field.replace(/\[\d+\]$/, ''));
      if (!field) { unplaced.push(error.field + ': ' + error.message); continue; }
      field.classList.add('invalid');
      const message = el('span', { class: 'field-error', role: 'alert', testid: 'field-error',
        data: { field: error.field }, text: error.message });
      if (field.tagName === 'FIELDSET') field.append(message); else field.after(message);
    }
    const box = problemBox(container) || problemBox(document);
    if (!box) return;
    const type = problem.type ? problem.type.replace(/^.*\//, '') : '';
    // The module's own problems have texts in the page's language; the server's detail adds the specifics.
    const known = texts['users.problem.' + type];
    const detail = problem.detail || problem.title || t('ui.common.failed', { status: answer.status });
    box.textContent = [known, detail === known ? null : detail, ...unplaced].filter(Boolean).join(' ');
    box.dataset.problemType = type;
    box.hidden = false;
    box.scrollIntoView({ block: 'nearest' });
  }

  function fieldOf(container, name) {
    return container.querySelector('[data-field="' + CSS.escape(name) + '"]');
  }

  function notice(id, text) {
    const box = $(id);
    box.textContent = text;
    box.hidden = !text;
  }

  /**
   * Runs a change: on success calls done, else shows the problem in the container. The
   * container's buttons are disabled while the request runs (no double submits) and
   * enabled again before done runs, so done has the last word on them.
   */
  async function submit(container, method, path, body, done, options) {
    clearProblem(container);
    const buttons = [...container.querySelectorAll('button')].filter((button) => !button.disabled);
    buttons.forEach((button) => { button.disabled = true; });
    let answer;
    try {
      answer = await send(method, path, body, options);
    } finally {
      buttons.forEach((button) => { button.disabled = false; });
    }
    if (answer.ok) await done(answer); else showProblem(container, answer);
    return answer;
  }

  function confirmed(key, values) {
    return window.confirm(t(key, values));
  }

  // Paging -----------------------------------------------------------------------------

  /**
   * A list loaded page by page: path() gives the list's path with its query; render
   * turns an item into a node; the "more" button fetches the next_cursor's page.
   */
  function pager({ list, more, empty, path, render, problem }) {
    let cursor = null;
    let generation = 0;
    async function load(reset) {
      const mine = reset ? ++generation : generation;
      const base = path();
      const answer = await send('GET', base + (reset || !cursor ? '' : (base.includes('?') ? '&' : '?') + 'cursor=' + encodeURIComponent(cursor)));
      if (mine !== generation) return answer; // a newer reload has started meanwhile
      if (!answer.ok) { showProblem(problem || document.body, answer); return answer; }
      if (reset) list.replaceChildren();
      answer.json.items.map(render).filter(Boolean).forEach((node) => list.append(node));
      cursor = answer.json.next_cursor || null;
      more.hidden = !cursor;
      if (empty) empty.hidden = list.children.length > 0;
      return answer;
    }
    more.addEventListener('click', () => load(false));
    return { reload: () => load(true) };
  }

  /** Every item of a list, following next_cursor: for choices (roles, members of small lists). */
  async function all(path) {
    const items = [];
    let cursor = null;
    do {
      const answer = await send('GET', path + (path.includes('?') ? '&' : '?') + query({ limit: 500, cursor }).slice(1));
      if (!answer.ok) return { ok: false, answer, items };
      items.push(...answer.json.items);
      cursor = answer.json.next_cursor;
    } while (cursor);
    return { ok: true, items };
  }

  /**
   * A box that shows a secret once (a new token, a client secret): copy puts it on the
   * clipboard (or selects it where the browser allows no clipboard), done forgets it.
   * Answers the function that shows a value.
   */
  function secretBox(box, code, copy, done) {
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(code.textContent);
        copy.textContent = t('ui.secret.copied');
      } catch (e) {
        const range = document.createRange();
        range.selectNodeContents(code);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
      }
    });
    done.addEventListener('click', () => {
      code.textContent = '';
      box.hidden = true;
    });
    return (value) => {
      code.textContent = value;
      copy.textContent = t('ui.secret.copy');
      box.hidden = false;
      box.scrollIntoView({ block: 'nearest' });
    };
  }

  /** Reads the #token= of the URL fragment: links carry secrets there so they never reach a server log. */
  function fragmentToken() {
    const match = location.hash.match(/(?:^#|&)token=([^&]+)/);
    return match ? decodeURIComponent(match[1]) : null;
  }

  return {
    start, t, language, api: send, session: currentSession, loggedIn, useSession, permissions, products, permissionChoice, roleName, etag,
    segment, orgPath, query, el, $, cell, tags, checkboxes, checkedValues, fillSelect, date, endOfDay,
    clearProblem, showProblem, notice, submit, confirmed, pager, all, secretBox, fragmentToken
  };
}());
