// The bureau dashboard's charts (reports/ReportPages): an enhancement drawn from the page's own
// school table, so the numbers in a chart are exactly those in the table (which works without JS).
(function () {
  function draw() {
    if (!window.echarts) { return; }
    var rows = Array.prototype.slice.call(document.querySelectorAll('#schools tbody tr'));
    if (rows.length === 0) { return; }
    var labels = rows.map(function (r) { return r.querySelector('[data-chart-label]').textContent.trim(); });
    function column(attr) {
      return rows.map(function (r) { var v = parseFloat(r.querySelector('[' + attr + ']').textContent); return isNaN(v) ? 0 : v; });
    }
    var box = document.querySelector('.charts');
    box.hidden = false;
    [['chart-participation', 'data-chart-participation'], ['chart-fees', 'data-chart-fees']].forEach(function (c) {
      var el = document.getElementById(c[0]);
      var chart = echarts.init(el);
      chart.setOption({
        title: { text: el.dataset.title, textStyle: { fontSize: 14 } },
        tooltip: {},
        grid: { left: 8, right: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', data: labels, axisLabel: { width: 120, overflow: 'truncate' } },
        series: [{ type: 'bar', data: column(c[1]) }]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
}());
