// Program metrics page: the monthly trend chart, drawn from the JSON the page carries (data-trend).
(function () {
  'use strict';

  function css(name, fallback) {
    var v = getComputedStyle(document.documentElement).getPropertyValue(name);
    return v && v.trim() ? v.trim() : fallback;
  }

  function pct(v) { return v === null || v === undefined ? null : Math.round(v * 1000) / 10; }

  function draw(canvas) {
    var error = canvas.parentElement && canvas.parentElement.querySelector('[data-chart-error]');
    if (!window.Chart) { if (error) error.hidden = false; canvas.dataset.chartReady = 'failed'; return; }
    var points;
    try { points = JSON.parse(canvas.dataset.trend || '[]'); } catch (e) { points = []; }
    var existing = window.Chart.getChart(canvas);
    if (existing) existing.destroy();
    var line = function (label, key, color) {
      return { label: label, data: points.map(function (p) { return pct(p[key]); }), borderColor: color,
               backgroundColor: color, spanGaps: true, tension: 0.2, pointRadius: 3 };
    };
    new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: points.map(function (p) { return p.month; }),
        datasets: [
          line('Follow-up within SLA', 'withinSla', css('--primary', '#3d4fd6')),
          line('Interview completion', 'interviewCompletion', css('--good', '#0f7b3f')),
          line('Mechanism identification', 'identification', css('--poor', '#b42318'))
        ]
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } } },
        plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + c.formattedValue + '%'; } } } }
      }
    });
    canvas.dataset.chartReady = 'drawn';
  }

  function init() {
    var canvas = document.getElementById('metrics-trend');
    if (canvas) draw(canvas);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
  document.addEventListener('htmx:afterSettle', init);
})();
