// Followthrough in-app survey widget. Embed with the contact's external id, a unix timestamp and the
// HMAC-SHA256 (hex) of "<contact>:<timestamp>" under the workspace's widget secret, computed by YOUR
// backend (never put the secret in the page):
//   <script src="https://followthrough.example/assets/widget.js" data-followthrough="https://followthrough.example"
//           data-contact="c-42" data-timestamp="1765100000" data-signature="…" defer></script>
// It asks only when Followthrough has an in-app survey due for the contact (the same fatigue rules as email).
(function () {
  var me = document.currentScript;
  if (!me) return;
  var base = (me.getAttribute('data-followthrough') || '').replace(/\/$/, '');
  var auth = {
    contact: me.getAttribute('data-contact'),
    timestamp: parseInt(me.getAttribute('data-timestamp'), 10),
    signature: me.getAttribute('data-signature')
  };
  // the words come from /w/v1/check in the contact's language; data-question / data-reason override them
  var words = {};
  function say(key, fallback) { return words[key] || fallback; }

  function post(path, body) {
    return fetch(base + path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(Object.assign({}, auth, body || {})), credentials: 'omit' })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); });
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  function show(reply) {
    words = reply.text || {};
    var question = me.getAttribute('data-question') || say('question', 'How likely are you to recommend us to a friend or colleague?');
    var reasonLabel = me.getAttribute('data-reason') || say('reason', 'What is the primary reason for your score?');
    var box = el('section', { role: 'dialog', 'aria-label': say('label', 'Feedback'), 'data-followthrough-widget': '1',
      lang: reply.language || 'en', dir: reply.dir || 'ltr',
      style: 'position:fixed;inset-inline-end:16px;bottom:16px;max-width:360px;background:#fff;color:#151922;border:1px solid #cfd4dc;border-radius:12px;padding:14px;font:15px/1.4 system-ui,sans-serif;box-shadow:0 6px 24px rgba(0,0,0,.15);z-index:2147483000' });
    var close = el('button', { type: 'button', 'aria-label': say('close', 'Close'), style: 'float:inline-end;border:0;background:none;font-size:18px;cursor:pointer' }, '×');
    close.onclick = function () { box.remove(); };
    box.appendChild(close);
    box.appendChild(el('p', { style: 'margin:0 0 8px;font-weight:600' }, question));
    var scale = el('div', { style: 'display:grid;grid-template-columns:repeat(11,1fr);gap:3px' });
    var chosen = null;
    for (var s = 0; s <= 10; s++) {
      (function (score) {
        var b = el('button', { type: 'button', 'aria-pressed': 'false', style: 'min-height:36px;border:1px solid #586174;border-radius:6px;background:#fff;cursor:pointer' }, String(score));
        b.onclick = function () {
          chosen = score;
          Array.prototype.forEach.call(scale.children, function (x) { x.setAttribute('aria-pressed', 'false'); x.style.background = '#fff'; x.style.color = '#151922'; });
          b.setAttribute('aria-pressed', 'true'); b.style.background = '#2f3fb8'; b.style.color = '#fff';
          more.hidden = false;
        };
        scale.appendChild(b);
      })(s);
    }
    box.appendChild(scale);
    var more = el('div', { style: 'margin-top:8px' });
    more.hidden = true;
    var label = el('label', { style: 'display:block;margin-bottom:4px' }, reasonLabel);
    var text = el('textarea', { rows: '3', maxlength: '4000', style: 'width:100%;box-sizing:border-box' });
    label.appendChild(text);
    more.appendChild(label);
    var send = el('button', { type: 'button', style: 'margin-top:6px;background:#2f3fb8;color:#fff;border:0;border-radius:8px;padding:8px 14px;cursor:pointer' }, say('send', 'Send'));
    send.onclick = function () {
      if (chosen === null) return;
      send.disabled = true;
      post('/w/v1/answer', { score: chosen, comment: text.value || null }).then(function (r) {
        box.textContent = r.ok ? say('thanks', 'Thank you!') : say('failed', 'Sorry, that did not work.');
        setTimeout(function () { box.remove(); }, 2500);
      });
    };
    more.appendChild(send);
    box.appendChild(more);
    document.body.appendChild(box);
  }

  post('/w/v1/check').then(function (r) { if (r.ok && r.body.show) show(r.body); }).catch(function () {});
})();
