// Employee pages (report form): no inline script (the CSP forbids it).
(() => {
  'use strict';

  const form = document.querySelector('form.report-form');
  if (!form) return;

  // datetime-local carries no time zone: send the browser's offset for the chosen moment, and start from "now".
  const when = form.querySelector('#occurredAt');
  const offset = form.querySelector('#timeZoneOffset');
  const pad = n => String(n).padStart(2, '0');
  if (when && when.hasAttribute('data-default-now') && !when.value) {
    const now = new Date();
    when.value = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate()) + 'T' + pad(now.getHours()) + ':' + pad(now.getMinutes());
  }

  const setOffset = () => {
    if (!when || !offset) return;
    const chosen = when.value ? new Date(when.value) : new Date();
    offset.value = String((Number.isNaN(chosen.getTime()) ? new Date() : chosen).getTimezoneOffset());
  };
  setOffset();
  if (when) when.addEventListener('change', setOffset);

  // Attachments: say at once when files are too large, before a long upload the server would refuse.
  const files = form.querySelector('#attachments');
  const fileError = form.querySelector('#attachments-client-error');
  const checkFiles = () => {
    if (!files || !fileError) return true;
    const list = Array.from(files.files || []);
    const maxFile = Number(form.dataset.maxFile), maxTotal = Number(form.dataset.maxTotal), maxFiles = Number(form.dataset.maxFiles);
    let message = '';
    if (list.length > maxFiles) {
      message = form.dataset.tooMany;
    } else {
      const big = list.find(f => f.size > maxFile);
      if (big) message = form.dataset.fileTooLarge.replace('{0}', big.name);
      else if (list.reduce((sum, f) => sum + f.size, 0) > maxTotal * 0.95) message = form.dataset.tooLarge;
    }

    fileError.textContent = message;
    fileError.hidden = !message;
    files.setAttribute('aria-invalid', message ? 'true' : 'false');
    return !message;
  };
  if (files) files.addEventListener('change', checkFiles);

  form.addEventListener('submit', event => {
    setOffset();
    if (!checkFiles()) {
      event.preventDefault();
      files.focus();
    }
  });
})();
