// A small map of the directory, drawn only when the deployment configured a tile server:
// tiles from that server, one focusable marker per organisation with coordinates.
(function () {
  "use strict";
  var box = document.getElementById("directory-map");
  if (!box) { return; }
  var tiles = box.getAttribute("data-tiles");
  var markers = JSON.parse(box.getAttribute("data-markers") || "[]");
  if (!tiles || !markers.length) { return; }
  var SIZE = 256;
  function project(lat, lon, zoom) {
    var scale = SIZE * Math.pow(2, zoom);
    var sin = Math.sin(lat * Math.PI / 180);
    return { x: (lon + 180) / 360 * scale,
             y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale };
  }
  var width = box.clientWidth || 640, height = box.clientHeight || 420;
  var lats = markers.map(function (m) { return m.lat; });
  var lons = markers.map(function (m) { return m.lon; });
  var zoom = 16;
  for (; zoom > 2; zoom--) {  // the closest zoom that shows every marker
    var a = project(Math.max.apply(null, lats), Math.min.apply(null, lons), zoom);
    var b = project(Math.min.apply(null, lats), Math.max.apply(null, lons), zoom);
    if (b.x - a.x < width - 40 && b.y - a.y < height - 40) { break; }
  }
  var centre = project((Math.max.apply(null, lats) + Math.min.apply(null, lats)) / 2,
                       (Math.max.apply(null, lons) + Math.min.apply(null, lons)) / 2, zoom);
  var left = centre.x - width / 2, top = centre.y - height / 2;
  for (var tx = Math.floor(left / SIZE); tx * SIZE < left + width; tx++) {
    for (var ty = Math.floor(top / SIZE); ty * SIZE < top + height; ty++) {
      var img = document.createElement("img");
      img.className = "tile";
      img.alt = "";
      img.src = tiles.replace("{z}", zoom).replace("{x}", tx).replace("{y}", ty);
      img.style.left = (tx * SIZE - left) + "px";
      img.style.top = (ty * SIZE - top) + "px";
      box.appendChild(img);
    }
  }
  markers.forEach(function (m) {
    var p = project(m.lat, m.lon, zoom);
    var link = document.createElement("a");
    link.className = "marker";
    link.href = m.url;
    link.title = m.name;
    link.setAttribute("aria-label", m.name);
    link.style.left = (p.x - left) + "px";
    link.style.top = (p.y - top) + "px";
    box.appendChild(link);
  });
}());
