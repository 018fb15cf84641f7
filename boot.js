// Starts the WebAssembly app. An external file, not an inline script, so the page runs under a
// strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval').
const boot = document.getElementById('yc-boot');
const status = document.getElementById('yc-static');

function fail(error) {
  console.error(error);
  if (!status) return;
  // Over the page's static first view (the default map drawn at build time) the message comes
  // first and the map stays: it is the real default view, only not interactive.
  const box = status.classList.contains('yc-static') ? document.createElement('div') : status;
  box.setAttribute('role', 'alert');
  box.className = 'load-state failed';
  box.textContent = '';
  const heading = document.createElement(box === status ? 'h1' : 'p');
  heading.textContent = 'Youcheng could not start / 友城无法启动';
  const detail = document.createElement('p');
  detail.textContent = String(error && error.message ? error.message : error);
  const hint = document.createElement('p');
  hint.textContent =
    'This browser may not support WebAssembly, or the page is blocked from running it. ' +
    '浏览器可能不支持 WebAssembly，或页面被禁止运行它。';
  box.append(heading, detail, hint);
  if (box !== status) {
    status.classList.add('yc-static-failed');
    status.prepend(box);
  }
}

// Start fetching the data and the basemaps now, while the wasm downloads and compiles; the
// app's own requests for the same files then use these responses. Which files depends on the
// address (a user's ?data= file, the neutral or China map), as the app decides.
(function preload() {
  const params = new URLSearchParams(location.search);
  const files = [];
  if (!params.has('data')) files.push('data/partnerships.json');
  const profile = params.get('map') === 'neutral' ? 'neutral' : 'china';
  files.push(`data/basemap/world-${profile}.topo.json`, `data/basemap/provinces-${profile}.topo.json`);
  if (profile === 'china') files.push('data/basemap/china-extras.geojson');
  for (const href of files) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.appendChild(link);
  }
})();

try {
  performance.mark('yc-boot');
  const bindings = await import(boot.dataset.js);
  const wasm = await bindings.default({ module_or_path: boot.dataset.wasm });
  // Read by the benchmark (scripts/bench.mjs) to report the wasm memory size.
  window.__youchengWasmMemory = wasm.memory;
  performance.mark('yc-wasm-ready');
} catch (error) {
  fail(error);
}

// Offline: after the first visit a service worker serves the app, its data and basemaps
// (sw.js, generated at build time). Registered once the page has loaded, so it never competes
// with the first paint; only over http(s) (not from file://).
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  const register = () => navigator.serviceWorker.register('./sw.js').catch((error) => {
    console.warn('Youcheng: offline support is unavailable:', error.message);
  });
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
