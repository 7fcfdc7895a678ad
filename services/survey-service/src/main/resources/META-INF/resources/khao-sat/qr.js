// The QR code on a receipt opens https://<host>/survey/khao-sat#ma=<receipt code>&pin=<PIN>. The
// fragment never reaches a server (nor its logs); this script takes the code and PIN from it,
// drops it from the address bar and history, and posts them: one scan, and the questionnaire opens.
(function () {
  var form = document.getElementById('code-form');
  var params = new URLSearchParams(window.location.hash.slice(1));
  var code = params.get('ma');
  var pin = params.get('pin');
  if (!form || !code || !pin) {
    return;
  }
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  form.elements.receiptCode.value = code;
  form.elements.pin.value = pin;
  form.submit();
})();
