// Polls the status of each export still being built and moves its progress bar; reloads when one finishes.
(function () {
  "use strict";
  var BUILDING = { queued: true, running: true };
  function poll(row) {
    fetch(row.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        row.dataset.state = data.status;
        row.querySelector('[data-field="status"]').textContent = data.status_label;
        row.querySelector('[data-field="progress"]').value = data.progress;
        if (BUILDING[data.status]) setTimeout(function () { poll(row); }, 1500);
        else window.location.reload();
      })
      .catch(function () { setTimeout(function () { poll(row); }, 10000); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".export-row").forEach(function (row) {
      if (BUILDING[row.dataset.state]) setTimeout(function () { poll(row); }, 1500);
    });
  });
})();
