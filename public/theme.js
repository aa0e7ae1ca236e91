/* global document */
// Runs before the app: applies the light/dark choice saved in Settings, so the page never flashes
// the other theme. "system" (or nothing saved) leaves it to prefers-color-scheme.
(function () {
  try {
    var theme = localStorage.getItem('alongside-theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  } catch {
    // Storage can be unavailable (private mode); the device's setting then applies.
  }
})();
