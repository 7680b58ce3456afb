/*
 * Periodic report page (/reports/{id}). Charts are drawn from JSON in data attributes (the CSP allows no
 * inline script); every chart repeats numbers that are also in a table next to it, so without JavaScript
 * or Chart.js — and in print, where the canvas is kept as drawn — the report still reads.
 *
 *   canvas[data-report-chart="trend"]   NPS per period with its 95% band (data-points: label, n, nps, low, high)
 *   canvas[data-report-chart="volume"]  responses per period (bars) and share of detractors (line)
 *   canvas[data-report-chart="matrix"]  mechanisms: frequency × mean severity, bubble size = revenue
 *   [data-print]                        a print button, shown only when there is script to press it
 */
(function () {
  'use strict';

  function css(name, fallback) {
    var v = getComputedStyle(document.documentElement).getPropertyValue(name);
    return v && v.trim() ? v.trim() : fallback;
  }

  function signed(v) {
    if (v === null || v === undefined || isNaN(v)) return '\u2014';
    var r = Math.round(v);
    return r > 0 ? '+' + r : r < 0 ? '\u2212' + (-r) : '0';
  }

  function pct(v) {
    return v === null || v === undefined ? '\u2014' : Math.round(v * 100) + '%';
  }

  function money(v) {
    if (v >= 1e6) return '$' + (v / 1e6).toFixed(1) + 'M';
    if (v >= 1e3) return '$' + Math.round(v / 1e3) + 'k';
    return '$' + Math.round(v);
  }

  function points(canvas) {
    try { return JSON.parse(canvas.dataset.points || '[]'); } catch (e) { return []; }
  }

  var common = function () {
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false, // drawn once, fully, so printing right away shows the whole chart
      plugins: { legend: { display: true, position: 'bottom' } }
    };
  };

  function trend(canvas, data) {
    var band = css('--band', 'rgba(61,79,214,0.14)');
    var primary = css('--primary', '#3d4fd6');
    var opts = common();
    opts.scales = { y: { min: -100, max: 100, title: { display: true, text: 'NPS' }, ticks: { callback: signed } } };
    opts.plugins.legend.labels = { filter: function (item) { return item.text !== '95% low'; } };
    opts.plugins.tooltip = { callbacks: { label: function (c) {
      var p = data[c.dataIndex];
      return c.datasetIndex === 2 ? 'NPS ' + signed(p.nps) + ' (95% CI ' + signed(p.low) + ' to ' + signed(p.high) + ', n = ' + p.n + ')' : null;
    } } };
    return new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: data.map(function (p) { return p.label; }),
        datasets: [
          { label: '95% low', data: data.map(function (p) { return p.low; }), borderColor: 'transparent', pointRadius: 0, fill: false },
          { label: '95% confidence band', data: data.map(function (p) { return p.high; }), borderColor: 'transparent',
            backgroundColor: band, pointRadius: 0, fill: '-1' },
          { label: 'NPS', data: data.map(function (p) { return p.nps; }), borderColor: primary, backgroundColor: primary,
            borderWidth: 2.5, pointRadius: data.map(function (p) { return p.significant ? 7 : 4; }),
            pointStyle: data.map(function (p) { return p.significant ? 'triangle' : 'circle'; }), spanGaps: true }
        ]
      },
      options: opts
    });
  }

  function volume(canvas, data) {
    var opts = common();
    opts.scales = {
      y: { beginAtZero: true, title: { display: true, text: 'Responses' } },
      y2: { position: 'right', min: 0, max: 1, grid: { display: false }, ticks: { callback: pct }, title: { display: true, text: 'Detractors' } }
    };
    return new window.Chart(canvas, {
      data: {
        labels: data.map(function (p) { return p.label; }),
        datasets: [
          { type: 'bar', label: 'Responses', data: data.map(function (p) { return p.n; }), backgroundColor: css('--border-strong', '#cfd4dc') },
          { type: 'line', label: 'Share of detractors', yAxisID: 'y2', data: data.map(function (p) { return p.detractorShare; }),
            borderColor: css('--detractor', '#d9463b'), backgroundColor: css('--detractor', '#d9463b'), spanGaps: true }
        ]
      },
      options: opts
    });
  }

  function matrix(canvas, data) {
    var colours = {
      'frequent and severe': css('--poor', '#b42318'), 'rare but severe': css('--detractor', '#d9463b'),
      'frequent but mild': css('--passive', '#e0a526'), 'rare and mild': css('--faint', '#8a93a3')
    };
    var maxRevenue = Math.max.apply(null, data.map(function (m) { return m.revenue; }).concat([1]));
    var groups = {};
    data.forEach(function (m) { (groups[m.quadrant] = groups[m.quadrant] || []).push(m); });
    var opts = common();
    opts.scales = {
      x: { beginAtZero: true, title: { display: true, text: 'Frequency (share of coded texts)' }, ticks: { callback: pct } },
      y: { min: 0, max: 1, title: { display: true, text: 'Mean severity (0 = all tens, 1 = all zeros)' } }
    };
    opts.plugins.tooltip = { callbacks: { label: function (c) {
      var m = c.raw.m;
      return m.name + ': ' + m.mentions + ' mentions (' + pct(m.frequency) + '), severity ' + m.severity.toFixed(2) + ', ' + money(m.revenue);
    } } };
    return new window.Chart(canvas, {
      type: 'bubble',
      data: {
        datasets: Object.keys(groups).map(function (q) {
          return { label: q, backgroundColor: colours[q] || '#888', data: groups[q].map(function (m) {
            return { x: m.frequency, y: m.severity, r: 5 + 20 * Math.sqrt(m.revenue / maxRevenue), m: m };
          }) };
        })
      },
      options: opts
    });
  }

  var draw = { trend: trend, volume: volume, matrix: matrix };

  function init() {
    document.querySelectorAll('[data-print]').forEach(function (b) {
      b.hidden = false;
      b.addEventListener('click', function () { window.print(); });
    });
    if (!window.Chart) return; // the tables carry the numbers
    window.Chart.defaults.font.family = css('--font', 'system-ui, sans-serif');
    window.Chart.defaults.color = css('--muted', '#586174');
    document.querySelectorAll('canvas[data-report-chart]').forEach(function (canvas) {
      var kind = canvas.dataset.reportChart;
      var data = points(canvas);
      if (!draw[kind] || data.length === 0) { canvas.closest('.chart-wrap').hidden = true; return; }
      try {
        draw[kind](canvas, data);
        canvas.dataset.chartReady = 'true';
      } catch (e) {
        canvas.closest('.chart-wrap').hidden = true;
      }
    });
  }

  if (document.readyState !== 'loading') init();
  else document.addEventListener('DOMContentLoaded', init);
})();
