// The responder's pages: times are rendered in UTC by the server (<time datetime="ISO">); show them in the phone's
// own time zone, again after every live refresh (site.js sends ew:live-refreshed).
(() => {
  'use strict';
  const pad = n => String(n).padStart(2, '0');
  const local = () => {
    document.querySelectorAll('main time[datetime]').forEach(el => {
      const at = new Date(el.getAttribute('datetime'));
      if (Number.isNaN(at.getTime())) return;
      el.textContent = at.getFullYear() + '-' + pad(at.getMonth() + 1) + '-' + pad(at.getDate()) + ' ' + pad(at.getHours()) + ':' + pad(at.getMinutes());
      el.title = at.toISOString();
    });
  };
  local();
  document.addEventListener('ew:live-refreshed', local);
})();
