'use strict';
// What the pages of the users module need beyond the panel's page kit (Kontor, from
// /ui/kontor-module.js): the login a page requires, roles, permissions as choices, the
// current organization's paths, table cells and tags, selects, secrets shown once, and
// tokens of mailed links. Pages build the DOM with textContent only (Kontor.el).
window.Users = (function () {
  const { t, el } = Kontor;
  let session = null;

  /** The session of a page that needs a login; without one, says so on the page and answers null. */
  async function loggedIn() {
    const found = await Kontor.session();
    session = found;
    if (!found) {
      Kontor.showProblem(document.body, { status: 401, json: { detail: t('ui.common.logged_out') } });
    }
    return found;
  }

  /** A declared permission as a choice: its label, with the id that API clients use. */
  function permissionChoice(permission) {
    return { value: permission.id, label: permission.label && permission.label !== permission.id
      ? permission.label + ' (' + permission.id + ')' : permission.id };
  }

  /** A role's name in the page's language: built-in roles have labels, custom ones their own name. */
  function roleName(id, name) {
    const key = 'role.' + id;
    const label = t(key);
    return label !== key ? label : name || id;
  }

  /** The If-Match value for a version the page has seen, as the API's ETags spell it. */
  function etag(version) {
    return '"v' + version + '"';
  }

  /** Encodes one path segment: ids come from the server, but never trusted as paths. */
  function segment(value) {
    return encodeURIComponent(value);
  }

  /** The current organization's resources: organizations/{org}/<path>, once loggedIn() found the session. */
  function orgPath(path) {
    return 'organizations/' + segment(session.organization_id) + (path ? '/' + path : '');
  }

  // DOM ------------------------------------------------------------------------------

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

  function fillSelect(select, choices, selected, blank) {
    const options = choices.map((choice) => new Option(choice.label || choice.value, choice.value, false, choice.value === selected));
    if (blank !== undefined) options.unshift(new Option(blank, '', false, !selected));
    select.replaceChildren(...options);
  }

  /** An ISO instant from a yyyy-mm-dd date input, at the end of that day in the browser's zone. */
  function endOfDay(day) {
    if (!day) return null;
    const value = new Date(day + 'T23:59:59');
    return Number.isNaN(value.getTime()) ? day : value.toISOString();
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

  return { loggedIn, permissionChoice, roleName, etag, segment, orgPath, cell, tags, fillSelect, endOfDay, secretBox, fragmentToken };
}());
