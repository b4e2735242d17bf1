"""fcgi.py - a small FastCGI client for the fault tests: records built by
hand (so that tests can also build broken ones), one request over a Unix
socket, and its response parsed from the STDOUT records. Standard library
only; the FastCGI 1.0 specification is the reference."""

import socket
import struct
import time

BEGIN_REQUEST, ABORT_REQUEST, END_REQUEST, PARAMS, STDIN, STDOUT, \
    STDERR = 1, 2, 3, 4, 5, 6, 7
RESPONDER = 1


def record(rtype, rid, content=b"", pad=None):
    """One record; padding to a multiple of 8 unless pad is given."""
    if pad is None:
        pad = (8 - len(content) % 8) % 8
    return (struct.pack(">BBHHBB", 1, rtype, rid, len(content), pad, 0) +
            content + b"\0" * pad)


def length(n):
    return bytes([n]) if n < 128 else struct.pack(">I", n | 0x80000000)


def pairs(params):
    out = b""
    for k, v in params:
        k = k.encode() if isinstance(k, str) else k
        v = v.encode() if isinstance(v, str) else v
        out += length(len(k)) + length(len(v)) + k + v
    return out


def begin(rid=1, keep=False):
    return record(BEGIN_REQUEST, rid,
                  struct.pack(">HB5x", RESPONDER, 1 if keep else 0))


def stream(rtype, rid, data):
    """data as records of at most 65535 bytes, then the empty one."""
    out = b""
    for i in range(0, len(data), 65535):
        out += record(rtype, rid, data[i:i + 65535])
    return out + record(rtype, rid)


def cgi_params(path, method="GET", headers=(), body=b""):
    """The parameters nginx's fastcgi_params would send for a request."""
    target = path
    p = [("REQUEST_METHOD", method), ("REQUEST_URI", target),
         ("SCRIPT_NAME", path.split("?")[0]),
         ("QUERY_STRING", path.partition("?")[2]),
         ("SERVER_PROTOCOL", "HTTP/1.1"), ("REMOTE_ADDR", "127.0.0.1"),
         ("SERVER_NAME", "127.0.0.1"), ("SERVER_PORT", "80"),
         ("CONTENT_LENGTH", str(len(body)) if body else ""),
         ("CONTENT_TYPE", "")]
    for k, v in headers:
        p.append(("HTTP_" + k.upper().replace("-", "_"), v))
    return p


def request_bytes(params, body=b"", rid=1):
    return (begin(rid) + stream(PARAMS, rid, pairs(params)) +
            stream(STDIN, rid, body))


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def __repr__(self):
        return "<fcgi.Response %r %d bytes>" % (self.status, len(self.body))


def read_response(s, timeout):
    """Reads records until END_REQUEST or the end of the connection;
    returns a Response (status None when no complete head came)."""
    deadline = time.monotonic() + timeout
    data, out = b"", b""
    ended = False
    while not ended:
        left = deadline - time.monotonic()
        if left <= 0:
            raise socket.timeout("no FastCGI response within %ss" % timeout)
        s.settimeout(left)
        try:
            chunk = s.recv(65536)
        except ConnectionResetError:
            # Closed with our bytes unread: what a refusal looks like.
            break
        if not chunk:
            break
        data += chunk
        while len(data) >= 8:
            _, rtype, _, clen, plen, _ = struct.unpack(">BBHHBB", data[:8])
            if len(data) < 8 + clen + plen:
                break
            content = data[8:8 + clen]
            data = data[8 + clen + plen:]
            if rtype == STDOUT:
                out += content
            elif rtype == END_REQUEST:
                ended = True
    head, sep, body = out.partition(b"\r\n\r\n")
    if not sep:
        return Response(None, {}, out)
    headers, status = {}, None
    for line in head.split(b"\r\n"):
        k, _, v = line.partition(b":")
        k, v = k.strip().lower().decode(), v.strip().decode("latin-1")
        if k == "status":
            status = int(v.split()[0])
        headers[k] = v
    return Response(status or 200, headers, body)


def connect(path, timeout=10):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect(path)
    return s


def get(path_sock, target, headers=(), timeout=15):
    """One GET over a new connection; returns a Response."""
    s = connect(path_sock, timeout)
    try:
        s.sendall(request_bytes(cgi_params(target, headers=headers)))
        return read_response(s, timeout)
    finally:
        s.close()


def closed_by_peer(s, timeout):
    """True when the server closes (or resets) s within timeout seconds,
    whatever it sends first."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        s.settimeout(left)
        try:
            if not s.recv(65536):
                return True
        except socket.timeout:
            return False
        except OSError:
            return True
