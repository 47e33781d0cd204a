// Polls the progress of a running recompute for administrators (the charts are drawn by js/charts.js).
(function () {
  "use strict";
  function poll() {
    var box = document.getElementById("run-status");
    if (!box) return;
    var status = box.querySelector('[data-field="status"]');
    if (!status || status.dataset.state !== "running") return;
    fetch(box.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var latest = data.latest;
        if (!latest) return;
        status.textContent = latest.status_label;
        status.dataset.state = latest.status;
        box.querySelector('[data-field="stage"]').textContent = latest.stage_label;
        box.querySelector('[data-field="progress"]').value = latest.progress;
        if (latest.status === "running") setTimeout(poll, 3000);
        else if (latest.status === "complete") window.location.reload();
      })
      .catch(function () { setTimeout(poll, 10000); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    setTimeout(poll, 3000);
  });
})();
