// Client side of the fiscus web app: ECharts composition charts from the data the server embeds.
// Each chart has a data table next to it, so nothing depends on this script for reading.
(function () {
  function draw(el) {
    if (!window.echarts || el.dataset.drawn) return;
    var data = JSON.parse(el.dataset.chart);
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    el.dataset.drawn = '1';
    chart.setOption({
      aria: { enabled: true },
      animation: false,
      tooltip: { trigger: 'item', formatter: function (p) { return p.name + '<br>' + p.data.text + ' ' + data.unit + '（' + p.percent + '%）'; } },
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', textStyle: { fontSize: 12 } },
      series: [{
        type: 'pie', radius: ['38%', '70%'], center: ['32%', '50%'], avoidLabelOverlap: true,
        label: { show: false },
        // Values are for drawing only; every figure shown as text comes from the server, exact.
        data: data.items.map(function (d) { return { name: d.name, value: Number(d.value), text: d.value }; })
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  function all() { document.querySelectorAll('[data-chart]').forEach(draw); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', all); else all();
  document.addEventListener('htmx:afterSwap', all);
})();
