// Dashboard charts: the data comes as JSON in #charts[data-charts]; each slice, bar and day links to the list.
(function () {
  'use strict';
  var charts = [];

  function css(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function go(items) {
    return function (event, elements) {
      if (elements.length && items[elements[0].index]) window.location.href = items[elements[0].index].href;
    };
  }

  function draw() {
    var holder = document.getElementById('charts');
    if (!holder || typeof Chart === 'undefined') return;
    var data = JSON.parse(holder.getAttribute('data-charts'));
    charts.forEach(function (chart) { chart.destroy(); });
    charts = [];
    Chart.defaults.color = css('--fg');
    Chart.defaults.borderColor = css('--border');
    var accent = css('--accent');
    var late = css('--late');
    var common = { responsive: true, maintainAspectRatio: false, animation: false };

    var status = document.getElementById('chart-status');
    if (status) {
      charts.push(new Chart(status, {
        type: 'doughnut',
        data: { labels: data.status.map(function (s) { return s.label; }),
          datasets: [{ data: data.status.map(function (s) { return s.value; }),
            backgroundColor: data.status.map(function (s) { return s.color; }), borderColor: css('--card') }] },
        options: Object.assign({ onClick: go(data.status), plugins: { legend: { position: 'bottom' } } }, common)
      }));
    }
    var department = document.getElementById('chart-department');
    if (department) {
      charts.push(new Chart(department, {
        type: 'bar',
        data: { labels: data.department.map(function (d) { return d.label; }),
          datasets: [{ label: data.labels.open, data: data.department.map(function (d) { return d.value; }),
            backgroundColor: accent }] },
        options: Object.assign({ onClick: go(data.department), indexAxis: 'y',
          plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
        common)
      }));
    }
    var trend = document.getElementById('chart-trend');
    if (trend) {
      charts.push(new Chart(trend, {
        type: 'line',
        data: { labels: data.trend.map(function (d) { return d.day.substring(5); }),
          datasets: [
            { label: data.labels.created, data: data.trend.map(function (d) { return d.created; }),
              borderColor: accent, backgroundColor: accent, tension: 0.25 },
            { label: data.labels.closed, data: data.trend.map(function (d) { return d.closed; }),
              borderColor: late, backgroundColor: late, tension: 0.25 }] },
        options: Object.assign({ onClick: go(data.trend), scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { position: 'bottom' } } }, common)
      }));
    }
  }

  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('echamado:theme', draw);
})();
