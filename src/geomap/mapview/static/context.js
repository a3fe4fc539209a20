/* geomap's offline context (geomap.mapview.context): first-level borders, coast, lakes, rivers and town labels.
 *
 * Why lazy: the files are ~12 MB; a world view needs none of them. They are fetched once, when the map first shows
 * zoom >= cfg.minZoom, and only after the event layer has drawn (the first markers never wait for them). Drawn on
 * one canvas in a pane under the events, not interactive, so they never hide or steal a click. With online tiles
 * on (cfg.online) nothing loads unless the tiles fail; then a notice says so and these layers stand in.
 * Place names are data: they reach the page through textContent only.
 */
(function () {
  'use strict';
  var geomap = window.geomap = window.geomap || {};
  var WATER = '#4f8fc9';
  var STYLES = {
    lakes: {color: WATER, weight: 0.6, fillColor: '#a8c9e8', fillOpacity: 1},
    rivers: {color: WATER, weight: 1.2, opacity: 0.9},
    coast: {color: WATER, weight: 0.9, opacity: 0.9},
    admin1: {color: '#80858c', weight: 0.9, opacity: 0.9, dashArray: '4 3'}
  };
  var ORDER = ['lakes', 'rivers', 'coast', 'admin1'];  // drawn bottom to top

  function pane(map, name, z) {
    var p = map.getPane(name) || map.createPane(name);
    p.style.zIndex = z;
    p.style.pointerEvents = 'none';
    return p;
  }

  geomap.context = function (map, cfg) {
    var ctx = new Context(map, cfg);
    if (cfg.online) { ctx.watchTiles(); } else { ctx.arm(); }
    return ctx;
  };

  function Context(map, cfg) {
    this.map = map;
    this.cfg = cfg;
    this.state = 'idle';
    this.places = null;
    this.stats = window.geomapContext = {state: 'idle', features: {}, labels: 0, fallback: false};
  }

  Context.prototype.arm = function () {
    // load when the map first reaches minZoom; relabel after every move
    var self = this, map = this.map;
    pane(map, 'geomapContext', 300);
    pane(map, 'geomapLabels', 350);
    map.attributionControl.addAttribution('Context: Natural Earth, GeoNames');
    var check = function () {
      if (map.getZoom() >= self.cfg.minZoom && self.state === 'idle') { self.afterEvents(); }
      self.label();
    };
    map.on('moveend', check);
    map.whenReady(check);
  };

  Context.prototype.afterEvents = function () {
    // wait for the event layer's first draw (or 8 s, a map without one), then one more frame for its paint
    var self = this, waited = 0;
    this.state = this.stats.state = 'waiting';
    var tick = function () {
      if (window.geomapEvents || waited >= 8000) {
        window.requestAnimationFrame(function () { setTimeout(function () { self.load(); }, 0); });
      } else { waited += 100; setTimeout(tick, 100); }
    };
    tick();
  };

  Context.prototype.load = function () {
    // the files are fetched in parallel and drawn one per task, so the page stays responsive in between
    var self = this, base = this.cfg.url;
    this.state = this.stats.state = 'loading';
    this.stats.started = Date.now();
    this.renderer = L.canvas({pane: 'geomapContext', padding: 0.2});
    var get = function (f) {
      return fetch(base + '/' + f).then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; });
    };
    var jobs = ORDER.map(function (name) { return {name: name, data: get(name + '.geojson')}; });
    var places = get('places.json');
    var next = function (i) {
      if (i === jobs.length) {
        places.then(function (p) { self.setPlaces(p); });
        return;
      }
      jobs[i].data.then(function (gj) {
        self.draw(jobs[i].name, gj);
        setTimeout(function () { next(i + 1); }, 0);
      });
    };
    next(0);
  };

  Context.prototype.draw = function (name, gj) {
    if (!gj || !gj.features) { this.stats.features[name] = 0; return; }
    // pane and renderer go to every path's constructor (GeoJSON passes its options on); the style after
    L.geoJSON(gj, {style: function () { return STYLES[name]; }, interactive: false, pane: 'geomapContext',
                   renderer: this.renderer}).addTo(this.map);
    this.stats.features[name] = gj.features.length;
  };

  Context.prototype.setPlaces = function (p) {
    var cols = (p && p.columns) || [];
    this.col = {name: cols.indexOf('name'), lat: cols.indexOf('lat'), lon: cols.indexOf('lon'),
                pop: cols.indexOf('population')};
    this.places = (p && p.rows) || [];
    this.labels = L.layerGroup().addTo(this.map);
    this.state = this.stats.state = 'loaded';
    this.stats.places = this.places.length;
    this.stats.loadMs = Date.now() - this.stats.started;  // fetch, parse and draw of all files
    this.label();
  };

  Context.prototype.minPop = function (zoom) {
    var min = Infinity;
    this.cfg.minPop.forEach(function (zp) { if (zoom >= zp[0]) { min = zp[1]; } });
    return min;
  };

  Context.prototype.label = function () {
    // the largest towns in view above the zoom's population floor, at most labelCap, none overlapping another
    if (!this.labels) { return; }
    var map = this.map, C = this.col, rows = this.places, cap = this.cfg.labelCap;
    var zoom = map.getZoom(), floor = this.minPop(zoom), view = map.getBounds(), boxes = [], out = [];
    this.labels.clearLayers();
    for (var i = 0; i < rows.length && out.length < cap && zoom >= this.cfg.minZoom; i++) {
      var r = rows[i];
      if (r[C.pop] < floor) { break; }  // rows come largest first
      if (!view.contains([r[C.lat], r[C.lon]])) { continue; }
      var at = map.latLngToContainerPoint([r[C.lat], r[C.lon]]);
      var box = [at.x - 4, at.y - 8, at.x + 8 + 6.5 * String(r[C.name]).length, at.y + 8];
      if (boxes.some(function (b) { return box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]; })) {
        continue;
      }
      boxes.push(box);
      out.push(r);
    }
    for (var j = 0; j < out.length; j++) { this.labels.addLayer(this.placeLabel(out[j])); }
    this.stats.labels = out.length;
    this.stats.labelled = out.map(function (r) { return r[C.name]; });
  };

  Context.prototype.placeLabel = function (r) {
    var C = this.col, span = document.createElement('span');
    span.textContent = String(r[C.name]);
    return L.marker([r[C.lat], r[C.lon]], {pane: 'geomapLabels', interactive: false, keyboard: false,
      icon: L.divIcon({className: 'geomap-place', html: span, iconSize: [0, 0]})});
  };

  Context.prototype.watchTiles = function () {
    // online tiles on: the first tile that fails before any has loaded means no internet -> offline layers
    var self = this, tiles = [], loaded = 0;
    this.map.eachLayer(function (l) { if (l instanceof L.TileLayer) { tiles.push(l); } });
    tiles.forEach(function (t) {
      t.on('tileload', function () { loaded++; });
      t.on('tileerror', function () { if (!loaded && !self.stats.fallback) { self.fallback(tiles); } });
    });
  };

  Context.prototype.fallback = function (tiles) {
    var map = this.map, refill = function (l) {
      // the country fill was left transparent for the tiles: the offline map needs it back
      if (l.options && l.options.pane === 'geomapBase' && l.setStyle) { l.setStyle({fillOpacity: 1}); }
    };
    this.stats.fallback = true;
    tiles.forEach(function (t) { map.removeLayer(t); });
    map.eachLayer(refill);
    map.on('layeradd', function (e) { refill(e.layer); });
    var note = L.control({position: 'topright'});
    note.onAdd = function () {
      var d = L.DomUtil.create('div', 'geomap-offline-note');
      d.textContent = 'Online tiles could not be loaded (no internet?): showing the offline map.';
      return d;
    };
    note.addTo(map);
    this.arm();
  };
})();
