/* admin.js - progressive enhancement for the newsroom admin: slug
 * suggestion from the title, tag suggestions, a confirmation before
 * destructive buttons, and in the article editor the presence heartbeat,
 * autosave, a question before leaving unsaved changes, and a live word
 * count. Every form works without it; it is loaded on every admin page
 * and does nothing where its elements are absent. No inline script: the
 * CSP forbids it. */
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

	/* "Sisipkan di isi": the line [[foto:N]] for the number typed, as a
	 * paragraph of its own at the cursor of the body. */
	var fotoButton = document.getElementById("foto-insert");
	var fotoId = document.getElementById("foto_id");
	var body = document.getElementById("body");
	if (fotoButton && fotoId && body) {
		fotoButton.hidden = false;
		fotoButton.addEventListener("click", function () {
			var n = String(fotoId.value || "").trim();
			if (!/^[1-9][0-9]{0,14}$/.test(n)) {
				fotoId.focus();
				return;
			}
			var at = body.selectionStart || 0;
			var before = body.value.slice(0, at).replace(/\s*$/, "");
			var after = body.value.slice(at).replace(/^\s*/, "");
			var line = "[[foto:" + n + "]]";
			body.value = (before ? before + "\n\n" : "") + line +
				(after ? "\n\n" + after : "\n");
			var pos = (before ? before.length + 2 : 0) + line.length;
			body.setSelectionRange(pos, pos);
			body.focus();
			body.dispatchEvent(new Event("input", {bubbles: true}));
		});
	}

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

	var body = document.getElementById("body");
	var csrf = form.querySelector("input[name=csrf]");
	var can_post = !!(csrf && window.fetch && window.FormData);

	/* POSTs data (a FormData) with the session's token; resolves to the
	 * response text, rejects on any failure. */
	function post(url, data) {
		data.set("csrf", csrf.value);
		return fetch(url, {method: "POST", body: data,
				   credentials: "same-origin"})
			.then(function (r) {
				if (!r.ok)
					throw new Error(String(r.status));
				return r.text();
			});
	}

	/* The live word count and reading time, as the server counts them
	 * (textstat.c): runs holding a letter or digit. */
	var words = document.getElementById("words");
	var minutes = document.getElementById("minutes");
	function count() {
		var n = 0;
		body.value.split(/\s+/).forEach(function (w) {
			if (/[A-Za-z0-9\u0080-\uffff]/.test(w))
				n++;
		});
		words.textContent = String(n);
		minutes.textContent = String(Math.ceil(n / 200));
	}
	if (body && words && minutes)
		body.addEventListener("input", count);

	/* What the form holds, to tell typing from nothing. The file input
	 * and the buttons are left out. */
	function snapshot() {
		var parts = [];
		var els = form.elements;
		for (var i = 0; i < els.length; i++) {
			var el = els[i];
			if (!el.name || el.type === "file" || el.type === "submit" ||
			    el.name === "csrf")
				continue;
			if ((el.type === "checkbox" || el.type === "radio") &&
			    !el.checked)
				continue;
			parts.push(el.name + "=" + el.value);
		}
		return parts.join("\u0000");
	}
	var saved = snapshot();	    /* as loaded or last submitted */
	var autosaved = saved;	    /* as last kept by autosave */
	var leaving = false;

	/* Leaving with unsaved changes asks first; sending the form (but not
	 * to the preview's new tab) does not. */
	form.addEventListener("submit", function (ev) {
		var by = ev.submitter;
		if (by && by.getAttribute("formtarget") === "_blank")
			return;
		leaving = true;
	});
	window.addEventListener("beforeunload", function (ev) {
		if (leaving || form.hasAttribute("data-locked") ||
		    snapshot() === saved)
			return;
		ev.preventDefault();
		ev.returnValue = "";
	});

	/* Autosave: every 20 s while the form differs from what was last
	 * kept, the text fields go to the server as this user's autosave of
	 * the story (never a revision, never public). */
	var status = document.getElementById("autosave-status");
	var autosave_url = form.getAttribute("data-autosave");
	if (can_post && autosave_url) {
		setInterval(function () {
			var now = snapshot();
			if (leaving || now === autosaved || now === saved)
				return;
			var data = new FormData(form);
			data.delete("image");
			data.delete("action");
			post(autosave_url, data).then(function (time) {
				autosaved = now;
				if (status)
					status.textContent =
						"Tersimpan otomatis " + time;
			}).catch(function () {
				if (status)
					status.textContent =
						"Simpan otomatis gagal; " +
						"simpan sendiri.";
			});
		}, 20000);
	}

	/* Presence: a heartbeat every 30 s keeps "sedang menyunting" true
	 * for the others; closing the page says so at once. */
	var presence_url = form.getAttribute("data-presence");
	if (can_post && presence_url) {
		var beat = function () {
			post(presence_url, new FormData()).catch(function () {});
		};
		beat();
		setInterval(beat, 30000);
		window.addEventListener("pagehide", function () {
			if (!navigator.sendBeacon)
				return;
			var data = new FormData();
			data.set("csrf", csrf.value);
			data.set("leave", "1");
			navigator.sendBeacon(presence_url, data);
		});
	}
}());
