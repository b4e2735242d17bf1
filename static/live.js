// live.js - a live blog's new updates without reloading. Polls the JSON
// endpoint named by data-live-poll for the changes after the version the
// page shows, and inserts, replaces or removes updates; stops when the
// editor closes the live blog. Without this script the page still shows
// every update as of its loading.
(function () {
	'use strict';
	var box = document.querySelector('[data-live-poll]');
	if (!box || !window.fetch || !window.JSON)
		return;
	var url = box.getAttribute('data-live-poll');
	var version = Number(box.getAttribute('data-live-version')) || 0;
	var list = box.querySelector('.live-updates');
	var INTERVAL = 10000;	// nginx keeps an answer 5 s; twice that

	// Newest first, by posting time, then id.
	function place(el) {
		var at = Number(el.getAttribute('data-at'));
		var id = Number(el.getAttribute('data-id'));
		for (var k = list.firstElementChild; k; k = k.nextElementSibling) {
			var kat = Number(k.getAttribute('data-at'));
			var kid = Number(k.getAttribute('data-id'));
			if (kat < at || (kat === at && kid < id)) {
				list.insertBefore(el, k);
				return;
			}
		}
		list.appendChild(el);
	}

	function apply(data) {
		data.updates.forEach(function (u) {
			var old = document.getElementById('update-' + u.id);
			if (old)
				old.parentNode.removeChild(old);
			if (u.deleted || !u.html)
				return;
			// Server-rendered HTML whose every value was escaped.
			var t = document.createElement('template');
			t.innerHTML = u.html;
			var el = t.content.firstElementChild;
			if (!el)
				return;
			el.classList.add('live-new');
			place(el);
		});
		var empty = box.querySelector('.live-empty');
		if (empty && list.firstElementChild)
			empty.parentNode.removeChild(empty);
		version = data.version;
		if (!data.open) {
			var st = document.querySelector('[data-live-status]');
			if (st)
				st.textContent = 'Liputan langsung berakhir ' +
					(data.ended || '');
			var hint = box.querySelector('.live-hint');
			if (hint)
				hint.textContent = 'Liputan langsung ini telah ' +
					'berakhir.';
		}
	}

	function poll() {
		fetch(url + '?sejak=' + version, { cache: 'no-cache',
			credentials: 'omit' })
			.then(function (r) { return r.ok ? r.json() : null; })
			.then(function (data) {
				if (data && data.version >= version)
					apply(data);
				if (data && !data.open)
					return;
				setTimeout(poll, data && data.more ? 0 : INTERVAL);
			})
			.catch(function () { setTimeout(poll, INTERVAL * 3); });
	}
	setTimeout(poll, INTERVAL);
})();
