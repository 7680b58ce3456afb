/*
 * Followthrough console behaviour. The CSP allows scripts from this origin only, so there is no inline
 * script anywhere: pages describe what they need with data attributes and this file wires it up.
 *
 *   form[data-filters]        htmx filter form: empty fields are left out of the URL, quick periods and
 *                             the trend granularity set fields and resubmit it
 *   canvas[data-trend-src]    NPS trend chart drawn from console JSON (same shape as /api/v1/nps)
 *   [data-copy]               copies the text of the element it names
 *   form[data-confirm]        asks before submitting
 *   form[data-bulk]           inbox selection: select all, count on the assign button
 *   [data-poll]               an htmx poller that skips its turn while the user is busy inside it
 *   time[data-local]          a server-rendered time shown again in the viewer's own zone, with words
 *                             ("3 hours ago") and the exact time in its tooltip
 */
(function () {
  'use strict';

  var SMALL_N = 30;
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function ready(fn) {
    if (document.readyState !== 'loading') fn();
    else document.addEventListener('DOMContentLoaded', fn);
  }

  function css(name, fallback) {
    var v = getComputedStyle(document.documentElement).getPropertyValue(name);
    return v && v.trim() ? v.trim() : fallback;
  }

  /* ---------- numbers as the pages write them ---------- */

  function nps(v) {
    if (v === null || v === undefined || isNaN(v)) return '\u2014';
    var r = Math.round(v);
    return r > 0 ? '+' + r : r < 0 ? '\u2212' + (-r) : '0';
  }

  function points(v) {
    if (v === null || v === undefined || isNaN(v)) return '\u2014';
    var s = Math.abs(v).toFixed(1);
    return v > 0.05 ? '+' + s : v < -0.05 ? '\u2212' + s : '0.0';
  }

  function pValue(p) {
    return p < 0.001 ? '< 0.001' : p.toFixed(3);
  }

  /* ---------- filter forms ---------- */

  function filterForm(el) {
    return el && el.closest ? el.closest('form[data-filters]') : null;
  }

  function submit(form) {
    if (typeof form.requestSubmit === 'function') form.requestSubmit();
    else form.submit();
  }

  function syncPresets(form) {
    var from = form.elements.from ? form.elements.from.value : '';
    var to = form.elements.to ? form.elements.to.value : '';
    form.querySelectorAll('[data-preset]').forEach(function (chip) {
      var on = (chip.dataset.from || '') === from && (chip.dataset.to || '') === to;
      if (on) chip.setAttribute('aria-current', 'true');
      else chip.removeAttribute('aria-current');
    });
  }

  document.addEventListener('click', function (e) {
    var t = e.target.closest ? e.target : e.target.parentElement;
    if (!t) return;

    var preset = t.closest('[data-preset]');
    if (preset && window.htmx) {
      var form = filterForm(preset);
      if (form) {
        e.preventDefault();
        form.elements.from.value = preset.dataset.from || '';
        form.elements.to.value = preset.dataset.to || '';
        syncPresets(form);
        submit(form);
      }
      return;
    }

    var every = t.closest('[data-every]');
    if (every && window.htmx) {
      var f = document.querySelector('form[data-filters]');
      var input = f && f.querySelector('[data-every-input]');
      if (input) {
        e.preventDefault();
        input.value = every.dataset.every === 'month' ? '' : every.dataset.every;
        submit(f);
      }
      return;
    }

    var reset = t.closest('[data-reset]');
    if (reset && window.htmx) {
      var rf = filterForm(reset);
      if (rf) {
        e.preventDefault();
        Array.prototype.forEach.call(rf.elements, function (el) {
          if (el.name === 'every') return; // the granularity is a view setting, not a filter
          if (el.tagName === 'SELECT') el.selectedIndex = 0;
          else if (el.tagName === 'INPUT' && el.type !== 'submit' && el.type !== 'button') el.value = '';
        });
        rf.querySelectorAll('input[name="account"]').forEach(function (el) { el.remove(); });
        syncPresets(rf);
        submit(rf);
      }
      return;
    }

    var copy = t.closest('[data-copy]');
    if (copy) {
      var source = document.querySelector(copy.dataset.copy);
      if (source && navigator.clipboard) {
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
          var label = copy.textContent;
          copy.textContent = 'Copied';
          setTimeout(function () { copy.textContent = label; }, 2000);
        });
      }
    }
  });

  document.addEventListener('change', function (e) {
    var form = filterForm(e.target);
    if (form) syncPresets(form);
  });

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.matches && form.matches('form[data-confirm]') && !window.confirm(form.dataset.confirm)) e.preventDefault();
  }, true);

  // Bookmarkable and readable: /?program=Onboarding rather than /?from=&to=&program=Onboarding&kind=...
  document.addEventListener('htmx:configRequest', function (e) {
    if (!filterForm(e.detail.elt)) return;
    var params = e.detail.parameters;
    var empty = [];
    var keys = typeof params.keys === 'function' ? Array.from(params.keys()) : Object.keys(params);
    keys.forEach(function (k) {
      var v = params.get ? params.get(k) : params[k];
      if (v === '' || v === null || v === undefined) empty.push(k);
    });
    empty.forEach(function (k) {
      if (typeof params.delete === 'function') params.delete(k);
      else delete params[k];
    });
  });

  // A session that expired between two filter changes: htmx would follow the redirect and swap the
  // login form into the page. Go to the real login page instead.
  document.addEventListener('htmx:beforeSwap', function (e) {
    var xhr = e.detail.xhr;
    if (xhr && xhr.responseURL && new URL(xhr.responseURL).pathname === '/login') {
      e.detail.shouldSwap = false;
      window.location.assign('/login');
    }
  });

  document.addEventListener('htmx:responseError', function (e) {
    var busy = document.getElementById('busy');
    if (busy) {
      busy.textContent = 'Could not update (' + e.detail.xhr.status + '). Try again.';
      busy.classList.add('failed');
    }
  });

  document.addEventListener('htmx:beforeRequest', function () {
    var busy = document.getElementById('busy');
    if (busy && busy.classList.contains('failed')) {
      busy.textContent = 'Updating\u2026';
      busy.classList.remove('failed');
    }
  });

  /* ---------- trend chart ---------- */

  // Labels significant changes on the chart itself, so the marker does not depend on colour alone.
  var significanceLabels = {
    id: 'ftSignificance',
    afterDatasetsDraw: function (chart, args, opts) {
      var groups = opts.groups || [];
      var meta = chart.getDatasetMeta(2);
      if (!meta || meta.hidden) return;
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = '600 11px ' + css('--font', 'system-ui, sans-serif');
      ctx.textAlign = 'center';
      groups.forEach(function (g, i) {
        if (!g.change || !g.change.significant) return;
        var pt = meta.data[i];
        if (!pt) return;
        var up = g.change.difference > 0;
        var text = (up ? '\u25B2 ' : '\u25BC ') + nps(g.change.difference);
        var y = up ? pt.y - 14 : pt.y + 22;
        var w = ctx.measureText(text).width + 10;
        ctx.fillStyle = 'rgba(255,255,255,0.92)';
        ctx.fillRect(pt.x - w / 2, y - 11, w, 15);
        ctx.fillStyle = up ? opts.up : opts.down;
        ctx.fillText(text, pt.x, y);
      });
      ctx.restore();
    }
  };

  // The band decides the scale: it must fit whole, with round ticks, and never beyond the -100..+100 the score allows.
  function axisRange(groups) {
    var lo = 100, hi = -100;
    groups.forEach(function (g) {
      var l = g.ci95 && g.ci95.low !== null ? g.ci95.low : g.nps;
      var h = g.ci95 && g.ci95.high !== null ? g.ci95.high : g.nps;
      if (l !== null && l < lo) lo = l;
      if (h !== null && h > hi) hi = h;
    });
    if (lo > hi) return { min: -100, max: 100, step: 20 };
    var step = hi - lo > 90 ? 20 : 10;
    lo = Math.max(-100, Math.floor((lo - 4) / step) * step);
    hi = Math.min(100, Math.ceil((hi + 4) / step) * step);
    if (hi - lo < 40) { var mid = Math.round((hi + lo) / 20) * 10; lo = Math.max(-100, mid - 20); hi = Math.min(100, mid + 20); }
    return { min: lo, max: hi, step: step };
  }

  function chartFailed(canvas) {
    var msg = canvas.parentElement && canvas.parentElement.querySelector('[data-chart-error]');
    if (msg) msg.hidden = false;
    canvas.dataset.chartReady = 'failed';
  }

  function drawTrend(canvas) {
    if (!window.Chart) { chartFailed(canvas); return; }
    var src = canvas.dataset.trendSrc;
    canvas.dataset.chartReady = 'loading';
    fetch(src, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) {
        if (res.redirected && new URL(res.url).pathname === '/login') { window.location.assign('/login'); throw new Error('signed out'); }
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json();
      })
      .then(function (data) {
        if (!canvas.isConnected || canvas.dataset.trendSrc !== src) return; // replaced meanwhile
        render(canvas, data.groups || []);
      })
      .catch(function () { chartFailed(canvas); });
  }

  function render(canvas, groups) {
    var existing = window.Chart.getChart(canvas);
    if (existing) existing.destroy();

    var primary = css('--primary', '#3d4fd6');
    var good = css('--good', '#0f7b3f');
    var poor = css('--poor', '#b42318');
    var band = css('--band', 'rgba(61,79,214,0.14)');
    var muted = css('--muted', '#586174');
    var grid = css('--border', '#e2e5eb');
    var inProgress = canvas.dataset.inProgress || '';
    var last = groups.length - 1;

    function sig(i) { return groups[i] && groups[i].change && groups[i].change.significant; }
    function up(i) { return sig(i) && groups[i].change.difference > 0; }
    function small(i) { return groups[i] && groups[i].n < SMALL_N; }

    var range = axisRange(groups);
    var font = { family: css('--font', 'system-ui, sans-serif'), size: 12 };
    window.Chart.defaults.font.family = font.family;
    window.Chart.defaults.color = muted;

    new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: groups.map(function (g) { return inProgress && g.key === inProgress ? [g.label, '(so far)'] : g.label; }),
        datasets: [
          { label: '95% CI low', data: groups.map(function (g) { return g.ci95 ? g.ci95.low : null; }),
            borderColor: 'transparent', pointRadius: 0, pointHitRadius: 0, fill: false, cubicInterpolationMode: 'monotone' },
          { label: '95% confidence band', data: groups.map(function (g) { return g.ci95 ? g.ci95.high : null; }),
            borderColor: 'transparent', backgroundColor: band, pointRadius: 0, pointHitRadius: 0, fill: '-1', cubicInterpolationMode: 'monotone' },
          { label: 'NPS', data: groups.map(function (g) { return g.nps; }),
            borderColor: primary, borderWidth: 2.5, cubicInterpolationMode: 'monotone', fill: false,
            pointStyle: function (c) { return sig(c.dataIndex) ? 'triangle' : 'circle'; },
            pointRotation: function (c) { return sig(c.dataIndex) && !up(c.dataIndex) ? 180 : 0; },
            pointRadius: function (c) { return sig(c.dataIndex) ? 7 : 4; },
            pointHoverRadius: function (c) { return sig(c.dataIndex) ? 9 : 6; },
            pointBorderWidth: 2,
            pointBorderColor: function (c) { return sig(c.dataIndex) ? (up(c.dataIndex) ? good : poor) : primary; },
            pointBackgroundColor: function (c) {
              if (small(c.dataIndex)) return '#ffffff';
              return sig(c.dataIndex) ? (up(c.dataIndex) ? good : poor) : primary;
            },
            segment: {
              borderDash: function (c) { return inProgress && c.p1DataIndex === last && groups[last].key === inProgress ? [6, 5] : undefined; }
            } }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reducedMotion ? false : { duration: 350 },
        layout: { padding: { top: 18, right: 8 } },
        interaction: { mode: 'index', intersect: false },
        scales: {
          y: {
            min: range.min, max: range.max,
            ticks: { stepSize: range.step, autoSkip: false, callback: function (v) { return nps(v); }, font: font },
            grid: { color: function (c) { return c.tick && c.tick.value === 0 ? '#a3abb9' : grid; } },
            title: { display: true, text: 'NPS', font: font }
          },
          x: { grid: { display: false }, ticks: { font: font, maxRotation: 0, autoSkip: true, autoSkipPadding: 12 } }
        },
        plugins: {
          legend: { display: false },
          ftSignificance: { groups: groups, up: good, down: poor },
          tooltip: {
            filter: function (item) { return item.datasetIndex === 2; },
            backgroundColor: '#111729',
            padding: 10,
            callbacks: {
              title: function (items) {
                var g = groups[items[0].dataIndex];
                return g.label + (inProgress && g.key === inProgress ? ' (in progress)' : '');
              },
              label: function (item) {
                var g = groups[item.dataIndex];
                var lines = ['NPS ' + nps(g.nps) + '   95% CI ' + nps(g.ci95.low) + ' to ' + nps(g.ci95.high),
                  'n = ' + g.n + (g.n < SMALL_N ? ' (small sample: wide interval)' : '')];
                if (g.change) {
                  lines.push(points(g.change.difference) + ' vs previous, p = ' + pValue(g.change.pValue) + ': '
                    + (g.change.significant ? 'a real change' : 'could be noise'));
                }
                return lines;
              }
            }
          }
        }
      },
      plugins: [significanceLabels]
    });
    canvas.dataset.chartReady = 'true';
  }

  function initCharts(root) {
    (root || document).querySelectorAll('canvas[data-trend-src]').forEach(drawTrend);
  }

  /* ---------- times in the viewer's zone and in words ---------- */

  var RELATIVE = window.Intl && Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat('en', {numeric: 'auto'}) : null;
  var EXACT = window.Intl ? new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit', timeZoneName: 'short'}) : null;
  var UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];

  function inWords(date) {
    var seconds = (date.getTime() - Date.now()) / 1000;
    if (!RELATIVE || Math.abs(seconds) < 45) return Math.abs(seconds) < 45 ? 'just now' : null;
    for (var i = 0; i < UNITS.length; i++) {
      if (Math.abs(seconds) >= UNITS[i][1] * 0.9 || i === UNITS.length - 1) {
        return RELATIVE.format(Math.round(seconds / UNITS[i][1]), UNITS[i][0]);
      }
    }
    return null;
  }

  function localTimes(root) {
    (root || document).querySelectorAll('time[data-local]').forEach(function (t) {
      var date = new Date(t.getAttribute('datetime'));
      if (isNaN(date.getTime())) return;
      var exact = EXACT ? EXACT.format(date) : date.toString();
      var words = inWords(date);
      t.title = exact;
      t.textContent = t.hasAttribute('data-words') && words ? words : exact;
    });
  }

  ready(function () {
    localTimes(document);
    initCharts(document);
    document.querySelectorAll('form[data-filters]').forEach(syncPresets);
  });
  // new content from a filter change, and pages restored from htmx's history cache (canvases come back blank)
  document.addEventListener('htmx:afterSettle', function (e) {
    initCharts(e.detail.target || document);
    localTimes(e.detail.target || document);
  });
  document.addEventListener('htmx:historyRestore', function () {
    initCharts(document);
    document.querySelectorAll('form[data-filters]').forEach(syncPresets);
  });
  /* ---------- inbox: bulk selection and polite polling ---------- */

  function syncBulk(form) {
    var boxes = form.querySelectorAll('input[name="ids"]');
    var checked = form.querySelectorAll('input[name="ids"]:checked').length;
    var count = form.querySelector('[data-bulk-count]');
    var button = form.querySelector('[data-bulk-submit]');
    var all = form.querySelector('[data-select-all]');
    if (count) count.textContent = String(checked);
    if (button) button.disabled = checked === 0;
    if (all) {
      all.checked = checked > 0 && checked === boxes.length;
      all.indeterminate = checked > 0 && checked < boxes.length;
    }
  }

  document.addEventListener('change', function (e) {
    var form = e.target.closest ? e.target.closest('form[data-bulk]') : null;
    if (!form) return;
    if (e.target.matches('[data-select-all]')) {
      form.querySelectorAll('input[name="ids"]').forEach(function (box) { box.checked = e.target.checked; });
    }
    syncBulk(form);
  });

  // Refreshing would throw away a selection or half-typed text: skip the poll while either is there.
  document.addEventListener('htmx:beforeRequest', function (e) {
    var elt = e.detail.elt;
    if (!elt || !elt.matches || !elt.matches('[data-poll]')) return;
    var busy = elt.querySelector('input[name="ids"]:checked')
      || (document.activeElement && elt.contains(document.activeElement) && document.activeElement.matches('input, select, textarea'));
    if (busy || document.visibilityState === 'hidden') e.preventDefault();
  });

})();
