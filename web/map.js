// sitrep's map: the store's events on an offline basemap, filtered by time,
// type, actor and country; who holds which town at the range's end; a
// click opens an event with its outlets and sentences. The view lives in
// the URL's hash so it can be shared. Written for sitrep.
'use strict';

const TYPE_COLOURS = {
  'Battles': '#c0392b',
  'Explosions/Remote violence': '#e67e22',
  'Violence against civilians': '#8e44ad',
  'Protests': '#2980b9',
  'Riots': '#16a085',
  'Strategic developments': '#7f8c8d',
};
const MAX_EVENTS = 20000; // loaded at most; a store this size is drawn whole
const PAGE = 5000;
const WEEK = 7 * 86400000;

const state = { events: [], weeks: [], from: 0, to: 0, filters: {}, controlAt: null };
const el = (id) => document.getElementById(id);

function esc(s) {
  return String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  }[c]));
}

// ---- the view in the URL -------------------------------------------------

function readHash() {
  const h = new URLSearchParams(location.hash.slice(1));
  return Object.fromEntries(h.entries());
}

function writeHash(map) {
  const h = new URLSearchParams();
  const f = state.filters;
  for (const k of ['type', 'sub', 'actor', 'country']) if (f[k]) h.set(k, f[k]);
  if (state.weeks.length) {
    h.set('from', isoDay(state.weeks[state.from]));
    h.set('to', isoDay(state.weeks[state.to] + WEEK - 86400000));
  }
  const c = map.getCenter();
  h.set('lat', c.lat.toFixed(3));
  h.set('lon', c.lng.toFixed(3));
  h.set('z', map.getZoom());
  history.replaceState(null, '', '#' + h.toString());
}

function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function weekStart(day) {
  const t = Date.parse(day + 'T00:00:00Z');
  const dow = (new Date(t).getUTCDay() + 6) % 7; // weeks begin on Monday
  return t - dow * 86400000;
}

// ---- loading ---------------------------------------------------------------

