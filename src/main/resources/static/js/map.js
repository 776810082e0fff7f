// The interactive map of the career-centre search (Leaflet). Without JavaScript, or before this runs, the page shows
// the outline map drawn on the server; the numbered list beside it is the accessible equivalent of both.
// Tiles come from data-tiles (werkregie.map.tile-url). When they cannot be reached (an error before the first tile
// arrives, or nothing within 6 seconds) the tile layer is taken away and the map keeps the outline of Flanders and
// Brussels, so it never turns into a grey box.
(function () {
  'use strict';
  var figure = document.getElementById('centre-map-figure');
  if (!figure || typeof L === 'undefined') { return; }
  var holder = document.getElementById('centre-map');
  var caption = document.getElementById('centre-map-caption');
  var data = figure.dataset;
  var origin = [parseFloat(data.originLat), parseFloat(data.originLon)];

  holder.hidden = false;
  holder.setAttribute('role', 'region');
  holder.setAttribute('aria-label', data.label);
  figure.classList.add('map-enhanced');

  var map = L.map(holder, {scrollWheelZoom: false, attributionControl: true, zoomSnap: 0.5});
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  var bounds = L.latLngBounds([origin]);

  // the outline first, so that it is there whatever happens to the tiles
  fetch(data.outline, {credentials: 'same-origin'}).then(function (r) { return r.ok ? r.json() : null; }).then(function (geo) {
    if (!geo) { return; }
    L.geoJSON(geo, {interactive: false, style: {color: '#5a6b7a', weight: 1.5, fillColor: '#eef2f5', fillOpacity: 0.6}})
        .addTo(map).bringToBack();
  }).catch(function () { /* the markers and the list still tell the story */ });

  L.circle(origin, {radius: parseFloat(data.radiusKm) * 1000, color: '#1d4f91', weight: 1.5, dashArray: '4 3', fill: false,
    interactive: false}).addTo(map);
  L.circleMarker(origin, {radius: 6, color: '#1d4f91', fillColor: '#1d4f91', fillOpacity: 1, interactive: false}).addTo(map);

  document.querySelectorAll('ol.results > li[data-lat]').forEach(function (li) {
    var at = [parseFloat(li.dataset.lat), parseFloat(li.dataset.lon)];
    var link = li.querySelector('h3 a');
    var name = link ? link.textContent : '';
    var marker = L.marker(at, {
      icon: L.divIcon({className: 'map-number', html: String(li.dataset.number), iconSize: [26, 26]}),
      title: li.dataset.number + '. ' + name, alt: name, keyboard: true
    }).addTo(map);
    if (link) { marker.on('click', function () { window.location.href = link.href; }); }
    bounds.extend(at);
  });
  map.fitBounds(bounds.pad(0.15), {maxZoom: 13});

  if (!data.tiles) { figure.classList.add('map-outline-only'); return; }
  var loaded = false;
  var tiles = L.tileLayer(data.tiles, {maxZoom: parseInt(data.maxZoom, 10) || 18, attribution: data.attribution,
    crossOrigin: false});
  function fallBack() {
    if (loaded || !map.hasLayer(tiles)) { return; }
    map.removeLayer(tiles);
    figure.classList.add('map-outline-only');
    if (caption && data.fallback) { caption.textContent = data.fallback; }
  }
  tiles.on('tileload', function () { loaded = true; figure.classList.add('map-tiles'); });
  tiles.on('tileerror', fallBack);
  window.setTimeout(fallBack, 6000);
  tiles.addTo(map);
}());
