// Renders every ECharts option a page carries: an element with data-spec names the JSON script
// (json_script, built and translated on the server) that holds its option. Each chart also has a
// table view in the page, so nothing depends on this script.
(function () {
  "use strict";
  function render() {
    if (!window.echarts) return;
    var charts = [];
    document.querySelectorAll("[data-spec]").forEach(function (el) {
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
