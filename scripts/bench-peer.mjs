// The peer for `make bench`: the page a Chinese government dashboard would build with ECharts
// (geo + lines + a bar chart), made by the bench from the same bundled data and measured in the
// same run as Youcheng. echarts is a dev-only npm dependency; nothing of it is shipped.
//
// The page draws the China set's geocoded pairs as lines on a world map (the same Natural Earth
// outlines Youcheng ships), a bar chart of the top partner countries, and one checkbox per
// partner country. It marks `peer-first-paint` when ECharts has finished its first full render,
// and `peer-paint` after each render that a filter change causes.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, readDataset } from '../tests/e2e/harness.mjs';

/** TopoJSON (quantized, delta-encoded arcs) to GeoJSON features, enough for the basemap. */
function topoToGeo(topo, objectName) {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
  const ring = (indices) => {
    const points = [];
    for (const i of indices) {
      const arc = i < 0 ? [...arcs[~i]].reverse() : arcs[i];
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    return points;
  };
  const features = topo.objects[objectName].geometries.map((g) => ({
    type: 'Feature',
    properties: { name: g.properties?.iso_a2_eh ?? '' },
    geometry: g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: g.arcs.map(ring) }
      : g.type === 'MultiPolygon'
        ? { type: 'MultiPolygon', coordinates: g.arcs.map((p) => p.map(ring)) }
        : null,
  })).filter((f) => f.geometry);
  return { type: 'FeatureCollection', features };
}

/** The pairs with both ends placed: [home lon, lat, partner lon, lat, partner country]. */
function lines(dataset) {
  const places = new Map(dataset.places.map((p) => [p.id, p]));
  const out = [];
  for (const pair of dataset.partnerships) {
    const a = places.get(pair.home);
    const b = places.get(pair.partner);
    if (a?.lat == null || b?.lat == null) continue;
    out.push([a.lon, a.lat, b.lon, b.lat, b.country]);
  }
  return out;
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Peer: ECharts friendship-city map</title>
<link rel="stylesheet" href="peer.css">
<script src="echarts.min.js" defer></script>
<script src="peer.js" defer></script>
</head>
<body>
<main>
  <div id="map"></div>
  <div id="bars"></div>
  <fieldset id="peer-filters"><legend>Partner countries</legend></fieldset>
</main>
</body>
</html>
`;

const CSS = `body { margin: 0; font: 14px system-ui, sans-serif; }
main { display: grid; grid-template-columns: 1fr 320px; grid-template-rows: 560px 1fr; gap: 8px; padding: 8px; }
#map { grid-column: 1; grid-row: 1; }
#bars { grid-column: 2; grid-row: 1; }
#peer-filters { grid-column: 1 / 3; grid-row: 2; columns: 6; }
#peer-filters label { display: block; }
/* A phone: the map the width of the screen on top, as a dashboard made for phones would. */
@media (max-width: 700px) {
  main { grid-template-columns: 1fr; grid-template-rows: 56vh 320px auto; }
  #bars { grid-column: 1; grid-row: 2; }
  #peer-filters { grid-column: 1; grid-row: 3; columns: 3; }
}
`;

const SCRIPT = `'use strict';
(async () => {
  const [world, pairs] = await Promise.all([
    fetch('world.json').then((r) => r.json()),
    fetch('pairs.json').then((r) => r.json()),
  ]);
  echarts.registerMap('world', world);
  const map = echarts.init(document.getElementById('map'));
  const bars = echarts.init(document.getElementById('bars'));
  const counts = new Map();
  for (const p of pairs) counts.set(p[4], (counts.get(p[4]) || 0) + 1);
  const countries = [...counts.keys()].sort();
  const chosen = new Set();
  const box = document.getElementById('peer-filters');
  for (const c of countries) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = c;
    input.addEventListener('change', () => {
      if (input.checked) chosen.add(c); else chosen.delete(c);
      render();
    });
    label.append(input, ' ' + c + ' (' + counts.get(c) + ')');
    box.append(label);
  }
  let first = true;
  let pending = 0;
  const done = () => {
    if (pending <= 0) return;
    pending -= 1;
    if (pending > 0) return;
    performance.mark(first ? 'peer-first-paint' : 'peer-paint');
    first = false;
  };
  map.on('finished', done);
  bars.on('finished', done);
  function render() {
    const shown = chosen.size ? pairs.filter((p) => chosen.has(p[4])) : pairs;
    const by = new Map();
    for (const p of shown) by.set(p[4], (by.get(p[4]) || 0) + 1);
    const top = [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).reverse();
    pending = 2;
    map.setOption({
      animation: false,
      geo: { map: 'world', roam: true, itemStyle: { areaColor: '#e8ecef', borderColor: '#9aa5ad' } },
      series: [{
        type: 'lines', coordinateSystem: 'geo', polyline: false, large: true,
        lineStyle: { color: '#c0392b', opacity: 0.25, width: 1, curveness: 0.2 },
        data: shown.map((p) => ({ coords: [[p[0], p[1]], [p[2], p[3]]] })),
      }],
    }, { replaceMerge: ['series'] });
    bars.setOption({
      animation: false,
      grid: { left: 40, right: 10, top: 10, bottom: 20 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: top.map((t) => t[0]) },
      series: [{ type: 'bar', data: top.map((t) => t[1]) }],
    });
  }
  render();
})();
`;

/**
 * Writes the peer page to `dir` from the bundled China set and basemap; returns the files of
 * its first view.
 */
export function buildPeer(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const dataset = readDataset(path.join(ROOT, 'public/data/partnerships.json'));
  const topo = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/data/basemap/world-china.topo.json'), 'utf8'));
  fs.writeFileSync(path.join(dir, 'index.html'), PAGE);
  fs.writeFileSync(path.join(dir, 'peer.css'), CSS);
  fs.writeFileSync(path.join(dir, 'peer.js'), SCRIPT);
  fs.writeFileSync(path.join(dir, 'world.json'), JSON.stringify(topoToGeo(topo, 'countries')));
  fs.writeFileSync(path.join(dir, 'pairs.json'), JSON.stringify(lines(dataset)));
  fs.copyFileSync(path.join(ROOT, 'node_modules/echarts/dist/echarts.min.js'), path.join(dir, 'echarts.min.js'));
  return ['index.html', 'peer.css', 'echarts.min.js', 'peer.js', 'world.json', 'pairs.json'];
}
