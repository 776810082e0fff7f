// Progressive enhancement for every page; the pages work without it.
(function () {
  'use strict';

  // 1. The main menu collapses behind a "Menu" button on a phone (narrower than 60rem); open on wider screens.
  function menu() {
    var toggle = document.querySelector('.menu-toggle');
    var list = document.getElementById('nav-menu');
    if (!toggle || !list) { return; }
    var wide = window.matchMedia('(min-width: 60rem)');
    function set(open) {
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      list.hidden = !open;
    }
    function apply() {
      toggle.hidden = wide.matches;
      set(wide.matches);
    }
    toggle.addEventListener('click', function () { set(toggle.getAttribute('aria-expanded') !== 'true'); });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && !wide.matches && toggle.getAttribute('aria-expanded') === 'true') { set(false); toggle.focus(); }
    });
    if (wide.addEventListener) { wide.addEventListener('change', apply); }
    apply();
  }

  // 2. Error summary: each field with an error is marked invalid and described by its message; the summary gets the
  //    focus, so a screen reader reads it first and a keyboard user can follow its links to the fields.
  function errors() {
    document.querySelectorAll('.field-error[id$="-error"]').forEach(function (msg) {
      var name = msg.id.substring(0, msg.id.length - '-error'.length);
      var field = document.getElementById(name) || document.querySelector('[name="' + name + '"]');
      if (!field) { return; }
      field.setAttribute('aria-invalid', 'true');
      var described = (field.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      if (described.indexOf(msg.id) < 0) { described.push(msg.id); }
      field.setAttribute('aria-describedby', described.join(' '));
    });
    var summary = document.getElementById('errors');
    if (summary) {
      summary.focus();
      summary.querySelectorAll('a[href^="#"]').forEach(function (link) {
        link.addEventListener('click', function (e) {
          var target = document.getElementById(link.getAttribute('href').substring(1))
              || document.querySelector('[name="' + link.getAttribute('href').substring(1) + '"]');
          if (target) { e.preventDefault(); target.focus(); target.scrollIntoView({block: 'center'}); }
        });
      });
    }
  }

  // 3. A button that does something that cannot be undone asks once more, in the page's language (data-confirm).
  function confirms() {
    document.querySelectorAll('form [data-confirm]').forEach(function (button) {
      button.addEventListener('click', function (e) {
        if (!window.confirm(button.getAttribute('data-confirm'))) { e.preventDefault(); }
      });
    });
  }

  function ready() { menu(); errors(); confirms(); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', ready); } else { ready(); }
}());
