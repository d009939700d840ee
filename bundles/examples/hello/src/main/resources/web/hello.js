'use strict';
// The page does everything through the module's REST API, as any client would.
async function showGreetings() {
  const answer = await Kontor.api('GET', 'hello/greetings?limit=10');
  const list = document.getElementById('greetings');
  list.replaceChildren(...(answer.ok ? answer.json.items : []).map((greeting) => {
    const item = document.createElement('li');
    item.textContent = greeting.message + ' (' + greeting.created_by + ', ' + new Date(greeting.at).toLocaleString(Kontor.language()) + ')';
    return item;
  }));
}

document.addEventListener('DOMContentLoaded', async () => {
  await Kontor.localize();
  const greeting = await Kontor.api('GET', 'hello');
  document.getElementById('greeting').textContent = greeting.ok ? greeting.json.message : greeting.json.detail;
  document.getElementById('greet-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await Kontor.api('POST', 'hello', { name: document.getElementById('name').value, email: document.getElementById('email').value || null });
    document.getElementById('answer').textContent = answer.ok ? answer.json.message
      : (answer.json.errors || []).map((error) => error.field + ': ' + error.message).join('; ') || answer.json.detail;
    if (answer.ok) showGreetings();
  });
  showGreetings();
});
