// /metrics: the charts are a live region (site.js replaces them on every change). A data table the reader opened stays
// open across those refreshes: remember which figures' <details> are open and reopen them after each refresh.
(() => {
  'use strict';
  const open = new Set();
  const region = document.getElementById('metrics-live');
  if (!region) return;
  region.addEventListener('toggle', event => {
    const figure = event.target.closest && event.target.closest('figure[id]');
    if (!figure) return;
    if (event.target.open) open.add(figure.id); else open.delete(figure.id);
  }, true);
  document.addEventListener('ew:live-refreshed', () => {
    open.forEach(id => {
      const details = document.querySelector('#' + CSS.escape(id) + ' details');
      if (details) details.open = true;
    });
  });
})();
