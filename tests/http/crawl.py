"""crawl.py - walks a warta site mounted at a prefix the way a reader (and a
signed-in editor) would, following every link it finds, and reports every
URL that escapes the mount point: root-relative links, absolute links to
the site, redirects, feed and sitemap entries, robots.txt lines. Used by
the http suite (the embedded server with --prefix) and the servers suite
(lighttpd and Apache, CGI and FastCGI). Standard library only."""

import html
import re
import urllib.parse

# Attributes whose values are URLs (mount.c rewrites the same set).
ATTR_RE = re.compile(r'\s(href|src|action|formaction|poster|srcset|'
                     r'data-[a-z-]+)="([^"]*)"')
XML_URL_RE = re.compile(r'<(?:loc|id|link|uri)>([^<]*)</|href="([^"]*)"')


class Site:
    """How the crawler reaches the site: request(method, path, headers,
    body) returns a harness Response; prefix is the mount point ("" or
    "/berita"); base is the site's public base URL as configured
    ("http://127.0.0.1:8080")."""

    def __init__(self, request, prefix, base):
        self.request = request
        self.prefix = prefix
        self.base = base.rstrip("/")
        u = urllib.parse.urlsplit(self.base)
        self.hosts = {u.netloc}

    def get(self, path, headers=None):
        return self.request("GET", path, headers or {}, None)

    def inside(self, path):
        return path == self.prefix or path.startswith(self.prefix + "/")


def _urls_in_html(text):
    for name, value in ATTR_RE.findall(text):
        value = html.unescape(value)
        if name == "srcset":
            for cand in value.split(","):
                cand = cand.strip().split(" ")[0]
                if cand:
                    yield name, cand
        elif not name.startswith("data-") or value.startswith("/"):
            yield name, value


def _check(site, where, what, url, problems):
    """The site path url names (None when it is elsewhere or not a URL),
    recording a problem when it escapes the mount point."""
    if url == "" or url.startswith(("#", "?", "mailto:", "data:")):
        return None
    u = urllib.parse.urlsplit(url)
    if u.scheme in ("http", "https") or url.startswith("//"):
        if u.netloc not in site.hosts:
            return None
        path = u.path or "/"
    elif url.startswith("/"):
        path = u.path
    else:
        problems.append("%s: %s %r is relative to the page" %
                        (where, what, url))
        return None
    if not site.inside(path):
        problems.append("%s: %s %r escapes %r" %
                        (where, what, url, site.prefix))
        return None
    return path + ("?" + u.query if u.query else "")


def crawl(site, starts=("/", "/robots.txt", "/sitemap.xml"), headers=None,
          limit=150, skip=()):
    """Breadth-first from prefix + each of starts, fetching at most limit pages
    with headers (a Cookie for a signed-in crawl). Returns (pages,
    problems): the site paths fetched with their statuses, and one line per
    link escaping the mount point or leading nowhere (4xx, 5xx). Paths
    starting with one of skip are checked, never fetched."""
    queue = [site.prefix + s for s in starts]
    seen = set(queue)
    pages = {}
    problems = []
    while queue and len(pages) < limit:
        path = queue.pop(0)
        r = site.get(path, headers or {})
        pages[path] = r.status
        found = []
        if r.status in (301, 302, 303, 307, 308):
            loc = r.header("Location") or ""
            p = _check(site, path, "Location", loc, problems)
            if p:
                found.append(p)
        elif r.status >= 400:
            problems.append("%s: %d" % (path, r.status))
        ctype = (r.header("Content-Type") or "").split(";")[0]
        body = r.body.decode("utf-8", "replace")
        if ctype == "text/html":
            for name, url in _urls_in_html(body):
                p = _check(site, path, name, url, problems)
                # Follow links and images; forms only to check them.
                if p and name in ("href", "src"):
                    found.append(p)
        elif ctype in ("application/xml", "application/rss+xml",
                       "application/atom+xml", "text/xml"):
            for a, b in XML_URL_RE.findall(body):
                url = html.unescape(a or b).strip()
                if url.startswith(("http://", "https://")):
                    p = _check(site, path, "xml", url, problems)
                    if p:
                        found.append(p)
        elif ctype == "text/plain" and path.endswith("/robots.txt"):
            for line in body.splitlines():
                key, _, value = line.partition(":")
                if key in ("Disallow", "Allow", "Sitemap"):
                    p = _check(site, path, key, value.strip(), problems)
                    if p and key == "Sitemap":
                        found.append(p)
        for p in found:
            if p in seen or p.split("?")[0].startswith(
                    tuple(site.prefix + s for s in skip)):
                continue
            seen.add(p)
            queue.append(p)
    return pages, problems


def cookie_pairs(r):
    """{name: (value, attributes)} of the Set-Cookie headers of r."""
    out = {}
    for sc in r.headers.get_all("Set-Cookie") or []:
        pair, _, attrs = sc.partition(";")
        name, _, value = pair.partition("=")
        out[name.strip()] = (value.strip(), attrs)
    return out


def sign_in(case, site, email, password):
    """Signs in through the sign-in form below the mount point, checking
    on the way that the redirects and both cookies carry the mount point.
    Returns the headers of a signed-in request."""
    p = site.prefix
    r = site.get(p + "/admin")
    case.assertEqual(r.status, 303)
    case.assertTrue(r.header("Location").startswith(p + "/admin/login"),
                    r.header("Location"))
    r = site.get(p + "/admin/login")
    case.assertEqual(r.status, 200)
    login = cookie_pairs(r)["warta_login"]
    case.assertIn("Path=%s/admin/login;" % p, login[1].replace(" ", ""))
    token = re.search(r'name="csrf" value="([^"]*)"', r.text).group(1)
    action = re.search(r'<form method="post" action="([^"]*)"', r.text)
    case.assertEqual(action.group(1), p + "/admin/login")
    body = urllib.parse.urlencode([("email", email), ("password", password),
                                   ("csrf", token)]).encode()
    r = site.request("POST", p + "/admin/login", {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": "warta_login=" + login[0],
        "Origin": site.base}, body)
    case.assertEqual(r.status, 303, r.text)
    case.assertEqual(r.header("Location"), p + "/admin")
    session = cookie_pairs(r)["warta_session"]
    case.assertIn("Path=%s;" % (p or "/"), session[1].replace(" ", ""))
    return {"Cookie": "warta_session=" + session[0]}
