// Runs in <head>, before the body paints (a classic external script: strict CSP allows no
// inline one). The page's static first view (#yc-static, written by `youcheng-data firstview`)
// holds both languages; this picks one as the app will (src/model/i18n: `?lang=`, else the
// first of the browser's languages that is English or Chinese, else English), marks an address
// asking for another view than the default one as pending (the static map is then shown dimmed
// and "loading", never as that view), marks when the static view has painted
// (`yc-static-paint`, read by scripts/bench.mjs), and says "Loading…" when the static view's
// controls are used before the app is there.
(function () {
  var params = new URLSearchParams(location.search);
  function tag(value) {
    var primary = String(value || '').split(/[-_]/)[0].toLowerCase();
    return primary === 'zh' || primary === 'en' ? primary : null;
  }
  var lang = tag(params.get('lang'));
  var prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  for (var i = 0; !lang && i < prefs.length; i++) lang = tag(prefs[i]);
  var root = document.documentElement;
  root.lang = lang === 'zh' ? 'zh-Hans' : 'en';
  var other = false;
  params.forEach(function (_, key) {
    if (key !== 'lang') other = true;
  });
  if (other) root.classList.add('yc-pending');
  function painted() {
    if (!document.getElementById('yc-static')) {
      if (document.readyState === 'loading') requestAnimationFrame(painted);
      return;
    }
    // The frame with the static view is drawn right after this callback.
    requestAnimationFrame(function () {
      setTimeout(function () {
        performance.mark('yc-static-paint');
      }, 0);
    });
  }
  requestAnimationFrame(painted);
  // The static view's controls wait for the app (disabled, aria-disabled): a click on one, or
  // on the static map, is not lost silently: the page says it is still loading
  // (.yc-static-wait, both languages in the page). Links and the failure's own message
  // (.load-state) keep working. The static view, and this with it, goes when the app takes over.
  document.addEventListener(
    'click',
    function (event) {
      var target = event.target;
      var view = document.getElementById('yc-static');
      if (!view || !target || !target.closest || !view.contains(target)) return;
      if (target.closest('a[href], .load-state')) return;
      event.preventDefault();
      root.classList.add('yc-static-waiting');
    },
    true
  );
})();
