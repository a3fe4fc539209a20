/* geomap's map code (geomap.mapview): the offline borders, the start-view seed and the event layer.
 *
 * Loaded once per map document, last in geomap-vendor.js; the scripts folium writes for each map only call
 * window.geomap.borders / seedView / eventLayer with a JSON config built in Python. An event is one positional
 * row; `cfg.columns` (mapview.payload.COLUMN_INDEX) says which position holds what, so this file never names a
 * position by number. Article text is untrusted: it reaches the page only through textContent or esc().
 */
(function () {
  'use strict';
  var geomap = window.geomap = window.geomap || {};
  var AFTER_MS = 300;  // see afterDraw
  var PENDING = {kind: 'pending'};  // EventLayer.shape's answer for a clustered point

  function countries(url) {
    // one fetch per map document, shared by the borders layer and the event layer
    window.geomapCountriesP = window.geomapCountriesP || fetch(url).then(function (r) {
      return r.ok ? r.json() : null; }).catch(function () { return null; });
    return window.geomapCountriesP;
  }

  function countryIndex(url) {
    // resolves to {iso_a2: feature}, built once per document
    return countries(url).then(function (gj) {
      if (!window.geomapCountryIndex) {
        var idx = {};
        ((gj && gj.features) || []).forEach(function (f) {
          var c = f.properties && f.properties.iso_a2;
          if (c && c !== '-99') { idx[c] = f; }
        });
        window.geomapCountryIndex = idx;
      }
      return window.geomapCountryIndex;
    });
  }

  /* Offline basemap: Natural Earth country polygons in their own pane under the events, not interactive, so it
     never hides or steals a click. */
  geomap.borders = function (map, url, fillOpacity) {
    var pane = map.getPane('geomapBase') || map.createPane('geomapBase');
    pane.style.zIndex = 250;
    pane.style.pointerEvents = 'none';
    map.attributionControl.addAttribution('Natural Earth');  // short: a long line wraps over the map's foot
    function draw(gj) {
      if (!gj) { return; }
      L.geoJSON(gj, {pane: 'geomapBase', interactive: false,
        style: {color: '#8a8f98', weight: 0.7, fillColor: '#f4f1ea', fillOpacity: fillOpacity}
      }).addTo(map);
      window.geomapBorders = (gj.features || []).length;
    }
    // after the first event layer's markers are painted when one is loading (their fetches run together, and
    // building the borders first kept the markers ~0.2 s from the screen), at once otherwise
    countries(url).then(function (gj) {
      var later = function () { requestAnimationFrame(function () { setTimeout(function () { draw(gj); }, 0); }); };
      if (window.geomapFirstLayer) { window.geomapFirstLayer.then(later, later); } else { draw(gj); }
    });
  };

  /* Tells streamlit-folium that the start view is already known to Python (see mapview.layers.ViewSeed). */
  geomap.seedView = function (map, keys) {
    var g = window.__GLOBAL_DATA__;
    if (!g || !g.returned_objects) { return; }
    var seed = {}, ok = true;
    keys.forEach(function (k) {
      if (g.returned_objects.indexOf(k) < 0) { return; }
      if (k === 'zoom') { seed.zoom = map.getZoom(); }
      else if (k === 'center') { seed.center = map.getCenter(); }
      else if (k === 'last_object_clicked_tooltip') { seed[k] = null; }
      else { ok = false; }  // a key this seed does not know: leave streamlit-folium's default alone
    });
    if (ok) { g.previous_data = JSON.parse(JSON.stringify(seed)); }
  };

  /* ---- overlays (geomap.mapview.overlays) ----
     The user's GeoJSON layers, fetched by URL, in their own pane under the events (z-index 350 < the events' 400),
     so a line or an area never hides or takes a marker's click. Names and descriptions are untrusted: the tooltip
     is a DOM element filled with textContent (streamlit-folium then reports it as "[object ...]", never an id). */
  function overlayTip(ov, f) {
    var p = (f && f.properties) || {}, d = el('div', null, 'geomap-overlay-tip');
    d.appendChild(el('b', ov.name));
    if (p.name) { d.appendChild(el('div', p.name)); }
    if (p.description) { d.appendChild(el('div', p.description, 'geomap-meta')); }
    return d;
  }

  geomap.overlayLayer = function (group, cfg) {
    var state = window.geomapOverlays = {count: cfg.overlays.length, drawn: {}, failed: []};
    cfg.overlays.forEach(function (ov) {
      fetch(ov.url).then(function (r) { return r.json(); }).then(function (gj) {
        var map = group._map;
        if (map && !map.getPane('geomapOverlays')) { map.createPane('geomapOverlays').style.zIndex = 350; }
        var layer = L.geoJSON(gj, {
          pane: 'geomapOverlays',
          style: function (f) {
            var area = /Polygon/.test(f.geometry.type);
            return {color: ov.color, weight: area ? 2 : 3, opacity: 0.9, fillColor: ov.color,
                    fillOpacity: area ? 0.12 : 0, className: 'geomap-overlay geomap-overlay-' + ov.id};
          },
          pointToLayer: function (f, at) {
            return L.circleMarker(at, {pane: 'geomapOverlays', radius: 4, color: ov.color, weight: 2,
                                       fillOpacity: 0.6, className: 'geomap-overlay geomap-overlay-' + ov.id});
          },
          onEachFeature: function (f, l) {
            l.bindTooltip(overlayTip(ov, f), {sticky: /Polygon/.test(f.geometry.type)});
          }
        });
        group.addLayer(layer);
        state.drawn[ov.id] = (gj.features || []).length;
      }).catch(function (e) { state.failed.push(ov.id + ': ' + e); });
    });
  };

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text != null) { e.textContent = String(text); }
    return e;
  }

  function dotColors(cfg) {
    // the cluster-mode dots' colour per event type, from the same table as everything else (once per document)
    if (document.getElementById('geomap-dot-colors')) { return; }
    var s = el('style');
    s.id = 'geomap-dot-colors';
    s.textContent = cfg.colors.map(function (c, i) {
      return '.geomap-dot.geomap-t' + i + ' { background: ' + c + '; }';
    }).join('\n') + '\n.geomap-dot.geomap-t-1 { background: ' + cfg.other + '; }';
    document.head.appendChild(s);
  }

  /* The rows of a columnar payload file (mapview.payload.columnar_payload; rows_from_columns is its twin), filled
     one column at a time: a plain loop per column, not a function call per cell (50,000 rows x 20 columns). */
  function fromColumns(p, C) {
    var n = p.loc.length, width = Object.keys(C).length, rows = new Array(n), i;
    for (i = 0; i < n; i++) { rows[i] = new Array(width); }
    Object.keys(C).forEach(function (f) {
      var at = C[f], col, table;
      if (p.places[f]) {
        col = p.places[f];
        for (i = 0; i < n; i++) { rows[i][at] = col[p.loc[i]]; }
      } else if (!p.cols[f]) {
        for (i = 0; i < n; i++) { rows[i][at] = ''; }
      } else if (p.refs[f]) {
        col = p.cols[f]; table = p.shared[p.refs[f]];
        for (i = 0; i < n; i++) { rows[i][at] = table[col[i]]; }
      } else {
        col = p.cols[f];
        for (i = 0; i < n; i++) { rows[i][at] = col[i]; }
      }
    });
    for (i = 0; i < n; i++) { rows[i][C.id] = String(rows[i][C.id]); }
    return rows;
  }

  /* The events of one FeatureGroup. `cfg`: columns, types, colors, precs, other, cluster, heat, countries (URL),
     selected (an event id to select once drawn), url (of a payload file, else `rows` are inline). */
  geomap.eventLayer = function (group, cfg, rows) {
    var layer = new EventLayer(group, cfg);
    if (cfg.url) {
      var built = fetch(cfg.url).then(function (r) { return r.json(); }).then(function (p) { return layer.start(p); });
      window.geomapFirstLayer = window.geomapFirstLayer || built;  // what the borders wait for (geomap.borders)
    } else {
      layer.start(rows);
    }
    return layer;
  };

  /* A user who leaves the map page (the app's navigation) before the map presses its after-draw button must not be
     sent back: that press would rerun the map page over the navigation. Watched from the moment this script runs
     until the press or the frame's end (a listener left on the page would keep this whole frame in memory). */
  var leaving = false, pagePath = null;
  function onPageClick(e) {
    if (e.target && e.target.closest && e.target.closest('[data-testid="stSidebarNav"]')) { leaving = true; }
  }
  function unwatch() {
    try { window.parent.document.removeEventListener('click', onPageClick, true); } catch (e) { /* page gone */ }
  }
  try {
    pagePath = window.parent.location.pathname;
    window.parent.document.addEventListener('click', onPageClick, true);
    window.addEventListener('pagehide', unwatch);
  } catch (e) { /* not inside the app's page: nothing to watch */ }

  function afterDraw() {
    // The page draws its sidebar, feed and the sections below the map (timeline, summaries) only once the map is
    // drawn, so that the first draw has the browser's main thread to itself (geomap.ui_summaries): press the page's
    // button that asks for them, once per map document. Pressed once the markers are painted (two animation
    // frames: the canvas renderer draws in one) and AFTER_MS later, so the painted map and a first pan get the
    // thread before the page's next run renders; never once the user has left for another page. The map's frame
    // shares the page's origin; in any other page, or with no such button, nothing happens.
    if (window.geomapAfterDraw) { return; }
    window.geomapAfterDraw = true;
    var tries = 0;
    function press() {
      var button = leaving ? undefined : pageButton('after_map');
      if (button === undefined) { unwatch(); return; }
      if (button) { unwatch(); button.click(); } else if (++tries < 40) { setTimeout(press, 250); } else { unwatch(); }
    }
    requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(press, AFTER_MS); }); });
  }

  function pageButton(key) {
    // the map page's button with this Streamlit key; null while not (yet) there, undefined once this frame's page
    // is not the one shown (another page of the app) or is not an app page at all
    try {
      if (window.parent.location.pathname !== pagePath) { return undefined; }
      return window.parent.document.querySelector('.st-key-' + key + ' button');
    } catch (e) { return undefined; }
  }

  /* New events in the store (geomap.follow): the server keeps the store's counts in a small file; this frame fetches
     it every few seconds and, when it differs from the counts the page was drawn with, presses the page's hidden
     button that reruns it. One poller per frame; each event layer swapped in brings the counts it was drawn with.
     `cfg`: url (of the counts file), counts (as drawn), every_ms. */
  var follow = null;
  geomap.followStore = function (cfg) {
    var first = !follow;
    follow = {url: cfg.url, seen: String(cfg.counts), every: cfg.every_ms};
    if (first) { setTimeout(lookAtStore, follow.every); }
  };
  function lookAtStore() {
    fetch(follow.url, {cache: 'no-store'}).then(function (r) { return r.ok ? r.text() : null; })
      .catch(function () { return null; })
      .then(function (text) {
        var button = pageButton('store_changed'), counts = text === null ? '' : text.trim();
        if (button === undefined) { return; }  // the user left the map page: this frame's work is over
        if (counts && counts !== follow.seen && button) {
          follow.seen = counts;
          button.click();
        }
        setTimeout(lookAtStore, follow.every);
      });
  }

  function EventLayer(group, cfg) {
    this.group = group;
    this.cfg = cfg;
    this.C = cfg.columns;
    this.dots = [];      // point markers (for the nearest-centre click)
    this.rows = [];      // every event drawn
  }

  EventLayer.prototype.start = function (rows) {
    // draws the rows (or a columnar payload); returns a promise of the layer built
    var C = this.C, cfg = this.cfg, self = this;
    if (!Array.isArray(rows)) { rows = fromColumns(rows, C); }
    var needs = rows.some(function (ev) { return cfg.precs[ev[C.precision]] === 'country' && !!ev[C.country_code]; });
    if (needs) {
      return countryIndex(cfg.countries).then(function (idx) { self.build(rows, idx); });
    }
    this.build(rows, {});
    return Promise.resolve();
  };

  EventLayer.prototype.when = function (ev) {
    var C = this.C;
    return ev[C.date_end] && ev[C.date_end] !== ev[C.date] ? ev[C.date] + ' \u2013 ' + ev[C.date_end] : ev[C.date];
  };

  EventLayer.prototype.tip = function (ev) {
    var C = this.C;
    return esc(ev[C.name] || ev[C.place]) + ' \u00b7 ' + esc(this.when(ev)) + ' \u00b7 #' + esc(ev[C.id]);
  };

  EventLayer.prototype.ensureTip = function (l) {
    if (l && l.options && l.options.ev && !l._tooltip) { l.bindTooltip(this.tip(l.options.ev)); }
  };

  EventLayer.prototype.popup = function (ev) {
    var C = this.C, d = el('div', null, 'geomap-popup');
    d.appendChild(el('b', ev[C.name] || ev[C.place]));
    d.appendChild(el('div', this.when(ev) + ' \u00b7 ' + (this.cfg.types[ev[C.type]] || 'Event') + ' \u00b7 ' +
                     this.cfg.precs[ev[C.precision]], 'geomap-meta'));
    var s = ev[C.sentence], p = el('p', null, 'geomap-sentence');
    if (s) {
      var a = ev[C.place_start], place = ev[C.place] || '';
      if (a >= 0 && place && s.substr(a, place.length) === place) {
        p.append(s.slice(0, a)); p.appendChild(el('mark', place)); p.append(s.slice(a + place.length));
      } else { p.textContent = s; }
    } else { p.textContent = 'The source sentence is shown beside the map.'; }
    d.appendChild(p);
    if (ev[C.title]) { d.appendChild(el('div', ev[C.title], 'geomap-meta')); }
    if (ev[C.sources] > 1) { d.appendChild(el('div', ev[C.sources] + ' sources', 'geomap-meta')); }
    return d;
  };

  EventLayer.prototype.popupHere = function (ev) {
    // every event at this very point: co-located events (one city, one day) are all reachable from one click
    var C = this.C, lat = ev[C.lat], lon = ev[C.lon], box = el('div', null, 'geomap-popups');
    var here = this.rows.filter(function (x) { return x[C.lat] === lat && x[C.lon] === lon; });  // one pass per click
    box.appendChild(this.popup(ev));
    var rest = here.filter(function (x) { return x !== ev; }), self = this;
    rest.slice(0, 4).forEach(function (x) { box.appendChild(el('hr')); box.appendChild(self.popup(x)); });
    if (rest.length > 4) { box.appendChild(el('div', (rest.length - 4) + ' more beside the map', 'geomap-meta')); }
    return box;
  };

  EventLayer.prototype.aimed = function (e, l, map) {
    // The point marker whose centre is nearest the click: at the default zoom neighbours overlap, and the one
    // drawn on top is not always the one aimed at (Bakhmut vs Novohrodivka).
    // (Leaflet reports a small circle's own centre as the event's containerPoint: use the mouse's position)
    var dots = this.dots;
    if (!e.originalEvent || e.originalEvent.clientX === undefined || this.cfg.cluster || dots.length > 20000) {
      return l;
    }
    var at = map.mouseEventToContainerPoint(e.originalEvent);
    var dot = l instanceof L.CircleMarker && !(l instanceof L.Circle);  // a point marker (not an area)
    var best = l, bestD = dot ? at.distanceTo(map.latLngToContainerPoint(l.getLatLng())) : 9;
    for (var i = 0; i < dots.length; i++) {
      var d = at.distanceTo(map.latLngToContainerPoint(dots[i].getLatLng()));
      if (d < bestD) { bestD = d; best = dots[i]; }
    }
    return best;
  };

  EventLayer.prototype.onClick = function (e) {
    var l = e.sourceTarget || e.layer;
    if (!l || !l.options || !l.options.ev) { return; }
    var map = l._map || this.group._map;
    if (!map) { return; }
    l = this.aimed(e, l, map);
    this.ensureTip(l);
    e.sourceTarget = l;  // what streamlit-folium reports to Python (the event propagates on to its handler)
    this.select(l, map);
  };

  EventLayer.prototype.select = function (l, map) {
    if (window.geomapChosen && window.geomapChosen._path) {
      L.DomUtil.removeClass(window.geomapChosen._path, 'geomap-chosen');
    }
    window.geomapChosen = l;
    if (l._path) { L.DomUtil.addClass(l._path, 'geomap-chosen'); }
    if (l.bringToFront) { l.bringToFront(); }
    var at = l.getLatLng ? l.getLatLng() : l.getBounds().getCenter();
    // opened above the point with a gap, not over it: the marker and its neighbours below stay clickable
    // no wider than the map (a phone's map is ~360 px): a wider popup was cut off at the map's edge
    var width = Math.max(160, Math.min(360, map.getSize().x - 70));
    L.popup({maxWidth: width, maxHeight: 240, autoPanPadding: [20, 20],
      offset: [0, -6]}).setLatLng(at)
      .setContent(this.popupHere(l.options.ev)).openOn(map);
    window.geomapSelected = l.options.ev[this.C.id];
  };

  EventLayer.prototype.dot = function (ev) {
    // a clustered layer's lone event; one shared icon per type and precision (many icon objects cost the browser
    // garbage-collection time)
    var C = this.C, prec = this.cfg.precs[ev[C.precision]] || 'city', ik = prec + ev[C.type];
    var icon = this.icons[ik] || (this.icons[ik] = L.divIcon({iconSize: [12, 12], html: '',
      className: 'geomap-event geomap-' + prec + ' geomap-t' + ev[C.type] + ' geomap-dot'}));
    return L.marker([ev[C.lat], ev[C.lon]], {ev: ev, icon: icon});
  };

  EventLayer.prototype.shape = function (ev, cidx, renderer) {
    // one event's Leaflet layer and where it goes: 'area' (country outline or circle) or 'point'
    var C = this.C, cfg = this.cfg, self = this, prec = cfg.precs[ev[C.precision]] || 'city';
    var poly = prec === 'country' && ev[C.country_code] ? cidx[ev[C.country_code]] : null;
    if (cfg.cluster && !poly && !(ev[C.radius_m] > 0)) { return PENDING; }  // drawn by geomap.GridCluster
    var color = cfg.colors[ev[C.type]] || cfg.other, at = [ev[C.lat], ev[C.lon]];
    var cls = 'geomap-event geomap-' + prec + ' geomap-t' + ev[C.type];
    if (poly) {
      // a country is drawn as its own outline: "Belarus" must never look like a pin on one town
      return {kind: 'polygon', layer: L.geoJSON(poly, {style: function () {
        return {color: color, weight: 1.2, opacity: 0.8, fillColor: color, fillOpacity: 0.12,
                className: cls + ' geomap-polygon'};
      }, onEachFeature: function (f, l) { l.options.ev = ev; self.ensureTip(l); }})};
    }
    if (ev[C.radius_m] > 0) {
      return {kind: 'area', layer: L.circle(at, {radius: ev[C.radius_m], color: color, weight: 1.2, opacity: 0.8,
        fillColor: color, fillOpacity: prec === 'district' ? 0.3 : 0.12, className: cls, ev: ev})};
    }
    return {kind: 'point', layer: L.circleMarker(at, {radius: 6, color: '#ffffff', weight: 1, fillColor: color,
      fillOpacity: 0.9, className: cls, ev: ev, renderer: renderer})};
  };

  EventLayer.prototype.build = function (rows, cidx) {
    var C = this.C, cfg = this.cfg, group = this.group, self = this, nPoly = 0;
    var points = L.featureGroup(), areas = L.featureGroup(), pending = [], heat = [];
    var renderer = (!cfg.cluster && rows.length > 3000) ? L.canvas({padding: 0.3}) : undefined;
    if (cfg.cluster) { dotColors(cfg); }
    this.dots = []; this.icons = {}; this.rows = rows;
    for (var i = 0; i < rows.length; i++) {
      var ev = rows[i], s = this.shape(ev, cidx, renderer);
      if (cfg.heat) { heat.push([ev[C.lat], ev[C.lon], 1]); }
      if (s.kind === 'pending') { pending.push(ev); continue; }
      if (s.kind === 'point') { points.addLayer(s.layer); this.dots.push(s.layer); } else { areas.addLayer(s.layer); }
      if (s.kind === 'polygon') { nPoly++; } else { this.ensureTip(s.layer); }
    }
    if (cfg.cluster) {
      points = new geomap.GridCluster(pending, function (e) { return [e[C.lat], e[C.lon]]; },
        function (e) { return self.dot(e); });
      points.on('mouseover', function (e) { self.ensureTip(e.sourceTarget || e.layer); });
    }
    var click = function (e) { self.onClick(e); };
    points.on('click', click);
    areas.on('click', click);
    group.addLayer(areas);
    group.addLayer(points);
    if (cfg.heat && L.heatLayer) { group.addLayer(L.heatLayer(heat, {radius: 18, blur: 15, minOpacity: 0.3})); }
    this.openSelected();
    window.geomapRows = rows;  // what is drawn, for tests and debugging (a reference, no copy)
    window.geomapColumns = C;
    window.geomapEvents = {count: rows.length, clustered: cfg.cluster, polygons: nPoly, heat: cfg.heat,
                           drawn: Date.now()};
    afterDraw();
  };

  EventLayer.prototype.openSelected = function () {
    // a permalink's or the feed's event ("id" or "id:n"): selected once per request, as if clicked, and brought
    // into view; later filter changes leave the user's own choice alone
    var sel = this.cfg.selected, group = this.group, C = this.C;
    if (!sel || window.geomapOpened === sel || !group._map) { return; }
    var want = sel.split(':')[0], found = null;
    group.eachLayer(function f(l) {
      if (found) { return; }
      if (l.options && l.options.ev && String(l.options.ev[C.id]) === want) { found = l; }
      else if (l.eachLayer) { l.eachLayer(f); }
    });
    if (!found && this.cfg.cluster) {  // a clustered event has no marker until it is alone on screen: make one
      var ev = this.rows.filter(function (r) { return String(r[C.id]) === want; })[0];
      found = ev ? this.dot(ev) : null;
    }
    if (!found) { return; }
    window.geomapOpened = sel;
    this.ensureTip(found);
    var m = group._map, to = found.getLatLng ? found.getLatLng() : found.getBounds().getCenter();
    if (!m.getBounds().pad(-0.1).contains(to)) { m.setView(to, Math.max(m.getZoom(), 7), {animate: false}); }
    this.select(found, m);
  };
})();
