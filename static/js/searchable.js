// Searchable multi-selects: every <select multiple data-searchable> becomes a Tom Select picker (vendored in
// static/vendor/tom-select). Typing filters by any part of the label (a code, a Chinese or an English name).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.TomSelect) return;
    var lang = document.documentElement.lang || "";
    var noResults = lang.indexOf("zh") === 0 ? "没有匹配项" : "No match";
    document.querySelectorAll("select[multiple][data-searchable]").forEach(function (select) {
      new window.TomSelect(select, {
        plugins: ["remove_button"],
        maxOptions: null,
        hidePlaceholder: true,
        closeAfterSelect: false,
        render: { no_results: function () { return '<div class="no-results">' + noResults + "</div>"; } }
      });
      // Tom Select moves the field's <label for> to its own input; the original select stays only to submit
      // the form (out of the tab order), so assistive technology should not meet it as a second, unnamed control.
      select.setAttribute("aria-hidden", "true");
    });
  });
})();
