/*
 * The customer's interview page as a chat. Without this file the page works with plain form posts; with
 * it, answers go to the JSON API (/api/v1/interviews/{token}/answers) and the next question is appended to
 * the conversation, which is an aria-live region, so screen readers announce it. Ctrl/Cmd+Enter sends.
 * Same origin only (the CSP allows nothing else); no tracking.
 */
(function () {
  'use strict';

  function ready(fn) {
    if (document.readyState !== 'loading') fn();
    else document.addEventListener('DOMContentLoaded', fn);
  }

  ready(function () {
    var main = document.querySelector('main[data-token]');
    var form = document.getElementById('iv-form');
    if (!main || !form || !window.fetch) return;
    var token = main.getAttribute('data-token');
    var log = document.getElementById('iv-log');
    var text = document.getElementById('iv-text');
    var turn = form.querySelector('input[name=turn]');
    var send = form.querySelector('button[type=submit]');
    var stopForm = document.getElementById('iv-stop');
    var api = '/api/v1/interviews/' + encodeURIComponent(token);
    // the page's words in the customer's language, from data-t-* on <main>
    function say(key, fallback) { return main.getAttribute('data-t-' + key) || fallback; }

    function message(m) {
      var li = document.createElement('li');
      li.className = 'iv-msg ' + (m.from === 'customer' ? 'iv-me' : 'iv-them');
      li.setAttribute('data-kind', m.kind);
      var who = document.createElement('span');
      who.className = 'iv-who';
      who.textContent = m.from === 'customer' ? say('you', 'You') : say('us', 'Us');
      var p = document.createElement('p');
      p.textContent = m.text;
      li.appendChild(who);
      li.appendChild(p);
      return li;
    }

    function error(msg) {
      var e = document.getElementById('iv-error');
      if (!e) {
        e = document.createElement('p');
        e.id = 'iv-error';
        e.className = 'iv-error';
        e.setAttribute('role', 'alert');
        form.parentNode.insertBefore(e, form);
      }
      e.textContent = msg;
    }

    function show(state) {
      var shown = log.querySelectorAll('li').length;
      var old = document.getElementById('iv-question');
      if (old) old.removeAttribute('id');
      for (var i = shown; i < state.messages.length; i++) log.appendChild(message(state.messages[i]));
      var e = document.getElementById('iv-error');
      if (e) e.parentNode.removeChild(e);
      main.setAttribute('data-status', state.status);
      if (state.status === 'stopped') { window.location.reload(); return; }
      if (state.status === 'completed') {
        var done = document.createElement('p');
        done.className = 'iv-done';
        done.setAttribute('data-testid', 'done');
        done.setAttribute('tabindex', '-1');
        done.textContent = say('done', 'Thank you — this conversation is complete.');
        form.parentNode.replaceChild(done, form);
        if (stopForm) stopForm.parentNode.removeChild(stopForm);
        done.focus();
        return;
      }
      if (state.question) {
        turn.value = state.question.turn;
        var items = log.querySelectorAll('li');
        items[items.length - 1].id = 'iv-question';
      }
      text.value = '';
      text.focus();
    }

    function post(url, body) {
      send.disabled = true;
      return fetch(url, {
        method: 'POST', credentials: 'omit', cache: 'no-store',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: body
      }).then(function (r) {
        return r.json().then(function (j) { return { ok: r.ok, status: r.status, body: j }; });
      }).then(function (r) {
        send.disabled = false;
        if (r.ok) show(r.body);
        else if (r.status === 409) window.location.reload();
        else error(r.body && r.body.detail ? r.body.detail : say('failed', 'Something went wrong. Please try again.'));
      }, function () {
        send.disabled = false;
        error(say('offline', 'We could not reach the server. Your answer is still here; please try again.'));
      });
    }

    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var value = text.value.trim();
      if (!value) { error(say('empty', 'Please write an answer first.')); text.focus(); return; }
      post(api + '/answers', JSON.stringify({ text: value, turn: parseInt(turn.value, 10) }));
    });

    text.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); form.requestSubmit ? form.requestSubmit() : send.click(); }
    });

    if (stopForm) {
      stopForm.addEventListener('submit', function (ev) {
        ev.preventDefault();
        post(api + '/stop', null);
      });
    }
  });
})();
