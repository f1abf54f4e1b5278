// Applies the reader's remembered display settings before the first paint, so the page never flashes the
// default theme. A classic script, because module scripts run after the first paint. It mirrors
// applyPreferences in src/app/reader-settings/reader-preferences.ts; tests/app/reader-preferences.test.ts
// checks that both set the same attributes.
(function () {
  var allowed = {
    theme: ['light', 'dark', 'sepia'],
    textSize: ['s', 'l', 'xl'],
    width: ['narrow', 'wide'],
    font: ['sans'],
  };
  var attributes = { theme: 'data-theme', textSize: 'data-text-size', width: 'data-width', font: 'data-font' };
  try {
    var stored = JSON.parse(localStorage.getItem('broadsheet:reader-preferences') || '{}') || {};
    for (var key in attributes) {
      if (allowed[key].indexOf(stored[key]) >= 0) document.documentElement.setAttribute(attributes[key], stored[key]);
    }
  } catch {
    // Storage blocked or unreadable: the defaults apply.
  }
})();
