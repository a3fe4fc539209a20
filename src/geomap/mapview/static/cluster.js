/* Clustered point events for the view on screen (geomap.mapview; loaded before map.js in geomap-vendor.js).
 *
 * Why not MarkerCluster: it makes a marker object for every event and a cluster tree over every zoom level before
 * the first paint, about a second of the browser's only thread at 50,000 events. This layer keeps the events as
 * plain arrays (their Web Mercator position computed once) and, whenever the view changes, groups the ones on
 * screen (plus a margin) into cells of `radius` px, joins neighbouring cells whose centres are nearer than `radius`,
 * and draws one marker per group: a few hundred markers, whatever the number of events.
 *
 * What is drawn: a lone event is the caller's own marker (`dot(ev)`, clickable like any event marker; its clicks
 * and hovers reach this layer's parents); a group is a count icon (the MarkerCluster look, its CSS) that zooms to
 * its events when clicked (not an event: its clicks stop here); events that share one exact point (one city, one
 * day), which no zoom can split, are the first one's marker with a count icon, clicked like that event (the
 * caller's popup lists every event at its point).
 */
(function () {
  'use strict';
  var geomap = window.geomap = window.geomap || {};
  var SIZES = [[10, 'small'], [100, 'medium'], [Infinity, 'large']];

  function mercator(lat, lon) {
    // the world at zoom 0 as [0, 1) x [0, 1): what Leaflet's EPSG:3857 projects to, over 256 * 2^zoom pixels
    var s = Math.sin(Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI / 180);
    return [(lon + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
  }

  geomap.GridCluster = L.Layer.extend({
    options: {radius: 45, pad: 0.3},

    // events: rows; at(ev) -> [lat, lon]; dot(ev) -> an event's marker
    initialize: function (events, at, dot, options) {
      L.setOptions(this, options);
      var n = events.length;
      this._events = events;
      this._dot = dot;
      this._x = new Float64Array(n);
      this._y = new Float64Array(n);
      this._lat = new Float64Array(n);
      this._lon = new Float64Array(n);
      for (var i = 0; i < n; i++) {
        var ll = at(events[i]), p = mercator(ll[0], ll[1]);
        this._lat[i] = ll[0]; this._lon[i] = ll[1]; this._x[i] = p[0]; this._y[i] = p[1];
      }
      this._dots = L.featureGroup();  // events: their clicks go on to this layer's parents
      this._dots.addEventParent(this);
      this._groups = L.layerGroup();  // counts: no event parent, a click on one is not an event's
      this._drawnFor = null;
    },

    onAdd: function (map) {
      map.addLayer(this._dots);
      map.addLayer(this._groups);
      map.on('moveend', this._redraw, this);
      this._redraw();
    },

    onRemove: function (map) {
      map.off('moveend', this._redraw, this);
      map.removeLayer(this._dots);
      map.removeLayer(this._groups);
      this._drawnFor = null;
    },

    _redraw: function () {
      var map = this._map;
      if (!map) { return; }
      var z = map.getZoom(), view = map.getPixelBounds(), last = this._drawnFor;
      if (last && last.z === z && last.box.contains(view)) { return; }  // a small pan: what is drawn still covers it
      var size = view.getSize(), box = L.bounds(view.min.subtract(size.multiplyBy(this.options.pad)),
                                                view.max.add(size.multiplyBy(this.options.pad)));
      this._drawnFor = {z: z, box: box};
      this._draw(this._group(z, box), z);
    },

    _group: function (z, box) {
      // the events inside `box` (pixels at zoom z) by cell, then neighbouring cells with near centres joined
      var scale = 256 * Math.pow(2, z), r = this.options.radius, cells = new Map(), list = [];
      var x0 = box.min.x, x1 = box.max.x, y0 = box.min.y, y1 = box.max.y, X = this._x, Y = this._y;
      for (var i = 0; i < X.length; i++) {
        var px = X[i] * scale, py = Y[i] * scale;
        if (px < x0 || px > x1 || py < y0 || py > y1) { continue; }
        var cx = Math.floor(px / r), cy = Math.floor(py / r), key = cx * 4194304 + cy, g = cells.get(key);
        if (!g) {
          g = {cx: cx, cy: cy, n: 0, sx: 0, sy: 0, first: i, same: true, minX: px, maxX: px, minY: py, maxY: py};
          cells.set(key, g);
          list.push(g);
        }
        g.n++; g.sx += px; g.sy += py;
        if (px < g.minX) { g.minX = px; } else if (px > g.maxX) { g.maxX = px; }
        if (py < g.minY) { g.minY = py; } else if (py > g.maxY) { g.maxY = py; }
        if (g.same && (this._lat[i] !== this._lat[g.first] || this._lon[i] !== this._lon[g.first])) { g.same = false; }
      }
      list.sort(function (a, b) { return b.n - a.n; });
      for (var k = 0; k < list.length; k++) { this._absorb(list[k], cells, r); }
      return list.filter(function (g) { return !g.into; });
    },

    _absorb: function (g, cells, r) {
      // the biggest groups first take their neighbours whose centres are nearer than r px
      if (g.into) { return; }
      for (var dx = -1; dx <= 1; dx++) {
        for (var dy = -1; dy <= 1; dy++) {
          var h = (dx || dy) && cells.get((g.cx + dx) * 4194304 + g.cy + dy);
          if (!h || h.into || h === g) { continue; }
          var ax = g.sx / g.n - h.sx / h.n, ay = g.sy / g.n - h.sy / h.n;
          if (ax * ax + ay * ay >= r * r) { continue; }
          h.into = g;
          g.same = g.same && h.same && this._lat[h.first] === this._lat[g.first] &&
                   this._lon[h.first] === this._lon[g.first];
          g.n += h.n; g.sx += h.sx; g.sy += h.sy;
          g.minX = Math.min(g.minX, h.minX); g.maxX = Math.max(g.maxX, h.maxX);
          g.minY = Math.min(g.minY, h.minY); g.maxY = Math.max(g.maxY, h.maxY);
        }
      }
    },

    _draw: function (groups, z) {
      var map = this._map, self = this;
      this._dots.clearLayers();
      this._groups.clearLayers();
      groups.forEach(function (g) {
        if (g.n === 1) { self._dots.addLayer(self._dot(self._events[g.first])); return; }
        if (g.same) {  // clicked like its first event
          self._dots.addLayer(self._dot(self._events[g.first]).setIcon(self._icon(g.n, true)));
          return;
        }
        var m = L.marker(map.unproject(L.point(g.sx / g.n, g.sy / g.n), z),
                     {icon: self._icon(g.n, false), title: g.n + ' events: click to zoom in'});
        m.on('click', function () { self._zoomTo(g, z); });
        self._groups.addLayer(m);
      });
    },

    _zoomTo: function (g, z) {
      var map = this._map, pad = 2 * this.options.radius;
      var b = L.latLngBounds(map.unproject(L.point(g.minX - pad, g.minY - pad), z),
                             map.unproject(L.point(g.maxX + pad, g.maxY + pad), z));
      var to = Math.min(Math.max(map.getBoundsZoom(b), z + 1), map.getMaxZoom());
      map.setView(b.getCenter(), to);
    },

    _icon: function (n, same) {
      var size = SIZES.filter(function (s) { return n < s[0]; })[0][1];
      var d = document.createElement('div'), s = document.createElement('span');
      s.textContent = String(n);
      d.appendChild(s);
      return L.divIcon({html: d, iconSize: [40, 40],
                        className: 'marker-cluster marker-cluster-' + size + (same ? ' geomap-stack' : '')});
    }
  });
})();
