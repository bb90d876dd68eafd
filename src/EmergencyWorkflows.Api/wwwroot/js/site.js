// EmergencyWorkflows pages: no framework, no inline script (the CSP forbids it).
(() => {
  'use strict';

  // Language switch: submits on change (the button stays for keyboards and no-JS).
  document.querySelectorAll('select[data-autosubmit]').forEach(select => {
    select.addEventListener('change', () => select.form && select.form.submit());
  });

  // Countdowns: <span data-deadline="ISO" data-remaining="{0} left" data-breached="missed by {0}">.
  const pad = n => String(n).padStart(2, '0');
  const span = ms => {
    const total = Math.floor(Math.abs(ms) / 1000);
    const h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    return (h > 0 ? h + ':' + pad(m) : String(m)) + ':' + pad(s);
  };
  const tick = () => {
    document.querySelectorAll('[data-deadline]').forEach(el => {
      const deadline = Date.parse(el.dataset.deadline);
      if (Number.isNaN(deadline)) return;
      const left = deadline - Date.now();
      const breached = left <= 0;
      el.textContent = (breached ? el.dataset.breached : el.dataset.remaining || '{0}').replace('{0}', span(left));
      el.classList.toggle('sla-breached', breached);
      const row = el.closest('[data-sla-row]');
      if (row) row.classList.toggle('row-breached', breached);
    });
  };
  tick();
  setInterval(tick, 1000);

  // <time datetime="…Z" data-local>: the server writes the display zone (EmergencyWorkflows:DisplayTimeZone); here it
  // becomes the reader's own zone, to the minute, with the zone's name.
  const localTimes = () => document.querySelectorAll('time[datetime][data-local]').forEach(el => {
    const at = new Date(el.getAttribute('datetime'));
    if (Number.isNaN(at.getTime())) return;
    el.textContent = at.toLocaleString(document.documentElement.lang || undefined, {
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short'
    });
    el.title = el.getAttribute('datetime');
  });
  localTimes();

  // Live regions: <div data-live-src="/path?handler=Fragment" aria-live="polite">; reloaded on every change the
  // server reports over /live (server-sent events), which says only that something changed.
  const regions = () => Array.from(document.querySelectorAll('[data-live-src]'));
  if (regions().length > 0 && 'EventSource' in window) {
    // A change reported while a refresh runs is not dropped: one more refresh follows it.
    let pending = false;
    let again = false;
    const refresh = async () => {
      if (pending) { again = true; return; }
      pending = true;
      again = false;
      try {
        for (const region of regions()) {
          const response = await fetch(region.dataset.liveSrc, { credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } });
          if (!response.ok) continue;
          region.innerHTML = await response.text();
          region.dataset.liveVersion = String((Number(region.dataset.liveVersion) || 0) + 1);
        }
        tick();
        localTimes();
        document.dispatchEvent(new CustomEvent('ew:live-refreshed'));
      } finally {
        pending = false;
        if (again) refresh();
      }
    };
    const source = new EventSource('/live');
    source.addEventListener('changed', refresh);
    source.addEventListener('ready', () => document.documentElement.dataset.live = 'connected');
  }
})();
