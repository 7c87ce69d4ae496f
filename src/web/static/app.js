// Client side of the fiscus web app, loaded from /static/ (the Content-Security-Policy allows no inline
// script): ECharts composition and execution charts from the data the server embeds.
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
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          return p.name + '<br>' + p.data.text + ' ' + data.unit + '（' + p.percent + '%）';
        },
      },
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', textStyle: { fontSize: 12 } },
      series: [
        {
          type: 'pie',
          radius: ['38%', '70%'],
          center: ['32%', '50%'],
          avoidLabelOverlap: true,
          label: { show: false },
          // Values are for drawing only; every figure shown as text comes from the server, exact.
          data: data.items.map(function (d) {
            return { name: d.name, value: Number(d.value), text: d.value };
          }),
        },
      ],
    });
    window.addEventListener('resize', function () {
      chart.resize();
    });
  }
  // 执行与绩效: planned and actual cumulative execution rate by month (percent strings from the server).
  function drawExec(el) {
    if (!window.echarts || el.dataset.drawn) return;
    var d = JSON.parse(el.dataset.execChart);
    var c = window.echarts.init(el, null, { renderer: 'svg' });
    c.setOption({
      aria: { enabled: true },
      animation: false,
      tooltip: {
        trigger: 'axis',
        valueFormatter: function (v) {
          return v + '%';
        },
      },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'] },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: '计划累计执行率', type: 'line', data: d.plan.map(Number), lineStyle: { type: 'dashed' } },
        { name: '实际累计执行率', type: 'line', data: d.actual.map(Number), lineStyle: { width: 3 } },
      ],
    });
    el.dataset.drawn = '1';
    window.addEventListener('resize', function () {
      c.resize();
    });
  }
  function all() {
    document.querySelectorAll('[data-chart]').forEach(draw);
    document.querySelectorAll('[data-exec-chart]').forEach(drawExec);
  }
  // A form that deletes or replaces asks first: data-confirm is the question; with data-confirm-checked
  // it is asked only when the named checkbox is ticked. Without this script the form still works.
  document.addEventListener(
    'submit',
    function (e) {
      var f = e.target;
      if (!f || !f.dataset || !f.dataset.confirm) return;
      var only = f.dataset.confirmChecked;
      if (only && !(f.elements[only] && f.elements[only].checked)) return;
      if (!window.confirm(f.dataset.confirm)) e.preventDefault();
    },
    true,
  );
  // 批量审核: the progress of a batch from the server's events (EventSource); as documents are checked the
  // summary and the review table are taken again from the server's page (rendered there, once), so that
  // no checked document still reads 待检查 beside the count; at the end the page is loaded again with the
  // full table and the downloads. Without this script the page refreshes itself (<noscript>).
  function reviewEvents() {
    var box = document.querySelector('[data-review-events]');
    if (!box || !window.EventSource) return;
    var bar = document.getElementById('review-progress');
    var count = document.getElementById('review-count');
    var es = new EventSource(box.dataset.reviewEvents);
    var rendered = bar ? Number(bar.getAttribute('value')) : 0;
    var busy = false;
    var again = false;
    // One request at a time; a change that arrives meanwhile asks for one more when it ends.
    function refreshTable() {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      fetch(window.location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
        .then(function (r) {
          return r.ok ? r.text() : null;
        })
        .then(function (html) {
          if (!html) return;
          var next = new DOMParser().parseFromString(html, 'text/html');
          ['review-summary', 'review-table'].forEach(function (id) {
            var now = document.getElementById(id);
            var fresh = next.getElementById(id);
            if (now && fresh) now.replaceWith(document.importNode(fresh, true));
          });
        })
        .catch(function () {})
        .then(function () {
          busy = false;
          if (again) {
            again = false;
            refreshTable();
          }
        });
    }
    function show(e) {
      var p = JSON.parse(e.data);
      if (bar) {
        bar.max = p.total;
        bar.value = p.done;
      }
      if (p.done > rendered && p.state !== 'done') {
        rendered = p.done;
        refreshTable();
      }
      if (count) {
        var n = count.querySelectorAll('.n');
        if (n[0]) n[0].textContent = p.done;
        if (n[1]) n[1].textContent = p.total;
        var st = document.getElementById('review-state');
        if (st) st.textContent = p.label;
      }
    }
    es.addEventListener('progress', show);
    es.addEventListener('done', function (e) {
      show(e);
      es.close();
      window.location.reload();
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', reviewEvents);
  else reviewEvents();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', all);
  else all();
  document.addEventListener('htmx:afterSwap', all);
})();
