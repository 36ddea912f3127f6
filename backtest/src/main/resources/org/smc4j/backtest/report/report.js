/* smc4j backtest report: draws the charts from the data embedded in #report-data with ECharts.
 * Candles are column arrays of varints (base64): prices are integers of 10^-dec, times a start, a
 * step and the gaps. A chart shows at most about one candle per 2 pixels: when more are in view,
 * neighbouring candles are merged (open of the first, close of the last, high and low of all). */
(function () {
  'use strict';
  var body = document.body;
  var D = JSON.parse(document.getElementById('report-data').textContent);
  var T = D.trades;
  var N = T.sym.length;
  var UP = '#26a69a', DOWN = '#ef5350', POI = 'rgba(30,90,255,0.22)', FVG = 'rgba(255,179,0,0.20)';
  var FIB = '#757575', ENTRY = '#000000', STOP = '#d32f2f', TARGET = '#2e7d32', EXIT = '#7b1fa2';
  var TRIGGER = '#c2185b';
  var BARS_BEFORE = 36, BARS_AFTER = 12;
  var charts = [];

  function bytes(b64) {
    var s = atob(b64), n = s.length, out = new Uint8Array(n);
    for (var i = 0; i < n; i++) { out[i] = s.charCodeAt(i); }
    return out;
  }

  /* Reads n varints; zigzag ones are signed. Arithmetic, not bit operations: values exceed 2^31. */
  function varints(b64, n, zigzag) {
    var b = bytes(b64), out = new Float64Array(n), p = 0;
    for (var i = 0; i < n; i++) {
      var v = 0, mul = 1, x;
      do { x = b[p++]; v += (x & 127) * mul; mul *= 128; } while (x & 128);
      out[i] = zigzag ? (v % 2 === 1 ? -(v + 1) / 2 : v / 2) : v;
    }
    if (p !== b.length) { throw new Error('candle column: ' + (b.length - p) + ' bytes left'); }
    return out;
  }

  function decode(s) {
    var n = s.n, scale = Math.pow(10, s.dec);
    var oc = varints(s.o, n, true), cd = varints(s.c, n, true);
    var hd = varints(s.h, n, false), ld = varints(s.l, n, false);
    var t = new Float64Array(n), o = new Float64Array(n), h = new Float64Array(n);
    var l = new Float64Array(n), c = new Float64Array(n);
    var gap = 0, time = s.t0, prev = 0;
    for (var i = 0; i < n; i++) {
      if (i > 0) {
        var step = 1;
        if (gap < s.gaps.length && s.gaps[gap][0] === i) { step = s.gaps[gap][1]; gap++; }
        time += step * s.unit;
      }
      var oi = prev + oc[i], ci = oi + cd[i];
      t[i] = time;
      o[i] = oi / scale; c[i] = ci / scale;
      h[i] = (Math.max(oi, ci) + hd[i]) / scale; l[i] = (Math.min(oi, ci) - ld[i]) / scale;
      prev = ci;
    }
    return { t: t, o: o, h: h, l: l, c: c, n: n, unit: s.unit };
  }

  function lowerBound(a, x) {
    var lo = 0, hi = a.length;
    while (lo < hi) { var m = (lo + hi) >>> 1; if (a[m] < x) { lo = m + 1; } else { hi = m; } }
    return lo;
  }

  function fmtTime(ms) {
    return new Date(ms).toISOString().substring(0, 16).replace('T', ' ');
  }

  function tradeText(k) {
    return '#' + (k + 1) + ' ' + D.symbols[T.sym[k]].name + ' ' + (T.side[k] > 0 ? 'LONG' : 'SHORT') +
      (T.trig[k] >= 0 ? ' ' + D.triggers[T.trig[k]] + ' score ' + T.score[k] : '') +
      ': entry ' + fmtTime(T.et[k] * 1000) + ' at ' + T.ep[k] + ', stop ' + T.sl[k] + ', target ' +
      T.tp[k] + '; exit ' + fmtTime(T.xt[k] * 1000) + ' at ' + T.xp[k] + ' (' + D.reasons[T.why[k]] +
      '), net ' + T.net[k].toFixed(4) + ' USDT, ' + T.r[k].toFixed(2) + 'R' + (T.amb[k] ? ', ambiguous' : '');
  }

  /* The overlays of one symbol's trades: boxes, level segments, entry and exit markers. */
  function overlays(si) {
    var boxes = [], lines = [], entries = [], exits = [], levels = [];
    function seg(t1, t2, y, color, type, width) {
      lines.push([{ coord: [t1, y], lineStyle: { color: color, type: type, width: width } },
        { coord: [t2, y] }]);
    }
    for (var k = 0; k < N; k++) {
      if (T.sym[k] !== si) { continue; }
      var et = T.et[k] * 1000, xt = T.xt[k] * 1000;
      if (T.trig[k] >= 0) {
        boxes.push([{ coord: [T.pa[k] * 1000, T.pb[k]], itemStyle: { color: POI } },
          { coord: [xt, T.pt[k]] }]);
        boxes.push([{ coord: [T.fa[k] * 1000, T.fb[k]], itemStyle: { color: FVG } },
          { coord: [xt, T.ft[k]] }]);
        var from = Math.min(T.pa[k], T.fa[k]) * 1000;
        seg(from, xt, T.f5[k], FIB, 'dashed', 1);
        seg(from, xt, T.f6[k], FIB, 'dashed', 1);
        seg(from, xt, T.f7[k], FIB, 'dashed', 1);
        seg(T.tap[k] * 1000, et, T.tl[k], TRIGGER, 'dotted', 1.5);
      }
      seg(et, xt, T.ep[k], ENTRY, 'solid', 1.2);
      seg(et, xt, T.sl[k], STOP, 'solid', 1.5);
      seg(et, xt, T.tp[k], TARGET, 'solid', 1.5);
      entries.push({ value: [et, T.ep[k], k], symbolRotate: T.side[k] > 0 ? 0 : 180 });
      exits.push({ value: [xt, T.xp[k], k], itemStyle: { color: T.net[k] > 0 ? TARGET : EXIT } });
      levels.push([et, T.sl[k]], [et, T.tp[k]], [xt, T.xp[k]]);
    }
    return { boxes: boxes, lines: lines, entries: entries, exits: exits, levels: levels };
  }

  /* Candles between lo and hi (ms), merged so that at most `max` remain; merges align to index. */
  function view(bars, lo, hi, max) {
    var a = Math.max(0, lowerBound(bars.t, lo) - 1), b = Math.min(bars.n, lowerBound(bars.t, hi) + 1);
    var k = Math.max(1, Math.ceil((b - a) / max));
    a -= a % k;
    var out = [];
    for (var i = a; i < b; i += k) {
      var j = Math.min(i + k, bars.n), hh = -Infinity, ll = Infinity;
      for (var m = i; m < j; m++) {
        if (bars.h[m] > hh) { hh = bars.h[m]; }
        if (bars.l[m] < ll) { ll = bars.l[m]; }
      }
      out.push([bars.t[i], bars.o[i], bars.c[j - 1], ll, hh]);
    }
    return { data: out, merged: k };
  }

  function makeChart(si) {
    var s = D.symbols[si];
    var el = document.getElementById('chart-' + si);
    var bars = decode(s);
    var ov = overlays(si);
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var tMin = bars.t[0], tMax = bars.t[bars.n - 1] + bars.unit;
    var state = { chart: chart, bars: bars, el: el, si: si, lo: tMin, hi: tMax, pending: false };
    chart.setOption({
      animation: false,
      title: { text: s.name, left: 8, top: 4, textStyle: { fontSize: 14 } },
      grid: { left: 80, right: 24, top: 36, bottom: 78 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'cross' }, confine: true },
      xAxis: { type: 'time', min: tMin, max: tMax, axisLine: { onZero: false } },
      yAxis: { type: 'value', scale: true, splitLine: { lineStyle: { color: '#eee' } } },
      dataZoom: [
        { type: 'inside', filterMode: 'weakFilter', xAxisIndex: 0 },
        { type: 'slider', filterMode: 'weakFilter', xAxisIndex: 0, bottom: 24, height: 26,
          showDataShadow: false, labelFormatter: function (v) { return fmtTime(v); } }
      ],
      series: [
        { id: 'candles', name: s.name, type: 'candlestick', data: [],
          dimensions: ['time', 'open', 'close', 'low', 'high'],
          encode: { x: 0, y: [1, 2, 3, 4], tooltip: [1, 2, 3, 4] },
          barMaxWidth: 14,
          itemStyle: { color: UP, color0: DOWN, borderColor: UP, borderColor0: DOWN },
          markArea: { silent: true, data: ov.boxes },
          markLine: { silent: true, symbol: ['none', 'none'], label: { show: false },
            animation: false, data: ov.lines } },
        { id: 'entries', name: 'entry', type: 'scatter', data: ov.entries, symbol: 'triangle',
          symbolSize: 11, itemStyle: { color: ENTRY }, z: 5,
          tooltip: { trigger: 'item', formatter: function (p) { return tradeText(p.value[2]); } } },
        { id: 'exits', name: 'exit', type: 'scatter', data: ov.exits, symbol: 'diamond',
          symbolSize: 11, z: 5,
          tooltip: { trigger: 'item', formatter: function (p) { return tradeText(p.value[2]); } } },
        { id: 'levels', name: 'levels', type: 'scatter', data: ov.levels, symbolSize: 0,
          silent: true, tooltip: { show: false } }
      ]
    });
    chart.on('click', function (p) {
      if (p.seriesId === 'entries' || p.seriesId === 'exits') { showTrade(p.value[2], true); }
    });
    chart.on('datazoom', function () { schedule(state); });
    charts[si] = state;
    refresh(state);
    return state;
  }

  function schedule(state) {
    if (state.pending) { return; }
    state.pending = true;
    window.requestAnimationFrame(function () { state.pending = false; refresh(state); });
  }

  function refresh(state) {
    var dz = state.chart.getOption().dataZoom[0];
    var tMin = state.bars.t[0], tMax = state.bars.t[state.bars.n - 1] + state.bars.unit;
    var lo = tMin + (tMax - tMin) * dz.start / 100, hi = tMin + (tMax - tMin) * dz.end / 100;
    var width = Math.max(200, state.el.clientWidth - 104);
    var v = view(state.bars, lo, hi, Math.floor(width / 2));
    state.chart.setOption({ series: [{ id: 'candles', data: v.data }] });
    state.el.setAttribute('data-candles', String(v.data.length));
    state.el.setAttribute('data-merged', String(v.merged));
    var info = document.getElementById('zoom-' + state.si);
    if (info) {
      info.textContent = fmtTime(lo) + ' .. ' + fmtTime(hi) + ' UTC, ' +
        (v.merged > 1 ? v.merged + ' candles merged per bar' : 'one bar per candle');
    }
  }

  function showTrade(k, fromChart) {
    var state = ensureChart(T.sym[k]);
    var unit = state.bars.unit;
    var first = T.trig[k] >= 0 ? Math.min(T.pa[k], T.fa[k], T.et[k]) : T.et[k];
    var lo = Math.max(first * 1000 - BARS_BEFORE * unit, state.bars.t[0]);
    var hi = T.xt[k] * 1000 + (BARS_AFTER + 1) * unit;
    state.chart.dispatchAction({ type: 'dataZoom', dataZoomIndex: 0, startValue: lo, endValue: hi });
    state.chart.dispatchAction({ type: 'dataZoom', dataZoomIndex: 1, startValue: lo, endValue: hi });
    refresh(state);
    var sel = document.getElementById('sel-' + T.sym[k]);
    sel.textContent = tradeText(k);
    var rows = document.querySelectorAll('#trades tr.on');
    for (var i = 0; i < rows.length; i++) { rows[i].classList.remove('on'); }
    var row = document.getElementById('t' + (k + 1));
    if (row) { row.classList.add('on'); }
    if (fromChart && row) {
      row.scrollIntoView({ block: 'center' });
    } else {
      state.el.parentNode.scrollIntoView({ block: 'start' });
    }
  }

  /* Cumulative net P&L and its drawdown from the running peak, per symbol and in total. */
  function curves(unitR) {
    var order = [];
    for (var k = 0; k < N; k++) { order.push(k); }
    order.sort(function (a, b) { return T.xt[a] - T.xt[b] || a - b; });
    var scopes = [{ name: 'ALL', sym: -1 }];
    if (D.symbols.length > 1) {
      for (var s = 0; s < D.symbols.length; s++) { scopes.push({ name: D.symbols[s].name, sym: s }); }
    }
    var eq = [], dd = [];
    scopes.forEach(function (sc, idx) {
      var cum = 0, peak = 0, e = [[D.period[0], 0]], d = [[D.period[0], 0]];
      order.forEach(function (k) {
        if (sc.sym >= 0 && T.sym[k] !== sc.sym) { return; }
        cum += unitR ? T.r[k] : T.net[k];
        peak = Math.max(peak, cum);
        e.push([T.xt[k] * 1000, +cum.toFixed(4)]);
        d.push([T.xt[k] * 1000, +(cum - peak).toFixed(4)]);
      });
      e.push([D.period[1], +cum.toFixed(4)]);
      d.push([D.period[1], +(d[d.length - 1][1]).toFixed(4)]);
      var width = idx === 0 ? 2.2 : 1.2;
      eq.push({ name: sc.name, type: 'line', step: 'end', showSymbol: false, data: e,
        lineStyle: { width: width } });
      dd.push({ name: sc.name, type: 'line', step: 'end', showSymbol: false, data: d,
        xAxisIndex: 1, yAxisIndex: 1, lineStyle: { width: width },
        areaStyle: idx === 0 ? { opacity: 0.15 } : undefined });
    });
    return eq.concat(dd);
  }

  function makeEquity() {
    var el = document.getElementById('equity');
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var unitR = false;
    function draw() {
      var u = unitR ? 'R' : 'USDT';
      chart.setOption({
        animation: false,
        title: [{ text: 'Cumulative net P&L (' + u + ')', left: 8, top: 0, textStyle: { fontSize: 13 } },
          { text: 'Drawdown from the running peak (' + u + ')', left: 8, top: '62%',
            textStyle: { fontSize: 13 } }],
        legend: { top: 0, right: 10 },
        tooltip: { trigger: 'axis' },
        axisPointer: { link: [{ xAxisIndex: 'all' }] },
        grid: [{ left: 80, right: 24, top: 30, height: '50%' },
          { left: 80, right: 24, top: '67%', bottom: 56 }],
        xAxis: [{ type: 'time', min: D.period[0], max: D.period[1] },
          { type: 'time', min: D.period[0], max: D.period[1], gridIndex: 1 }],
        yAxis: [{ type: 'value', scale: true }, { type: 'value', gridIndex: 1 }],
        dataZoom: [{ type: 'inside', xAxisIndex: [0, 1] },
          { type: 'slider', xAxisIndex: [0, 1], bottom: 12, height: 22 }],
        series: curves(unitR)
      }, true);
      el.setAttribute('data-unit', u);
    }
    var buttons = document.querySelectorAll('#equity-unit button');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener('click', function (ev) {
        unitR = ev.target.getAttribute('data-unit') === 'R';
        draw();
      });
    }
    draw();
    return chart;
  }

  var equity = null, started = performance.now();

  function drawn() {
    var n = 0;
    for (var i = 0; i < charts.length; i++) { if (charts[i]) { n++; } }
    return n;
  }

  function ensureChart(si) {
    if (!charts[si]) {
      try { makeChart(si); } finally { body.setAttribute('data-charts', String(drawn())); }
    }
    return charts[si];
  }

  /* One symbol chart per task, so that the page stays responsive while many are drawn. */
  function drawFrom(si) {
    if (si >= D.symbols.length) {
      body.setAttribute('data-draw-ms', String(Math.round(performance.now() - started)));
      return;
    }
    ensureChart(si);
    window.setTimeout(function () { drawFrom(si + 1); }, 0);
  }

  body.setAttribute('data-charts', '0');
  if (N > 0) { equity = makeEquity(); }
  var tradeRows = document.getElementById('trades-body');
  if (tradeRows) {
    tradeRows.addEventListener('click', function (ev) {
      var tr = ev.target.closest('tr');
      if (!tr || !tr.id) { return; }
      ev.preventDefault();
      showTrade(parseInt(tr.id.substring(1), 10) - 1, false);
    });
  }
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { if (c) { c.chart.resize(); schedule(c); } });
    if (equity) { equity.resize(); }
  });
  window.smc4jShowTrade = showTrade;
  // #trade-N opens the page zoomed to trade N (links and bookmarks to a trade)
  var hash = /^#trade-(\d+)$/.exec(window.location.hash);
  if (hash && +hash[1] >= 1 && +hash[1] <= N) { showTrade(+hash[1] - 1, false); }
  drawFrom(0);
})();
