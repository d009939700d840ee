'use strict';
// Module management for the operator: every module with its version and state (the host's
// list), where it is switched on, what its latest upgrade changed in permissions, and the
// actions to switch it and to remove it (counts first, then the confirmation). The DOM is
// built with textContent only (Kontor.el).
(function () {
  const { $, t, el } = Kontor;
  const state = { module: null };
  /** The deploy folder's watcher looks about every 250 ms; the list is read again after it had time to install. */
  const UPLOAD_SETTLES_MS = 1500;

  function path(id, rest) {
    return 'modules/' + encodeURIComponent(id) + '/' + rest;
  }

  function rules(management) {
    const parts = [t('ui.panel') + ': ' + t(management.enabled_for_panel ? 'ui.on' : 'ui.off')];
    management.rules.filter((rule) => rule.scope !== 'panel').forEach((rule) => {
      parts.push(t('ui.rule.' + rule.scope, { id: rule.scope_id }) + ': ' + t(rule.enabled ? 'ui.on' : 'ui.off'));
    });
    return parts.join(' · ');
  }

  function diff(change) {
    if (!change || !change.from) {
      return t('ui.diff.none');
    }
    const parts = [t('ui.diff.from', { from: change.from })];
    if (change.added.length) parts.push(t('ui.diff.added', { list: change.added.join(', ') }));
    if (change.removed.length) parts.push(t('ui.diff.removed', { list: change.removed.join(', ') }));
    return parts.join(' · ');
  }

  function row(module, management, can) {
    const actions = [];
    if (can('modules.manage')) {
      actions.push(el('button', { type: 'button', class: 'secondary', text: t('ui.manage'), testid: 'switch',
        on: { click: () => openSwitch(module) } }));
      if (module.id !== 'modules') {
        actions.push(el('button', { type: 'button', class: 'danger', text: t('ui.remove'), testid: 'remove',
          on: { click: () => openRemove(module, management) } }));
      }
    }
    return el('tr', { 'data-id': module.id, testid: 'module-row' }, [
      el('td', { text: module.name || module.id, testid: 'module-name' }),
      el('td', { text: module.version }),
      el('td', { class: 'state-' + module.state, text: module.state + (module.reason ? ': ' + module.reason : ''), testid: 'module-state' }),
      el('td', { text: management ? rules(management) : '', testid: 'module-rules' }),
      el('td', { text: management ? diff(management.permission_diff) : '', testid: 'module-diff' }),
      el('td', {}, [el('div', { class: 'actions' }, actions)])
    ]);
  }

  async function reload() {
    const { can } = await Kontor.start();
    const list = await Kontor.api('GET', 'modules');
    if (!list.ok) {
      Kontor.showProblem(document.body, list);
      return;
    }
    const modules = list.json.items;
    const details = await Promise.all(modules.map((module) => Kontor.api('GET', path(module.id, 'management'))));
    $('modules').replaceChildren(...modules.map((module, i) => row(module, details[i].ok ? details[i].json : null, can)));
    $('none').hidden = modules.length > 0;
  }

  function openSwitch(module) {
    state.module = module;
    $('remove-form').hidden = true;
    Kontor.clearProblem($('switch-form'));
    $('switch-title').textContent = t('ui.switch.title', { module: module.name || module.id });
    $('switch-form').hidden = false;
  }

  function scopeBody() {
    const scope = $('scope').value;
    return scope === 'panel' ? { scope } : { scope, scope_id: $('scope-id').value.trim() };
  }

  function switchTo(enabled) {
    const module = state.module;
    Kontor.submit($('switch-form'), 'PUT', path(module.id, 'enablement'), Object.assign(scopeBody(), { enabled }), () => {
      Kontor.notice(t('ui.switched', { module: module.name || module.id }));
      reload();
    });
  }

  function deleteRule() {
    const body = scopeBody();
    Kontor.submit($('switch-form'), 'DELETE', path(state.module.id, 'enablement') + Kontor.query(body), undefined, () => {
      Kontor.notice(t('ui.rule.deleted'));
      reload();
    });
  }

  async function openRemove(module, management) {
    state.module = module;
    $('switch-form').hidden = true;
    Kontor.clearProblem($('remove-form'));
    $('remove-title').textContent = t('ui.remove.title', { module: module.name || module.id });
    $('policy').value = management ? management.removal_policy : 'keep';
    $('remove-form').hidden = false;
    await countRows();
  }

  /** The dry run: what the chosen policy would touch, before anything changes. */
  async function countRows() {
    const answer = await Kontor.api('POST', path(state.module.id, 'removal'), { policy: $('policy').value, dry_run: true });
    if (!answer.ok) {
      Kontor.showProblem($('remove-form'), answer);
      return;
    }
    $('remove-tables').replaceChildren(...Object.entries(answer.json.tables).map(([table, rows]) =>
      el('tr', { testid: 'remove-table' }, [el('td', { text: table }), el('td', { text: String(rows) })])));
  }

  function remove() {
    const module = state.module;
    const policy = $('policy').value;
    if (!Kontor.confirmed('ui.remove.ask', { module: module.name || module.id, policy: t('ui.policy.' + policy) })) {
      return;
    }
    Kontor.submit($('remove-form'), 'POST', path(module.id, 'removal'), { policy, dry_run: false }, (answer) => {
      $('remove-form').hidden = true;
      Kontor.notice(answer.json.export_file
        ? t('ui.removed.export', { module: module.name || module.id, file: answer.json.export_file })
        : t('ui.removed', { module: module.name || module.id }));
      reload();
    });
  }

  /** The jar goes into the watched deploy folder; the list shows the module once it is installed. */
  async function upload() {
    const file = $('upload-file').files[0];
    if (!file) {
      Kontor.showProblem($('upload-form'), { status: 400, json: { detail: t('ui.upload.none') } });
      return;
    }
    Kontor.submit($('upload-form'), 'POST', 'module-uploads', file, (answer) => {
      Kontor.notice(t('ui.uploaded', { module: answer.json.id, version: answer.json.version }));
      setTimeout(reload, UPLOAD_SETTLES_MS);
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('upload').addEventListener('click', upload);
    $('scope').addEventListener('change', () => { $('scope-id-label').hidden = $('scope').value === 'panel'; });
    $('switch-on').addEventListener('click', () => switchTo(true));
    $('switch-off').addEventListener('click', () => switchTo(false));
    $('rule-delete').addEventListener('click', deleteRule);
    $('switch-cancel').addEventListener('click', () => { $('switch-form').hidden = true; });
    $('policy').addEventListener('change', countRows);
    $('remove-confirm').addEventListener('click', remove);
    $('remove-cancel').addEventListener('click', () => { $('remove-form').hidden = true; });
    reload();
  });
}());
