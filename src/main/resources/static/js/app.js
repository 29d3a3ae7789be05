// EChamado shell: theme toggle (remembered in a cookie so the server renders the right theme on the next page),
// status chip colours from data-color, confirmation before destructive forms, the browser's time zone, the solution
// field of the status form. No inline script anywhere (CSP).
(function () {
  'use strict';
  var COOKIE = 'ECHAMADO_THEME';

  function currentTheme() {
    var chosen = document.documentElement.getAttribute('data-theme');
    if (chosen === 'light' || chosen === 'dark') return chosen;
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function setTheme(theme) {
    document.documentElement.setAttribute('data-theme', theme);
    document.cookie = COOKIE + '=' + theme + '; path=/; max-age=31536000; SameSite=Lax';
    document.dispatchEvent(new CustomEvent('echamado:theme', { detail: theme }));
  }

  function paintChips(root) {
    root.querySelectorAll('[data-color]').forEach(function (el) {
      var color = el.getAttribute('data-color');
      if (/^#[0-9a-fA-F]{6}$/.test(color)) el.style.setProperty('--chip', color);
    });
  }

  // The browser's time zone, so that the server shows times as the viewer's clock does (ViewerTimeZone).
  function rememberTimeZone() {
    var zone = window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && /^[A-Za-z0-9_+\-\/]{1,64}$/.test(zone) && document.cookie.indexOf('ECHAMADO_TZ=' + zone) < 0) {
      document.cookie = 'ECHAMADO_TZ=' + zone + '; path=/; max-age=31536000; SameSite=Lax';
    }
  }

  // A status form that moves to a resolving status asks for the solution (the server refuses it without one).
  function solutionWhenResolving(select) {
    var box = document.getElementById(select.getAttribute('data-solution'));
    if (!box) return;
    function sync() {
      var option = select.options[select.selectedIndex];
      var resolving = !!option && option.getAttribute('data-resolving') === 'true';
      box.hidden = !resolving;
      box.querySelectorAll('textarea').forEach(function (text) { text.required = resolving; });
    }
    select.addEventListener('change', sync);
    sync();
  }

  document.addEventListener('DOMContentLoaded', function () {
    rememberTimeZone();
    document.querySelectorAll('select[data-solution]').forEach(solutionWhenResolving);
    var toggle = document.getElementById('theme-toggle');
    if (toggle) {
      toggle.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
      toggle.addEventListener('click', function () {
        var next = currentTheme() === 'dark' ? 'light' : 'dark';
        setTheme(next);
        toggle.setAttribute('aria-pressed', String(next === 'dark'));
      });
    }
    paintChips(document);
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
      });
    });
  });
  document.addEventListener('htmx:afterSwap', function (event) { paintChips(event.target); });
})();
