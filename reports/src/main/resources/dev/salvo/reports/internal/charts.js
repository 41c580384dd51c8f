/* Salvo's charts: hand-written SVG line charts from the JSON in #salvo-charts. No dependencies, works from file://. */
(function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  var COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function fmt(v) {
    var a = Math.abs(v);
    if (a >= 1e6) { return (v / 1e6).toFixed(a >= 1e7 ? 0 : 1) + 'M'; }
    if (a >= 1e3) { return (v / 1e3).toFixed(a >= 1e4 ? 0 : 1) + 'k'; }
    if (a >= 10 || v === 0) { return String(Math.round(v)); }
    return String(Math.round(v * 100) / 100);
  }

  function niceTicks(lo, hi, n) {
    if (hi <= lo) { hi = lo + 1; }
    var step = Math.pow(10, Math.floor(Math.log10((hi - lo) / n)));
    var err = (hi - lo) / n / step;
    step *= err >= 7.5 ? 10 : err >= 3.5 ? 5 : err >= 1.5 ? 2 : 1;
    var ticks = [];
    for (var t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) { ticks.push(t); }
    return ticks;
  }

  /* stacked: each series' points become cumulative sums over the earlier series (same x positions); base = below */
  function stack(series) {
    var below = {};
    series.forEach(function (s) {
      s.base = s.points.map(function (p) { return [p[0], below[p[0]] || 0]; });
      s.points = s.points.map(function (p) { var y = (below[p[0]] || 0) + p[1]; below[p[0]] = y; return [p[0], y]; });
    });
  }

  function draw(box, spec) {
    if (spec.stacked) { stack(spec.series); }
    var W = 640, H = 280, L = 62, R = 14, T = 14, B = 40;
    var pts = [];
    spec.series.forEach(function (s) { s.points.forEach(function (p) { pts.push(p); }); });
    var svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, 'class': 'salvo-chart', role: 'img', 'aria-label': spec.title });
    box.appendChild(svg);
    if (pts.length === 0) {
      el('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', 'class': 'empty' }, svg).textContent = 'no data';
      return;
    }
    var cats = spec.categories;
    var xs = pts.map(function (p) { return p[0]; });
    var ys = pts.map(function (p) { return p[1]; });
    var x0 = cats ? 0 : Math.min.apply(null, xs), x1 = cats ? cats.length - 1 : Math.max.apply(null, xs);
    if (x1 === x0) { x1 = x0 + 1; }
    var logY = !!spec.logY;
    var pos = ys.filter(function (y) { return y > 0; });
    var y0 = logY ? Math.pow(10, Math.floor(Math.log10(pos.length ? Math.min.apply(null, pos) : 1))) : 0;
    var y1 = Math.max.apply(null, ys);
    if (logY) { y1 = Math.pow(10, Math.ceil(Math.log10(Math.max(y1, y0 * 10)))); } else { y1 = y1 > 0 ? y1 * 1.08 : 1; }
    function sx(x) { return L + (x - x0) / (x1 - x0) * (W - L - R); }
    function sy(y) {
      if (logY) { y = Math.max(y, y0); return H - B - (Math.log10(y) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0)) * (H - T - B); }
      return H - B - (y - 0) / (y1 - 0) * (H - T - B);
    }
    var yt = [];
    if (logY) { for (var d = y0; d <= y1 * 1.0001; d *= 10) { yt.push(d); } } else { yt = niceTicks(0, y1, 5); }
    yt.forEach(function (t) {
      el('line', { x1: L, x2: W - R, y1: sy(t), y2: sy(t), 'class': 'grid' }, svg);
      el('text', { x: L - 6, y: sy(t) + 4, 'text-anchor': 'end', 'class': 'tick' }, svg).textContent = fmt(t);
    });
    var xt = cats ? cats.map(function (c, i) { return i; }) : niceTicks(x0, x1, 8);
    xt.forEach(function (t) {
      el('text', { x: sx(t), y: H - B + 16, 'text-anchor': 'middle', 'class': 'tick' }, svg).textContent = cats ? cats[t] : fmt(t);
    });
    (spec.bands || []).forEach(function (band) {
      var a = sx(Math.max(band[0], x0)), z = sx(Math.min(band[1], x1));
      if (z < a) { return; }
      var r = el('rect', { x: a, y: T, width: Math.max(z - a, 2), height: H - T - B, 'class': 'band outage' }, svg);
      el('title', {}, r).textContent = 'database unreachable: ' + fmt(band[0]) + ' s to ' + fmt(band[1]) + ' s';
    });
    el('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, 'class': 'axis' }, svg);
    el('line', { x1: L, x2: L, y1: T, y2: H - B, 'class': 'axis' }, svg);
    el('text', { x: (L + W - R) / 2, y: H - 6, 'text-anchor': 'middle', 'class': 'label' }, svg).textContent = spec.xLabel || '';
    el('text', { x: 12, y: (T + H - B) / 2, 'text-anchor': 'middle', 'class': 'label',
      transform: 'rotate(-90 12 ' + (T + H - B) / 2 + ')' }, svg).textContent = spec.yLabel || '';
    var legend = document.createElement('div');
    legend.className = 'legend';
    spec.series.forEach(function (s, i) {
      var color = s.color || COLORS[i % COLORS.length];
      var d = s.points.map(function (p, j) { return (j ? 'L' : 'M') + sx(p[0]).toFixed(1) + ' ' + sy(p[1]).toFixed(1); }).join(' ');
      var path = el('path', { d: d, fill: 'none', stroke: color, 'stroke-width': 2, 'class': 'series' }, svg);
      if (s.dashed) { path.setAttribute('stroke-dasharray', '6 4'); }
      if (s.base) {
        var back = s.base.slice().reverse().map(function (p) { return 'L' + sx(p[0]).toFixed(1) + ' ' + sy(p[1]).toFixed(1); });
        el('path', { d: d + ' ' + back.join(' ') + ' Z', fill: color, 'fill-opacity': 0.55, stroke: 'none', 'class': 'area' }, svg);
      }
      s.points.forEach(function (p) {
        var c = el('circle', { cx: sx(p[0]), cy: sy(p[1]), r: s.points.length > 60 ? 1.2 : 3, fill: color }, svg);
        el('title', {}, c).textContent = s.name + ': ' + (cats ? cats[p[0]] : fmt(p[0])) + ' → ' + fmt(p[1]);
        // an optional third value marks a significant change: 1 regression (▲), -1 improvement (▼)
        if (p.length > 2 && p[2] !== 0) {
          var up = p[2] > 0;
          var m = el('text', { x: sx(p[0]), y: sy(p[1]) + (up ? -7 : 15), 'text-anchor': 'middle',
            'class': up ? 'mark regression' : 'mark improvement' }, svg);
          m.textContent = up ? '▲' : '▼';
          el('title', {}, m).textContent = s.name + ': ' + (up ? 'significant regression' : 'significant improvement');
        }
      });
      var item = document.createElement('span');
      item.innerHTML = '<i style="background:' + color + '"></i>';
      item.appendChild(document.createTextNode(s.name));
      legend.appendChild(item);
    });
    box.appendChild(legend);
    box.setAttribute('data-drawn', 'true');
  }

  window.addEventListener('error', function (e) {
    var out = document.getElementById('salvo-errors');
    if (out) { out.hidden = false; out.textContent += (e.message || String(e)) + '\n'; }
    document.body.setAttribute('data-rendered', 'error');
  });

  function render() {
    var specs = JSON.parse(document.getElementById('salvo-charts').textContent);
    var drawn = 0;
    specs.forEach(function (spec) {
      var box = document.getElementById(spec.id);
      if (box) { draw(box, spec); drawn++; }
    });
    document.body.setAttribute('data-charts', String(drawn));
    if (document.body.getAttribute('data-rendered') !== 'error') { document.body.setAttribute('data-rendered', 'ok'); }
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', render); } else { render(); }
})();
