'use strict';
// What a page of the clients module needs besides Kontor (kontor-module.js): texts,
// REST calls that survive a lost connection, problem+json shown beside the fields it
// names, the caller's permissions and session, and a DOM builder. Pages build the DOM
// with textContent only: no markup from data.
window.ClientsKit = (function () {
  let texts = {};
  let held = () => true;
  let session = null;

  /** A label of the page's language; {name} placeholders are filled from values. */
  function t(key, values) {
    const text = texts[key] || key;
    return values ? text.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all)) : text;
  }

  /** Labels, the session and the permissions; hides what the caller may not use (the server decides anyway). */
  async function start() {
    texts = await Kontor.localize();
    document.querySelectorAll('[data-i18n-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
    const [me, current] = await Promise.all([api('GET', 'users/me'), api('GET', 'session')]);
    if (me.ok && Array.isArray(me.json.permissions)) {
      const permissions = new Set(me.json.permissions);
      held = (permission) => permissions.has(permission) || permissions.has('*');
    }
    session = current.ok ? current.json : null;
    applyPermissions(document);
    return { me: me.ok ? me.json : {}, session };
  }

  /** {status, ok, json}; status 0 with a problem when the panel cannot be reached. */
  async function api(method, path, body) {
    try {
      return await Kontor.api(method, path, body);
    } catch (e) {
      return { status: 0, ok: false, json: { detail: t('ui.offline') } };
    }
  }

  function applyPermissions(root) {
    root.querySelectorAll('[data-needs]').forEach((node) => { node.hidden = !held(node.dataset.needs); });
  }

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([key, value]) => {
      if (value === undefined || value === null || value === false) return;
      if (key === 'text') node.textContent = value;
      else if (key === 'class') node.className = value;
      else if (key === 'testid') node.dataset.testid = value;
      else if (key === 'on') Object.entries(value).forEach(([type, handler]) => node.addEventListener(type, handler));
      else if (key === 'checked' || key === 'disabled') node[key] = value;
      else node.setAttribute(key, value === true ? '' : value);
    });
    (children || []).forEach((child) => node.append(child));
    return node;
  }

  function clearProblem(container) {
    container.querySelectorAll('.field-error').forEach((node) => node.remove());
    container.querySelectorAll('.invalid').forEach((node) => node.classList.remove('invalid'));
    const box = container.querySelector('[data-role="problem"]');
    if (box) { box.hidden = true; box.textContent = ''; }
  }

  /** A refusal: field errors beside their fields ("products[1]" beside "products"), the rest in the container's box. */
  function showProblem(container, answer) {
    clearProblem(container);
    const problem = answer.json || {};
    const unplaced = [];
    (problem.errors || []).forEach((error) => {
      const field = container.querySelector('[data-field="' + CSS.escape(error.field) + '"]')
        || container.querySelector('[data-field="' + CSS.escape(error.field.replace(/\[\d+\]$/, '')) + '"]');
      if (!field) { unplaced.push(error.field + ': ' + error.message); return; }
      field.classList.add('invalid');
      field.after(el('span', { class: 'field-error', role: 'alert', testid: 'field-error', text: error.message }));
    });
    const box = container.querySelector('[data-role="problem"]') || document.getElementById('page-problem');
    box.textContent = [problem.detail || problem.title || t('ui.failed', { status: answer.status }), ...unplaced].join(' ');
    box.hidden = false;
  }

  function notice(text) {
    const box = document.getElementById('notice');
    box.textContent = text || '';
    box.hidden = !text;
  }

  function date(iso) {
    const value = new Date(iso);
    return !iso || Number.isNaN(value.getTime()) ? (iso || '')
      : value.toLocaleString(Kontor.language() === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  }

  /** Every item of a list endpoint, following its cursors. */
  async function all(path) {
    const items = [];
    let cursor = null;
    do {
      const answer = await api('GET', path + (path.includes('?') ? '&' : '?') + 'limit=500' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
      if (!answer.ok) return { ok: false, answer, items };
      items.push(...answer.json.items);
      cursor = answer.json.next_cursor;
    } while (cursor);
    return { ok: true, items };
  }

  return { t, start, api, all, el, applyPermissions, clearProblem, showProblem, notice, date, session: () => session };
}());
