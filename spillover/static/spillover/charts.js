// Follows a recompute for administrators without a reload (the charts are drawn by js/charts.js).
// A running run is polled until it ends. Right after "Recompute now" the page carries ?queued=<id of the
// newest run then>: it shows the run as queued and waits for a newer one, follows it, and on completion
// reloads the page without the parameter so the new figures show.
(function () {
  "use strict";
  var queuedAfter = null;

  function reloadWithoutQueued() {
    var url = new URL(window.location.href);
    url.searchParams.delete("queued");
    window.location.replace(url.toString());
  }

  function setFields(box, latest) {
    var status = box.querySelector('[data-field="status"]');
    if (!status) return;
    status.textContent = latest.status_label;
    status.dataset.state = latest.status;
    box.querySelector('[data-field="stage"]').textContent = latest.stage_label;
    box.querySelector('[data-field="progress"]').value = latest.progress;
  }

  function showQueued(box) {
    var status = box.querySelector('[data-field="status"]');
    if (status) {
      status.textContent = box.dataset.queuedLabel;
      status.dataset.state = "queued";
      box.querySelector('[data-field="stage"]').textContent = "";
      box.querySelector('[data-field="progress"]').removeAttribute("value");
    } else {
      var none = box.querySelector('[data-field="none"]');
      if (none) none.textContent = box.dataset.queuedLabel;
    }
  }

  function poll() {
    var box = document.getElementById("run-status");
    if (!box) return;
    var status = box.querySelector('[data-field="status"]');
    var following = queuedAfter !== null || (status && status.dataset.state === "running");
    if (!following) return;
    fetch(box.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var latest = data.latest;
        if (queuedAfter !== null && (!latest || latest.id <= queuedAfter)) { setTimeout(poll, 2000); return; }
        if (!latest) return;
        if (!status) { reloadWithoutQueued(); return; }
        setFields(box, latest);
        if (latest.status === "running") { setTimeout(poll, 2000); return; }
        if (latest.status === "complete") reloadWithoutQueued();
      })
      .catch(function () { setTimeout(poll, 10000); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("run-status");
    var queued = new URLSearchParams(window.location.search).get("queued");
    if (box && queued !== null && /^\d+$/.test(queued)) {
      queuedAfter = parseInt(queued, 10);
      showQueued(box);
      poll();
    } else {
      setTimeout(poll, 2000);
    }
  });
})();
