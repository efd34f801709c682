"""Serves the repository on 127.0.0.1 so the page can load its WebAssembly.

Usage: python3 scripts/serve.py [PORT]   (PORT defaults to $PORT, then 8000;
0 picks a free port). Prints the page's URL on its first line of output.
"""

import functools
import http.server
import os
import sys


CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".css": "text/css",
        ".html": "text/html; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
        ".json": "application/json",
        ".svg": "image/svg+xml",
    }

    def end_headers(self):
        # A rebuilt engine must never be shadowed by a cached one.
        self.send_header("Cache-Control", "no-store")
        # The page carries this policy in a <meta> too; as a header it also
        # covers the worker, whose policy comes from its own response.
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format, *args):
        if os.environ.get("QUIET") != "1":
            super().log_message(format, *args)


def main():
    port = int(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("PORT") or 8000)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    handler = functools.partial(Handler, directory=root)
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as error:
        sys.exit(f"serve: cannot listen on 127.0.0.1:{port}: {error.strerror}")
    print(f"http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
