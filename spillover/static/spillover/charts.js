// Renders every ECharts option the page carries (built and translated on the server) and polls
// the progress of a running recompute for administrators.
(function () {
  "use strict";
  function render() {
    if (!window.echarts) return;
    var charts = [];
    document.querySelectorAll(".spill-chart").forEach(function (el) {
      var spec = document.getElementById(el.dataset.spec);
      if (!spec) return;
      var chart = window.echarts.init(el, null, { renderer: "canvas" });
      chart.setOption(JSON.parse(spec.textContent));
      el.dataset.rendered = "1";
      charts.push(chart);
    });
    window.addEventListener("resize", function () {
      charts.forEach(function (c) { c.resize(); });
    });
  }
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
    render();
    setTimeout(poll, 3000);
  });
})();
