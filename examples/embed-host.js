// Youcheng host snippet: resizes every <iframe data-youcheng> to the height its content
// reports (the app posts { source: "youcheng", type: "height", height } to its parent).
// Copy this file next to your page and load it with <script src="embed-host.js" defer>;
// it needs no inline script or style, so it works under a strict CSP.
(function () {
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.source !== 'youcheng' || data.type !== 'height') return;
    var height = Math.ceil(Number(data.height));
    if (!isFinite(height) || height <= 0 || height > 20000) return;
    var frames = document.querySelectorAll('iframe[data-youcheng]');
    for (var i = 0; i < frames.length; i += 1) {
      // Only the frame that sent the message.
      if (frames[i].contentWindow === event.source) frames[i].style.height = height + 'px';
    }
  });
})();