async function getJSON(url) {
  const r = await fetch(url);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

async function loadEvents() {
  let cursor = null;
  const out = [];
  do {
    const url = '/api/events?format=geojson&limit=' + PAGE + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
    const page = await getJSON(url);
    out.push(...page.features);
    cursor = page.next;
  } while (cursor && out.length < MAX_EVENTS);
  return { features: out, more: !!cursor };
}

async function loadBorders(map) {
  try {
    const topo = await getJSON('/vendor/world-atlas/countries-110m.json');
    const land = topojson.feature(topo, topo.objects.countries);
    // rings that cross the date line (Russia, Fiji, Antarctica) jump from
    // +180 to -180: carried on past 180 instead, so no line crosses the map
    const unwrap = (ring) => {
      for (let i = 1; i < ring.length; i++) {
        const d = ring[i][0] - ring[i - 1][0];
        if (d > 180) ring[i][0] -= 360;
        else if (d < -180) ring[i][0] += 360;
      }
    };
    for (const f of land.features) {
      const g = f.geometry;
      if (!g) continue;
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      for (const poly of polys) poly.forEach(unwrap);
    }
    L.geoJSON(land, {
      style: { color: '#777', weight: 0.7, fillColor: '#f2efe6', fillOpacity: 1 },
      interactive: false,
    }).addTo(map).bringToBack();
  } catch (e) {
    el('status').textContent = 'no basemap: ' + e.message;
  }
}

// ---- filters ------------------------------------------------------------------

function fillSelect(sel, values) {
  for (const v of [...values].sort()) {
    const o = document.createElement('option');
    o.value = o.textContent = v;
    sel.appendChild(o);
  }
}

function passes(p, f, fromMs, toMs, whole) {
  if (f.type && p.event_type !== f.type) return false;
  if (f.sub && p.sub_event_type !== f.sub) return false;
  if (f.country && p.country !== f.country) return false;
  if (f.actor) {
    const a = f.actor.toLowerCase();
    if (!(p.actor1 || '').toLowerCase().includes(a) && !(p.actor2 || '').toLowerCase().includes(a)) return false;
  }
  if (!p.event_date) return whole; // undated: only when the whole time is shown
  const t = Date.parse(p.event_date + 'T00:00:00Z');
  return t >= fromMs && t < toMs;
}

// ---- drawing -------------------------------------------------------------------

function markerFor(f) {
  const p = f.properties;
  const [lon, lat] = f.geometry.coordinates;
  const dead = p.fatalities > 0 ? p.fatalities : 0;
  const m = L.circleMarker([lat, lon], {
    radius: Math.min(5 + 3 * Math.sqrt(dead), 24),
    color: '#222', weight: 1,
    fillColor: TYPE_COLOURS[p.event_type] || '#555', fillOpacity: 0.85,
  });
  m.feature = f;
  m.bindPopup(() => popupFor(p), { maxWidth: 380 });
  m.on('popupopen', (e) => fillPopup(e.popup, p));
  return m;
}

function popupFor(p) {
  const actors = [p.actor1, p.actor2].filter(Boolean).map(esc).join(' → ');
  return '<div class="popup"><h3>' + esc(p.sub_event_type) + '</h3>' +
    '<div>' + esc(p.event_type) + ' · ' + esc(p.event_date || 'date unknown') + '</div>' +
    (actors ? '<div>' + actors + '</div>' : '') +
    '<div>' + esc([p.location, p.admin1, p.country].filter(Boolean).join(', ')) + '</div>' +
    '<div>Fatalities: ' + (p.fatalities == null ? 'not reported' : esc(p.fatalities)) + '</div>' +
    '<div class="reports">loading the reports…</div></div>';
}

async function fillPopup(popup, p) {
  try {
    const ev = await getJSON('/api/events/' + encodeURIComponent(p.event_id_cnty));
    const html = ev.reports.map((r) =>
      '<div><a href="' + esc(/^https?:\/\//.test(r.url || '') ? r.url : '#') + '" target="_blank" rel="noopener">' +
      esc(r.source || r.article) + '</a> ' + esc(r.date || '') + '<blockquote>' + esc(r.text) + '</blockquote></div>',
    ).join('');
    const box = popup.getElement() && popup.getElement().querySelector('.reports');
    if (box) box.innerHTML = html || 'no report kept';
  } catch (e) {
    const box = popup.getElement() && popup.getElement().querySelector('.reports');
    if (box) box.textContent = 'the reports could not be read: ' + e.message;
  }
}

function drawHistogram() {
  const svg = el('hist');
  const counts = new Array(state.weeks.length).fill(0);
  const f = state.filters;
  for (const ev of state.events) {
    const p = ev.properties;
    if (!p.event_date || !passes(p, f, -Infinity, Infinity, true)) continue;
    const i = Math.round((weekStart(p.event_date) - state.weeks[0]) / WEEK);
    if (i >= 0 && i < counts.length) counts[i]++;
  }
  const max = Math.max(1, ...counts);
  const w = 1000 / Math.max(1, counts.length);
  svg.setAttribute('viewBox', '0 0 1000 60');
  svg.innerHTML = counts.map((c, i) =>
    '<rect x="' + (i * w).toFixed(2) + '" y="' + (60 - 58 * c / max).toFixed(2) + '" width="' +
    Math.max(w - 0.5, 0.5).toFixed(2) + '" height="' + (58 * c / max).toFixed(2) + '"' +
    (i >= state.from && i <= state.to ? ' class="in"' : '') + '><title>' + isoDay(state.weeks[i]) + ': ' + c +
    '</title></rect>').join('');
}

function redraw(map, cluster) {
  const f = state.filters;
  const whole = state.from === 0 && state.to === state.weeks.length - 1;
  const fromMs = state.weeks.length ? state.weeks[state.from] : -Infinity;
  const toMs = state.weeks.length ? state.weeks[state.to] + WEEK : Infinity;
  const markers = [];
  for (const ev of state.events)
    if (ev.geometry && passes(ev.properties, f, fromMs, toMs, whole)) markers.push(markerFor(ev));
  cluster.clearLayers();
  cluster.addLayers(markers);
  el('map').dataset.shown = String(markers.length);
  el('range-label').textContent = state.weeks.length
    ? isoDay(fromMs) + ' to ' + isoDay(toMs - 86400000) + ': ' + markers.length + ' events on the map'
    : markers.length + ' events on the map';
  drawHistogram();
  downloadLinks();
  writeHash(map);
}

function downloadLinks() {
  const q = new URLSearchParams();
  const f = state.filters;
  if (f.type) q.set('type', f.type);
  if (f.sub) q.set('sub_type', f.sub);
  if (f.actor) q.set('actor', f.actor);
  if (f.country) q.set('country', f.country);
  if (state.weeks.length && !(state.from === 0 && state.to === state.weeks.length - 1)) {
    q.set('since', isoDay(state.weeks[state.from]));
    q.set('until', isoDay(state.weeks[state.to] + WEEK - 86400000));
  }
  q.set('limit', '10000');
  el('dl-csv').href = '/api/events?format=csv&' + q.toString();
  el('dl-geojson').href = '/api/events?format=geojson&' + q.toString();
}

// ---- who holds which town at the range's end ------------------------------------------

const HOLDER_COLOURS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#1f78b4'];

async function drawControl(control, legend) {
  const at = state.weeks.length ? isoDay(state.weeks[state.to] + WEEK - 86400000) : isoDay(Date.now());
  if (at === state.controlAt) return;
  state.controlAt = at;
  let rows = [];
  try {
    rows = (await getJSON('/api/control?at=' + at)).control;
  } catch (e) {
    el('status').textContent = 'control: ' + e.message;
  }
  control.clearLayers();
  const holders = [...new Set(rows.map((r) => r.holder || 'not reported'))].sort();
  const colour = (h) => HOLDER_COLOURS[holders.indexOf(h) % HOLDER_COLOURS.length];
  let n = 0;
  for (const r of rows) {
    if (r.latitude == null) continue;
    const h = r.holder || 'not reported';
    L.circleMarker([r.latitude, r.longitude], {
      radius: 9, color: colour(h), weight: 3, fill: false, dashArray: '3 2',
    }).bindTooltip(esc(r.location) + ': ' + esc(h) + ' since ' + esc(r.since)).addTo(control);
    n++;
  }
  el('map').dataset.control = String(n);
  el('map').dataset.controlHolders = holders.join('|');
  legend.update(at, holders, colour);
}

function makeLegend(map) {
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => {
    legend.div = L.DomUtil.create('div', 'legend');
    return legend.div;
  };
  legend.update = (at, holders, colour) => {
    const types = Object.entries(TYPE_COLOURS).map(([t, c]) =>
      '<div><i style="background:' + c + ';border-radius:50%"></i>' + esc(t) + '</div>').join('');
    const held = holders.length
      ? holders.map((h) => '<div><i style="border:2px dashed ' + colour(h) + '"></i>' + esc(h) + '</div>').join('')
      : '<div>no change of hands stored</div>';
    legend.div.innerHTML = '<h4>Events</h4>' + types + '<h4>Held on ' + esc(at) + '</h4>' + held;
  };
  legend.addTo(map);
  return legend;
}

// ---- start ---------------------------------------------------------------------------

async function main() {
  const h = readHash();
  // no tile layer gives the zooms: the marker clusters need them said
  const map = L.map('map', { worldCopyJump: true, minZoom: 2, maxZoom: 16 })
    .setView([+(h.lat || 30), +(h.lon || 30)], +(h.z || 3));
  loadBorders(map);
  const cluster = L.markerClusterGroup({ maxClusterRadius: 40 }).addTo(map);
  const control = L.layerGroup().addTo(map);
  L.control.layers(null, { 'Events': cluster, 'Who holds which town': control }, { collapsed: false }).addTo(map);
  const legend = makeLegend(map);

  const [{ features, more }, stats] = await Promise.all([loadEvents(), getJSON('/api/stats')]);
  state.events = features;
  el('status').textContent = stats.merged + ' events in the store' +
    (more ? ', the first ' + features.length + ' loaded: narrow the filters' : '');

  const props = features.map((f) => f.properties);
  fillSelect(el('f-type'), new Set(props.map((p) => p.event_type)));
  fillSelect(el('f-sub'), new Set(props.map((p) => p.sub_event_type)));
  fillSelect(el('f-country'), new Set(props.map((p) => p.country).filter(Boolean)));
  const dl = el('actors');
  for (const a of [...new Set(props.flatMap((p) => [p.actor1, p.actor2]).filter(Boolean))].sort()) {
    const o = document.createElement('option');
    o.value = a;
    dl.appendChild(o);
  }

  const dated = props.filter((p) => p.event_date).map((p) => weekStart(p.event_date));
  if (dated.length) {
    const lo = Math.min(...dated), hi = Math.max(...dated);
    for (let t = lo; t <= hi; t += WEEK) state.weeks.push(t);
  }
  const last = Math.max(0, state.weeks.length - 1);
  const idx = (day, dflt) => {
    if (!day || !state.weeks.length) return dflt;
    const i = Math.round((weekStart(day) - state.weeks[0]) / WEEK);
    return Math.min(Math.max(i, 0), last);
  };
  state.from = idx(h.from, 0);
  state.to = Math.max(state.from, idx(h.to, last));
  state.filters = { type: h.type || '', sub: h.sub || '', actor: h.actor || '', country: h.country || '' };
  for (const [id, k] of [['f-type', 'type'], ['f-sub', 'sub'], ['f-actor', 'actor'], ['f-country', 'country']])
    el(id).value = state.filters[k];
  const from = el('t-from'), to = el('t-to');
  from.max = to.max = String(last);
  from.value = String(state.from);
  to.value = String(state.to);

  const update = () => {
    redraw(map, cluster);
    drawControl(control, legend);
  };
  const onSlide = () => {
    let a = +from.value, b = +to.value;
    if (a > b) [a, b] = [b, a];
    state.from = a;
    state.to = b;
    update();
  };
  from.addEventListener('input', onSlide);
  to.addEventListener('input', onSlide);
  for (const [id, k] of [['f-type', 'type'], ['f-sub', 'sub'], ['f-actor', 'actor'], ['f-country', 'country']])
    el(id).addEventListener(id === 'f-actor' ? 'input' : 'change', () => {
      state.filters[k] = el(id).value;
      update();
    });
  map.on('moveend', () => writeHash(map));

  redraw(map, cluster);
  await drawControl(control, legend);
  if (!h.lat && cluster.getLayers().length) map.fitBounds(cluster.getBounds(), { maxZoom: 8, padding: [20, 20] });
  el('map').dataset.loaded = '1';
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  el('status').textContent = 'the map could not load: ' + (e && e.message ? e.message : e);
  el('map').dataset.loaded = 'error';
});
