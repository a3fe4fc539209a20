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
    map.attributionControl.addAttribution('World Data Bank II, GeoNames');  // Natural Earth: map.js
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
    var names = Promise.all([get('regions.json'), get('places.json')]);
    var next = function (i) {
      if (i === jobs.length) {
        names.then(function (n) { self.setPlaces(n[0], n[1]); });
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

  function table(p) {
    // a names file ({columns, rows}, largest first) with its column positions
    var cols = (p && p.columns) || [];
    return {rows: (p && p.rows) || [], name: cols.indexOf('name'), lat: cols.indexOf('lat'),
            lon: cols.indexOf('lon'), pop: cols.indexOf('population')};
  }

  Context.prototype.setPlaces = function (regions, places) {
    this.regions = table(regions);
    this.places = table(places);
    this.labels = L.layerGroup().addTo(this.map);
    this.state = this.stats.state = 'loaded';
    this.stats.places = this.places.rows.length;
    this.stats.regions = this.regions.rows.length;
    this.stats.loadMs = Date.now() - this.stats.started;  // fetch, parse and draw of all files
    this.label();
  };

  Context.prototype.minPop = function (zoom) {
    var min = Infinity;
    this.cfg.minPop.forEach(function (zp) { if (zoom >= zp[0]) { min = zp[1]; } });
    return min;
  };

  function free(box, boxes) {
    return !boxes.some(function (b) { return box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]; });
  }

  Context.prototype.pick = function (t, band, cap, boxes, cls) {
    // the largest names of table `t` in view with band[0] <= population < band[1], at most `cap`, none overlapping
    // a box already taken; a region name may move a line up or down (its point is often its capital's)
    var map = this.map, view = map.getBounds(), out = [], region = cls === 'geomap-region';
    var shifts = region ? [0, -16, 16] : [0];
    for (var i = 0; i < t.rows.length && out.length < cap; i++) {
      var r = t.rows[i], name = String(r[t.name]);
      if (r[t.pop] < band[0]) { break; }  // rows come largest first
      if (r[t.pop] >= band[1] || !view.contains([r[t.lat], r[t.lon]])) { continue; }
      var at = map.latLngToContainerPoint([r[t.lat], r[t.lon]]), w = (region ? 7.5 : 6.5) * name.length;
      for (var k = 0; k < shifts.length; k++) {
        var y = at.y + shifts[k];
        var box = region ? [at.x - w / 2, y - 8, at.x + w / 2, y + 8] : [at.x - 4, y - 8, at.x + 8 + w, y + 8];
        if (free(box, boxes)) {
          boxes.push(box);
          out.push(this.nameLabel(map.containerPointToLatLng([at.x, y]), name, cls));
          break;
        }
      }
    }
    return out;
  };

  Context.prototype.label = function () {
    // the big cities first, then region names around them, then the other towns; redrawn after every move
    if (!this.labels) { return; }
    var zoom = this.map.getZoom(), boxes = [], regions = [], towns = [], big = this.cfg.bigCity;
    this.labels.clearLayers();
    if (zoom >= this.cfg.minZoom) {
      var floor = this.minPop(zoom), cap = this.cfg.labelCap;
      towns = this.pick(this.places, [Math.max(big, floor), Infinity], cap, boxes, 'geomap-place');
      regions = this.pick(this.regions, [0, Infinity], this.cfg.regionCap, boxes, 'geomap-region');
      towns = towns.concat(this.pick(this.places, [floor, big], cap - towns.length, boxes, 'geomap-place'));
    }
    var all = regions.concat(towns);
    for (var j = 0; j < all.length; j++) { this.labels.addLayer(all[j]); }
    this.stats.labels = towns.length;
    this.stats.regionLabels = regions.length;
    this.stats.labelled = all.map(function (m) { return m.options.title; });
  };

  Context.prototype.nameLabel = function (at, name, cls) {
    var span = document.createElement('span');
    span.textContent = name;
    return L.marker(at, {pane: 'geomapLabels', interactive: false, keyboard: false, title: name,
      icon: L.divIcon({className: cls, html: span, iconSize: [0, 0]})});
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
