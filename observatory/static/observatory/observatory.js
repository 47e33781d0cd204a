// Renders the observatory's ECharts options (built and translated on the server; each chart also has
// a table view and a CSV download in the page, so nothing depends on this script).
(function () {
  "use strict";
  function render() {
    if (!window.echarts) return;
    var charts = [];
    document.querySelectorAll(".obs-chart").forEach(function (el) {
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
  document.addEventListener("DOMContentLoaded", render);
})();
