// The mock portal's script: registers the widget, logs its decision and language events, drives
// attributes live.
import { defineElement } from './pkg/browser.js';

await defineElement();

const log = document.getElementById('log');
document.addEventListener('csp-eligibility:decision', (event) => {
  const verdicts = event.detail.clouds.map((cloud) => `${cloud.cloud}=${cloud.verdict}`).join(' ');
  const item = document.createElement('li');
  item.textContent = `#${event.target.id}: ${verdicts}`;
  item.dataset.source = event.target.id;
  item.dataset.verdicts = verdicts;
  item.dataset.deciding = event.detail.clouds.map((cloud) => cloud.deciding.join('+') || '-').join(' ');
  item.dataset.nearest = event.detail.nearest.clouds.map((cloud) => cloud.proposals.length).join(' ');
  log.append(item);
});

document.addEventListener('csp-eligibility:lang', (event) => {
  const item = document.createElement('li');
  item.textContent = `#${event.target.id}: language ${event.detail.lang}`;
  item.dataset.source = event.target.id;
  item.dataset.lang = event.detail.lang;
  log.append(item);
  // The portal's own language picker follows the widget.
  if (event.target.id === 'first') document.getElementById('first-lang').value = event.detail.lang;
});

const first = document.getElementById('first');
document.getElementById('first-country').addEventListener('change', (event) => {
  first.setAttribute('customer-country', event.target.value);
});
document.getElementById('first-lang').addEventListener('change', (event) => {
  first.setAttribute('lang', event.target.value);
});
document.getElementById('remove-second').addEventListener('click', (event) => {
  document.getElementById('second')?.remove();
  event.target.disabled = true;
});
