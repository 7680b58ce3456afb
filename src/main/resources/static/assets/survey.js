// The survey page: a score chosen in the email is saved by a POST after a short pause (a person has
// the page in front of them; link scanners that merely fetch it never post). Without script, the
// visible button does the same.
(function () {
  var form = document.getElementById('sv-form');
  if (!form) return;
  var thanks = document.querySelector('[data-testid="thanks"]');
  if (thanks) thanks.focus();
  if (form.getAttribute('data-autosubmit') !== '1') return;
  var touched = false;
  form.addEventListener('input', function () { touched = true; });
  var saving = document.getElementById('sv-saving');
  if (saving) saving.hidden = false;
  setTimeout(function () {
    if (touched || document.visibilityState === 'hidden') { if (saving) saving.hidden = true; return; }
    form.submit();
  }, 1200);
})();
