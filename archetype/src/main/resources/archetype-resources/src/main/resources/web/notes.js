'use strict';
// Everything goes through the module's REST API with the caller's session, as any client would.
document.addEventListener('DOMContentLoaded', async () => {
  await Kontor.start();
  const form = Kontor.$('note-form');
  const notes = Kontor.list({
    list: Kontor.$('notes'), more: Kontor.$('more'), empty: Kontor.$('none'),
    path: () => '${moduleId}/notes' + Kontor.query({ limit: 20 }),
    render: (note) => Kontor.el('tr', { testid: 'note' }, [
      Kontor.el('td', { text: note.text }),
      Kontor.el('td', { text: note.created_by }),
      Kontor.el('td', { text: Kontor.date(note.created_at) })])
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    Kontor.submit(form, 'POST', '${moduleId}/notes', { text: Kontor.$('text').value }, () => {
      form.reset();
      Kontor.notice(Kontor.t('page.added'));
      notes.reload();
    });
  });
  notes.reload();
});
