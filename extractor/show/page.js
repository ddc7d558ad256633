(function () {
  "use strict";
  var types = ["timex", "figure", "membership", "event"];
  function box(t) { return document.getElementById("f-" + t); }
  function sync() {
    var hidden = types.filter(function (t) { return box(t) && !box(t).checked; });
    document.body.setAttribute("data-hide", hidden.join(" "));
  }
  function fromHash() {
    var m = /^#hide=([a-z,]*)$/.exec(location.hash);
    if (!m) return;
    var hide = m[1].split(",");
    types.forEach(function (t) { if (box(t)) box(t).checked = hide.indexOf(t) < 0; });
    sync();
  }
  types.forEach(function (t) { if (box(t)) box(t).addEventListener("change", sync); });
  window.addEventListener("hashchange", fromHash);
  fromHash();
  sync();
})();
