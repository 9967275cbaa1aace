// The regional picture's map: the six countries' outlines and their first-level units (shipped
// Natural Earth data, the units keyed by ISO 3166-2 code), circles for the places of seizures and
// lines for the routes, drawn with the vendored d3-geo. No tiles, nothing fetched from outside
// this node.
(function () {
  "use strict";
  var svg = document.getElementById("seizure-map");
  var source = document.getElementById("seizure-map-data");
  if (!svg || !source || !window.d3 || !window.d3.geoPath) return;
  var data = JSON.parse(source.textContent);
  var NS = "http://www.w3.org/2000/svg";
  function make(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (parent || svg).appendChild(node);
    return node;
  }
  function load(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); });
  }
  Promise.all([load(svg.dataset.outlines), load(svg.dataset.admin1)]).then(function (loaded) {
    var outlines = loaded[0], units = loaded[1];
    var features = Object.keys(outlines.countries).map(function (code) {
      return { type: "Feature", id: code, properties: {}, geometry: { type: "MultiPolygon", coordinates: outlines.countries[code] } };
    });
    var frame = { type: "MultiPoint", coordinates: [[92, 5], [110, 5], [110, 28], [92, 28]] };
    // precision(0): no adaptive resampling (the shapes are simplified to about a pixel already)
    var projection = d3.geoMercator().precision(0).fitSize([640, 720], frame);
    var path = d3.geoPath(projection);
    var centre = {};
    var provinces = make("g", { "class": "admin1-units" });
    units.features.forEach(function (f) {
      var shape = make("path", { d: path(f), "class": "admin1", "data-code": f.id }, provinces);
      make("title", {}, shape).textContent = (data.units[f.id] || f.id) + " (" + f.id + ")";
    });
    var layer = make("g", { "class": "countries" });
    features.forEach(function (f) {
      var shape = make("path", { d: path(f), "class": "country", "data-country": f.id }, layer);
      make("title", {}, shape).textContent = f.id;
      centre[f.id] = projection(d3.geoCentroid(f));
    });
    centre.CN = projection([101.5, 24.5]);  // Yunnan, not the middle of China
    features.forEach(function (f) {
      var at = centre[f.id];
      if (at) make("text", { x: at[0], y: at[1], "class": "country-label" }).textContent = f.id;
    });
    make("defs", {}).innerHTML = '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto"><path d="M0,0L10,5L0,10z" class="flow-head"></path></marker>';
    var most = Math.max.apply(null, [1].concat(data.flows.map(function (f) { return f.n; })));
    data.flows.forEach(function (flow) {
      var points = flow.route.map(function (c) { return centre[c]; }).filter(Boolean);
      if (points.length < 2) return;
      var line = make("polyline", { points: points.map(function (p) { return p.join(","); }).join(" "), "class": "flow",
        "stroke-width": 1 + 5 * flow.n / most, "marker-end": "url(#arrow)" });
      make("title", {}, line).textContent = flow.label + ": " + flow.n;
    });
    var biggest = Math.max.apply(null, [1].concat(data.places.map(function (p) { return p.n; })));
    data.places.forEach(function (place) {
      var at = projection([place.lon, place.lat]);
      var dot = make("circle", { cx: at[0], cy: at[1], r: 3 + 14 * Math.sqrt(place.n / biggest), "class": "place" });
      make("title", {}, dot).textContent = place.unit + ": " + place.n;
    });
    svg.setAttribute("data-drawn", "true");
  });
})();
