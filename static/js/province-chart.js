// The members-by-province bar chart of a cluster page, drawn from the JSON the page embeds.
(function () {
  "use strict";
  var source = document.getElementById("province-chart-data");
  var node = document.getElementById("province-chart");
  if (!window.echarts || !source || !node) { return; }
  var data = JSON.parse(source.textContent);
  var chart = window.echarts.init(node);
  chart.setOption({
    tooltip: {trigger: "axis"},
    grid: {left: 8, right: 16, top: 16, bottom: 8, containLabel: true},
    xAxis: {type: "value", minInterval: 1},
    yAxis: {type: "category", inverse: true, data: data.rows.map(function (row) { return row.name; })},
    series: [{name: data.series, type: "bar", itemStyle: {color: "#1f6feb"},
              data: data.rows.map(function (row) { return row.value; })}]
  });
  node.dataset.rendered = "1";
  window.addEventListener("resize", function () { chart.resize(); });
})();
