// The filter works in CSS (body:has(#f-TYPE:not(:checked))); this reads #hide=figure,timex from the
// address into the boxes and mirrors them on <body data-hide="figure timex">.
(function () {
"use strict";
var T = ["timex", "figure", "membership", "event"];
function box(t) { return document.getElementById("f-" + t); }
function sync() { document.body.setAttribute("data-hide", T.filter(function (t) { return box(t) && !box(t).checked; }).join(" ")); }
function fromHash() {
var m = /^#hide=([a-z,]*)$/.exec(location.hash);
if (!m) return;
var hide = m[1].split(",");
T.forEach(function (t) { if (box(t)) box(t).checked = hide.indexOf(t) < 0; });
sync();
}
T.forEach(function (t) { if (box(t)) box(t).addEventListener("change", sync); });
addEventListener("hashchange", fromHash);
fromHash();
sync();
})();
