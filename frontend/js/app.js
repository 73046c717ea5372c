/*
 * TLSWatch dashboard behaviour. Loaded as a file (no inline scripts), works without
 * htmx, and never writes HTML strings: only textContent and attributes.
 *
 * <time datetime="...Z"> elements: the text becomes the browser's local, relative form
 * ("in 12 days", "3 hours ago"); the title holds the absolute local time in ISO 8601.
 * With data-style="both" the text keeps the local date and time and adds the relative
 * form; with data-style="absolute" it is the local date and time only.
 */
(function () {
  'use strict';

  var SECOND = 1000;
  var MINUTE = 60 * SECOND;
  var HOUR = 60 * MINUTE;
  var DAY = 24 * HOUR;
  var relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'always' });

  function pad(n) {
    return String(n).padStart(2, '0');
  }

  /** 2026-11-27T10:04:44+01:00 in the browser's zone. */
  function localIso(date) {
    var offset = -date.getTimezoneOffset();
    var sign = offset >= 0 ? '+' : '-';
    var abs = Math.abs(offset);
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) +
      'T' + pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds()) +
      sign + pad(Math.floor(abs / 60)) + ':' + pad(abs % 60);
  }

  function localText(date) {
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) +
      ' ' + pad(date.getHours()) + ':' + pad(date.getMinutes());
  }

  function relativeText(date, now) {
    var diff = date.getTime() - now;
    var abs = Math.abs(diff);
    if (abs < 45 * SECOND) {
      return diff < 0 ? 'just now' : 'in a few seconds';
    }
    if (abs < 45 * MINUTE) {
      return relative.format(Math.round(diff / MINUTE), 'minute');
    }
    if (abs < 22 * HOUR) {
      return relative.format(Math.round(diff / HOUR), 'hour');
    }
    if (abs < 60 * DAY) {
      return relative.format(Math.trunc(diff / DAY), 'day');
    }
    if (abs < 365 * DAY) {
      return relative.format(Math.round(diff / (30 * DAY)), 'month');
    }
    return relative.format(Math.round(diff / (365 * DAY)), 'year');
  }

  function formatTimes(root) {
    var now = Date.now();
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    root.querySelectorAll('time[datetime]').forEach(function (element) {
      var date = new Date(element.getAttribute('datetime'));
      if (isNaN(date.getTime())) {
        return;
      }
      var when = relativeText(date, now);
      var style = element.dataset.style;
      element.textContent = style === 'absolute' ? localText(date)
        : style === 'both' ? localText(date) + ' · ' + when : when;
      element.title = localIso(date) + (zone ? ' (' + zone + ')' : '') + (style === 'absolute' ? ', ' + when : '');
    });
  }

  /** After an htmx swap of the page, move focus to its notice so it is announced. */
  function focusNotice() {
    var notice = document.querySelector('main .notice[tabindex]');
    if (notice && document.activeElement !== notice) {
      notice.focus();
    }
  }

  /** htmx swaps nothing on an error response: say so instead of failing silently. */
  function showRequestError(event) {
    var source = event.detail && event.detail.elt;
    var main = source && source.closest ? source.closest('main') : null;
    if (!main) {
      return;
    }
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    var notice = main.querySelector('.notice--request-error');
    if (!notice) {
      notice = document.createElement('p');
      notice.className = 'notice notice--critical notice--request-error';
      notice.setAttribute('role', 'alert');
      var head = main.querySelector('.page-head');
      main.insertBefore(notice, head ? head.nextSibling : main.firstChild);
    }
    notice.textContent = status
      ? 'The request failed (HTTP ' + status + '). Reload the page to see the current state.'
      : 'The server could not be reached. Check the connection and try again.';
  }

  /** htmx requests that change something carry the page's CSRF token as a header. */
  function addCsrfHeader(event) {
    var verb = (event.detail.verb || 'get').toUpperCase();
    if (verb === 'GET' || verb === 'HEAD') {
      return;
    }
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
    }
  }

  /**
   * Forms marked data-confirm ask once before they are sent (no inline onclick, and no
   * hx-confirm beside it: this listener is the only place that asks). It listens in the
   * capture phase, so that it answers before htmx sends a form that has hx-post.
   */
  function confirmSubmit(event) {
    var form = event.target;
    var question = form instanceof HTMLFormElement ? form.dataset.confirm : null;
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }

  /*
   * Content-Security-Policy violations are counted on <html data-csp-violations="n"> (with
   * the last one's directive and source in data-csp-violation), so that a page test can see
   * them and an operator can find them in the inspector.
   */
  document.addEventListener('securitypolicyviolation', function (event) {
    var root = document.documentElement;
    root.dataset.cspViolations = String(Number(root.dataset.cspViolations || '0') + 1);
    root.dataset.cspViolation = event.violatedDirective + ' ' + (event.blockedURI || 'inline') +
      (event.sourceFile ? ' at ' + event.sourceFile + ':' + event.lineNumber : '');
  });

  /*
   * The header's menu button: on narrow screens the navigation folds behind it (the CSS
   * shows the button only there). Without this script the button stays hidden and the
   * navigation wraps instead.
   */
  function setUpMenu() {
    var button = document.querySelector('.nav-toggle');
    var header = document.querySelector('.site-header');
    if (!button || !header || button.dataset.ready) {
      return;
    }
    button.dataset.ready = 'true';
    header.classList.add('site-header--foldable');
    button.hidden = false;
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      header.classList.toggle('site-header--open', open);
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
        button.setAttribute('aria-expanded', 'false');
        header.classList.remove('site-header--open');
        button.focus();
      }
    });
  }

  /*
   * While an htmx request runs, the element it belongs to (and the region named by its
   * data-busy attribute) carry aria-busy="true", so assistive technology knows the
   * content is being replaced; the visible indicator is our CSS for .htmx-indicator.
   */
  function busyTargets(event) {
    var source = event.detail && event.detail.elt;
    if (!source || !source.getAttribute) {
      return [];
    }
    var targets = [source];
    var region = source.getAttribute('data-busy');
    if (region && document.getElementById(region)) {
      targets.push(document.getElementById(region));
    }
    return targets;
  }

  document.addEventListener('htmx:beforeRequest', function (event) {
    busyTargets(event).forEach(function (element) { element.setAttribute('aria-busy', 'true'); });
  });
  document.addEventListener('htmx:afterRequest', function (event) {
    busyTargets(event).forEach(function (element) { element.removeAttribute('aria-busy'); });
  });

  document.addEventListener('htmx:configRequest', addCsrfHeader);
  document.addEventListener('submit', confirmSubmit, true);
  document.addEventListener('DOMContentLoaded', setUpMenu);
  document.addEventListener('DOMContentLoaded', function () {
    formatTimes(document);
    window.setInterval(function () {
      formatTimes(document);
    }, MINUTE);
  });
  document.addEventListener('htmx:load', function (event) {
    formatTimes(event.detail && event.detail.elt ? event.detail.elt : document);
  });
  document.addEventListener('htmx:afterSettle', focusNotice);
  document.addEventListener('htmx:responseError', showRequestError);
  document.addEventListener('htmx:sendError', showRequestError);

  /*
   * The endpoint list's bulk bar: "select all on this page" ticks every row's checkbox (it is
   * hidden until this script runs, since it does nothing without it), and the bar counts the
   * selection. The checkboxes belong to the bar's form through their form attribute.
   */
  function rowBoxes() {
    return Array.prototype.slice.call(document.querySelectorAll('input[data-select-row]'));
  }

  function updateSelection() {
    var boxes = rowBoxes();
    var checked = boxes.filter(function (box) { return box.checked; }).length;
    var all = document.querySelector('input[data-select-all]');
    if (all) {
      all.checked = boxes.length > 0 && checked === boxes.length;
      all.indeterminate = checked > 0 && checked < boxes.length;
    }
    var count = document.getElementById('bulk-count');
    if (count) {
      count.textContent = checked === 0 ? '' : '(' + checked + ' selected)';
    }
  }

  function setUpBulkBar() {
    var all = document.querySelector('input[data-select-all]');
    if (!all || all.dataset.ready) {
      return;
    }
    all.dataset.ready = 'true';
    all.hidden = false;
    all.addEventListener('change', function () {
      rowBoxes().forEach(function (box) { box.checked = all.checked; });
      updateSelection();
    });
    rowBoxes().forEach(function (box) { box.addEventListener('change', updateSelection); });
    updateSelection();
  }

  document.addEventListener('DOMContentLoaded', setUpBulkBar);
  document.addEventListener('htmx:afterSettle', setUpBulkBar);

  /*
   * The overview's expiry chart: labels and counts come from data attributes (no inline
   * script), and Chart.js is loaded only on that page.
   */
  function drawExpiryChart() {
    var canvas = document.getElementById('expiry-chart');
    if (!canvas || typeof window.Chart !== 'function' || !canvas.dataset.labels) {
      return;
    }
    var labels = canvas.dataset.labels.split(',');
    var counts = canvas.dataset.counts.split(',').map(Number);
    var style = getComputedStyle(document.documentElement);
    var accent = style.getPropertyValue('--accent').trim() || '#0b5fd1';
    var text = style.getPropertyValue('--muted-fg').trim() || '#47505a';
    new window.Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: 'Expiries', data: counts, backgroundColor: accent }] },
      options: {
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: {
          x: { ticks: { color: text } },
          y: { beginAtZero: true, ticks: { precision: 0, color: text } }
        }
      }
    });
  }
  document.addEventListener('DOMContentLoaded', drawExpiryChart);

  /** "42,,40" to [42, null, 40]: an empty value is a gap, not zero. */
  function numbersWithGaps(text) {
    return text.split(',').map(function (value) {
      return value === '' ? null : Number(value);
    });
  }

  /** The endpoint page's chart: handshake time (left axis) and days left (right axis) per scan. */
  function drawTrendChart() {
    var canvas = document.getElementById('trend-chart');
    if (!canvas || typeof window.Chart !== 'function' || !canvas.dataset.labels || canvas.dataset.drawn) {
      return;
    }
    canvas.dataset.drawn = 'true';
    var style = getComputedStyle(document.documentElement);
    var accent = style.getPropertyValue('--accent').trim() || '#0b5fd1';
    var second = style.getPropertyValue('--warning-fg').trim() || '#6f4600';
    var text = style.getPropertyValue('--muted-fg').trim() || '#47505a';
    new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: canvas.dataset.labels.split(','),
        datasets: [
          { label: 'Handshake (ms)', data: numbersWithGaps(canvas.dataset.handshake || ''), yAxisID: 'ms',
            borderColor: accent, backgroundColor: accent, pointRadius: 2 },
          { label: 'Days left', data: numbersWithGaps(canvas.dataset.days || ''), yAxisID: 'days',
            borderColor: second, backgroundColor: second, borderDash: [6, 4], pointRadius: 2 }
        ]
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { labels: { color: text } } },
        scales: {
          x: { ticks: { color: text, maxTicksLimit: 8 } },
          ms: { position: 'left', beginAtZero: true, ticks: { color: text },
            title: { display: true, text: 'ms', color: text } },
          days: { position: 'right', grid: { drawOnChartArea: false }, ticks: { precision: 0, color: text },
            title: { display: true, text: 'days left', color: text } }
        }
      }
    });
  }
  // Chart.js loads deferred on the endpoint page only; after "Scan now" htmx swaps in a new canvas.
  // If the swap brought Chart.js for the first time, draw once it has loaded.
  document.addEventListener('DOMContentLoaded', drawTrendChart);
  document.addEventListener('htmx:afterSettle', function () {
    var script = document.querySelector('script[src*="chart.umd"]');
    if (typeof window.Chart !== 'function' && script) {
      script.addEventListener('load', drawTrendChart);
    }
    drawTrendChart();
  });
})();
