// For the example page only: points its iframes at the app given by ?app=URL (the end-to-end
// tests serve the app on another origin), or at ../dist/ next to this folder.
(function () {
  var app = new URLSearchParams(location.search).get('app') || '../dist/';
  var frames = document.querySelectorAll('iframe[data-youcheng][data-query]');
  for (var i = 0; i < frames.length; i += 1) {
    frames[i].src = app + '?' + frames[i].getAttribute('data-query');
  }
})();
