/* admin.js - progressive enhancement for the newsroom admin: the article
 * editor's live preview, slug suggestion from the title, tag suggestions,
 * and a confirmation before destructive buttons. Every form works without
 * it; it is loaded on every admin page and does nothing where its
 * elements are absent. No inline script: the CSP forbids it. */
(function () {
	"use strict";

	/* Buttons with data-confirm ask first (delete, unpublish). */
	document.addEventListener("click", function (ev) {
		var el = ev.target;
		while (el && el !== document && !(el.getAttribute &&
		       el.getAttribute("data-confirm")))
			el = el.parentNode;
		if (!el || el === document)
			return;
		if (!window.confirm(el.getAttribute("data-confirm")))
			ev.preventDefault();
	});

	var form = document.getElementById("editor");
	if (!form)
		return;

	/* The slug the server would make from the title when the field is
	 * left empty, shown as the placeholder. An approximation of slug.c:
	 * diacritics dropped, anything else separates words. */
	function slugify(s) {
		var extra = {"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ð": "d",
			     "þ": "th", "ł": "l", "ı": "i", "œ": "oe"};
		s = s.toLowerCase();
		if (s.normalize)
			s = s.normalize("NFKD");
		s = s.replace(/[\u0300-\u036f]/g, "").replace(/[ßæøđðþłıœ]/g,
			function (c) { return extra[c]; });
		s = s.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
		if (s.length > 100) {
			s = s.slice(0, 100);
			var cut = s.lastIndexOf("-");
			s = cut > 0 ? s.slice(0, cut) : s;
		}
		return s;
	}

	var title = document.getElementById("title");
	var slug = document.getElementById("slug");
	if (title && slug) {
		var suggest = function () {
			slug.placeholder = slugify(title.value);
		};
		title.addEventListener("input", suggest);
		suggest();
	}

	/* A <datalist> matches the whole value, but the field holds a comma
	 * list: offer "what is typed so far, NAME" for names starting with
	 * the last, unfinished tag. */
	var tags = document.getElementById("tags");
	var list = document.getElementById("tag-list");
	if (tags && list) {
		var names = [];
		for (var i = 0; i < list.options.length; i++)
			names.push(list.options[i].value);
		tags.addEventListener("input", function () {
			var v = tags.value;
			var cut = v.lastIndexOf(",");
			var head = cut < 0 ? "" : v.slice(0, cut + 1) + " ";
			var typed = v.slice(cut + 1).trim().toLowerCase();
			var used = v.split(",").map(function (t) {
				return t.trim().toLowerCase();
			});
			while (list.firstChild)
				list.removeChild(list.firstChild);
			var shown = 0;
			for (var k = 0; k < names.length && shown < 50; k++) {
				var n = names[k], low = n.toLowerCase();
				if (low.indexOf(typed) !== 0 ||
				    used.indexOf(low) >= 0)
					continue;
				var o = document.createElement("option");
				o.value = head + n;
				list.appendChild(o);
				shown++;
			}
		});
	}

	/* The preview: the body rendered by the server with the code of the
	 * public page, refreshed while typing. */
	var button = document.getElementById("preview-button");
	var pane = document.getElementById("preview");
	var body = document.getElementById("body");
	var csrf = form.querySelector("input[name=csrf]");
	var url = form.getAttribute("data-preview");
	if (!button || !pane || !body || !csrf || !url || !window.fetch ||
	    !window.FormData)
		return;
	var open = false, seq = 0, timer = null;
	function render() {
		var n = ++seq;
		var data = new FormData();
		data.append("csrf", csrf.value);
		data.append("body", body.value);
		fetch(url, {method: "POST", body: data,
			    credentials: "same-origin"})
			.then(function (r) {
				if (!r.ok)
					throw new Error(String(r.status));
				return r.text();
			})
			.then(function (html) {
				/* The server's cmark output (safe mode) and
				 * escaped BACA JUGA boxes, as on the site. */
				if (n === seq)
					pane.innerHTML = html;
			})
			.catch(function () {
				if (n === seq)
					pane.textContent =
						"Pratinjau tidak tersedia.";
			});
	}
	button.hidden = false;
	button.addEventListener("click", function () {
		open = !open;
		pane.hidden = !open;
		button.textContent = open ? "Tutup pratinjau" : "Pratinjau";
		if (open)
			render();
	});
	body.addEventListener("input", function () {
		if (!open)
			return;
		clearTimeout(timer);
		timer = setTimeout(render, 400);
	});
}());
