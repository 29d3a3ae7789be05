// Accessibility checks run in the page by AccessibilityBrowserTests. Each function returns a list of problems.
window.a11y = {
  // Every visible form control has a name: label[for], a wrapping label, aria-label or aria-labelledby.
  unlabelled: function () {
    var out = [];
    document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(function (el) {
      var named = (el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]'))
        || el.closest('label') || (el.getAttribute('aria-label') || '').trim()
        || (el.getAttribute('aria-labelledby') && document.getElementById(el.getAttribute('aria-labelledby')));
      if (!named) out.push(el.outerHTML.substring(0, 120));
    });
    document.querySelectorAll('button, a[href]').forEach(function (el) {
      if (!(el.textContent.trim() || (el.getAttribute('aria-label') || '').trim())) out.push(el.outerHTML.substring(0, 120));
    });
    return out;
  },

  // The focused element shows an outline (or a box shadow) of at least 2px.
  focusIndicator: function () {
    var el = document.activeElement;
    if (!el || el === document.body) return null;
    var style = getComputedStyle(el);
    var outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    var shadow = style.boxShadow && style.boxShadow !== 'none';
    return outline || shadow ? '' : el.outerHTML.substring(0, 120);
  },

  // WCAG 2 contrast of every visible piece of text against what lies behind it: 4.5:1, 3:1 for large text.
  lowContrast: function () {
    function parse(color) {
      var m = color.match(/^rgba?\(([^)]+)\)/);
      if (m) {
        var p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
      }
      m = color.match(/^color\(srgb ([^)]+)\)/);
      if (m) {
        var q = m[1].split(/[\s\/]+/).filter(Boolean).map(parseFloat);
        return [q[0] * 255, q[1] * 255, q[2] * 255, q.length > 3 ? q[3] : 1];
      }
      return null;
    }
    function over(top, bottom) {
      var a = top[3];
      return [0, 1, 2].map(function (i) { return top[i] * a + bottom[i] * (1 - a); }).concat([1]);
    }
    function background(el) {
      var layers = [];
      for (var node = el; node && node.nodeType === 1; node = node.parentElement) {
        var c = parse(getComputedStyle(node).backgroundColor);
        if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
      }
      var result = [255, 255, 255, 1];
      for (var i = layers.length - 1; i >= 0; i--) result = over(layers[i], result);
      return result;
    }
    function opacity(el) {
      var o = 1;
      for (var node = el; node && node.nodeType === 1; node = node.parentElement) o *= parseFloat(getComputedStyle(node).opacity);
      return o;
    }
    function luminance(c) {
      var v = [0, 1, 2].map(function (i) {
        var s = c[i] / 255;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
      });
      return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    }
    var out = [];
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    var seen = new Set();
    while (walker.nextNode()) {
      var text = walker.currentNode;
      var el = text.parentElement;
      if (!text.textContent.trim() || seen.has(el) || el.closest('option, script, style, canvas')) continue;
      seen.add(el);
      var rect = el.getBoundingClientRect();
      var style = getComputedStyle(el);
      if (rect.width <= 1 || rect.height <= 1 || rect.right < 0 || style.visibility === 'hidden') continue;
      var bg = background(el);
      var fg = parse(style.color);
      if (!fg) continue;
      fg = over([fg[0], fg[1], fg[2], fg[3] * opacity(el)], bg);
      var l1 = luminance(fg), l2 = luminance(bg);
      var ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      var size = parseFloat(style.fontSize);
      var large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        out.push(ratio.toFixed(2) + ' ' + el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
          + ' "' + text.textContent.trim().substring(0, 40) + '" ' + style.color + ' on ' + bg.slice(0, 3).map(Math.round));
      }
    }
    return out;
  }
};
