'use strict';
document.addEventListener('DOMContentLoaded', async () => {
  await Kontor.localize();
  const greeting = await Kontor.api('GET', 'hello');
  document.getElementById('greeting').textContent = greeting.ok ? greeting.json.message : greeting.json.detail;
  document.getElementById('greet-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await Kontor.api('POST', 'hello', { name: document.getElementById('name').value });
    document.getElementById('answer').textContent = answer.ok ? answer.json.message : answer.json.detail;
  });
});
