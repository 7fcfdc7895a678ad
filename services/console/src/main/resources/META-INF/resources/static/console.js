// PAR·SIPAS console: small enhancements over pages that work without JavaScript.
(function () {
  "use strict";

  // A live inbox announces what changed, so screen-reader users hear it too (the list itself is
  // refreshed by htmx when the relayed stream says something changed).
  document.addEventListener("htmx:sseMessage", function (event) {
    // The console says "ready" once its own stream from notification-service is open: from then on
    // no change is missed (tests and styles can tell).
    if (event.detail.type === "ready") {
      document.body.dataset.live = "open";
      return;
    }
    var live = document.getElementById("live-status");
    if (!live || event.detail.type !== "change") {
      return;
    }
    var text = "Danh sách vừa được cập nhật.";
    try {
      var change = JSON.parse(event.detail.data);
      if (change.change === "raised") {
        text = "Có cảnh báo mới: " + change.title;
      } else if (change.change === "resolved") {
        text = "Một cảnh báo đã được xử lý xong: " + change.title;
      }
    } catch (ignored) {
      // a resume notice carries no single alert
    }
    live.textContent = text;
  });

  document.addEventListener("htmx:sseError", function () {
    delete document.body.dataset.live;
  });

  // A page being left (a link followed: signing out above all) does not reload itself when its own
  // requests fail meanwhile: the reload would cut the sign-out short on its way to Keycloak.
  var leaving = false;
  window.addEventListener("beforeunload", function () {
    leaving = true;
  });

  // A request made by the page after the session ended: reload, which leads through sign-in and back.
  document.addEventListener("htmx:responseError", function (event) {
    if (!leaving && event.detail.xhr && (event.detail.xhr.status === 499 || event.detail.xhr.status === 401)) {
      window.location.reload();
    }
  });

  // "Chọn tất cả" ticks every alert shown that can be acknowledged.
  document.addEventListener("change", function (event) {
    var all = event.target;
    if (all.id !== "select-all") {
      return;
    }
    document.querySelectorAll("input[name=ids]").forEach(function (box) {
      box.checked = all.checked;
    });
  });
})();
