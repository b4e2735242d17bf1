// focal.js - the media library's focal point: a click on the picture
// fills the "fx" and "fy" inputs (thousandths of the width and height) and
// moves the marker. The number inputs work without it.
"use strict";
document.querySelectorAll("[data-focal]").forEach(function (box) {
	var img = box.querySelector("img");
	var mark = box.querySelector(".focal-mark");
	var fx = document.getElementById("fx");
	var fy = document.getElementById("fy");
	if (!img || !fx || !fy)
		return;
	box.classList.add("focal-live");
	function place() {
		mark.style.left = (fx.value / 10) + "%";
		mark.style.top = (fy.value / 10) + "%";
	}
	img.addEventListener("click", function (ev) {
		var r = img.getBoundingClientRect();
		var x = Math.round((ev.clientX - r.left) / r.width * 1000);
		var y = Math.round((ev.clientY - r.top) / r.height * 1000);
		fx.value = Math.min(1000, Math.max(0, x));
		fy.value = Math.min(1000, Math.max(0, y));
		place();
	});
	fx.addEventListener("input", place);
	fy.addEventListener("input", place);
	place();
});
