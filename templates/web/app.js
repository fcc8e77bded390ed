// kaikuprint serve: the little that helps. Everything works without it.
"use strict";
document.addEventListener("keydown", function (e) {
	// previous and next page of a preview with the arrow keys
	if (e.target.tagName === "INPUT" || e.target.tagName === "TEXTAREA")
		return;
	var rel = e.key === "ArrowLeft" ? "prev" : e.key === "ArrowRight" ? "next" : null;
	var link = rel && document.querySelector("nav.pages a[rel=" + rel + "]");
	if (link)
		window.location = link.href;
});
document.addEventListener("click", function (e) {
	// removing a section asks first
	var b = e.target.closest("button[data-confirm]");
	if (b && !window.confirm(b.getAttribute("data-confirm")))
		e.preventDefault();
});
