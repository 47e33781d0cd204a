// Live notifications on every page: one socket per tab to ws/notifications/, reconnecting
// with backoff. A new notification shows a toast linking to it and bumps any element marked
// data-notification-count (the badge in the navigation, always in the page, hidden at zero).
// Titles arrive already translated by the server, in the reader's language.
(function () {
  "use strict";
  if (!window.WebSocket) return;
  var scheme = location.protocol === "https:" ? "wss://" : "ws://";
  var attempt = 0, unread = null, tray = null;

  function counters() { return document.querySelectorAll("[data-notification-count]"); }
  function showCount() {
    counters().forEach(function (node) {
      node.textContent = unread ? String(unread) : "";
      node.hidden = !unread;
    });
  }
  function toast(note) {
    if (!tray) {
      tray = document.createElement("div");
      tray.className = "live-toasts";
      tray.setAttribute("aria-live", "polite");
      tray.style.cssText = "position:fixed;right:1rem;bottom:1rem;display:flex;flex-direction:column;gap:.5rem;z-index:50;max-width:22rem";
      document.body.appendChild(tray);
    }
    var item = document.createElement(note.url ? "a" : "div");
    item.className = "live-toast";
    item.dataset.notificationId = note.id;
    item.style.cssText = "display:block;background:#0f1b2d;color:#fff;padding:.6rem .8rem;border-radius:8px;box-shadow:0 4px 12px rgba(0,0,0,.2)";
    if (note.url) item.href = note.url;
    item.textContent = note.title;
    tray.appendChild(item);
    setTimeout(function () { item.remove(); }, 8000);
  }
  function connect() {
    var socket = new WebSocket(scheme + location.host + "/ws/notifications/");
    socket.onopen = function () { attempt = 0; };
    socket.onmessage = function (event) {
      var frame = JSON.parse(event.data);
      if (frame.type === "hello") {
        unread = frame.unread; showCount();
        document.documentElement.dataset.notificationsLive = "1"; // the count now follows pushes
      }
      if (frame.type === "notification") {
        unread = (unread || 0) + 1; showCount(); toast(frame.notification);
        document.dispatchEvent(new CustomEvent("vc:notification", { detail: frame.notification }));
      }
    };
    socket.onclose = function (event) {
      if (event.code === 4401) return; // logged out
      // Jittered backoff capped at 3 s (4503: a dependency of the server is down, retry the same way);
      // the server's hello frame then resynchronises the unread count.
      var delay = Math.min(3000, 250 * Math.pow(2, attempt++)) * (0.5 + Math.random() / 2);
      setTimeout(connect, delay);
    };
  }
  connect();
})();
