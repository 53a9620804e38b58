#!/usr/bin/env python3
"""Trunk post-build hook: make the built page enforce its privacy promise with a
Content-Security-Policy, so the browser itself refuses any request to leave the page.

Run by Trunk (Trunk.toml [[hooks]], stage post_build) on the staging directory, for
`trunk build`, `trunk build --release` and `trunk serve` alike. It
1. loads the WebAssembly without fetch(): the wasm bytes go into an ES module beside it
   (`<name>_bg.wasm.js`, base64), the loader passes them to wasm-bindgen's `init`, and the
   `<link rel=preload as=fetch>` and the `.wasm` file itself are dropped. So `connect-src 'none'` holds even for the app's
   own files (fetch() is governed by connect-src; module scripts by script-src 'self');
2. writes a <meta http-equiv="Content-Security-Policy"> first in <head>: scripts by hash
   (every inline script, Trunk's loader and, under `trunk serve`, its live-reload client)
   plus 'self' and 'wasm-unsafe-eval'; no 'unsafe-eval'; connect-src 'none', or 'self' only
   when the live-reload client is present (it talks to `trunk serve` over a same-origin
   WebSocket, and its address is made to come from the page's location so the script's hash
   holds); style attributes allowed (Yew sets `style` on a few elements), <style>
   elements not; workers from 'self' only;
3. writes `eventpen-worker.js`, the app's Web Worker, which loads the same module and wasm.

Idempotent on its own output; the Python standard library only.
"""
import base64
import hashlib
import os
import re
import sys

LOADER_WASM = re.compile(r"init\(\{ module_or_path: '\./(?P<wasm>[^']+_bg\.wasm)' \}\)")
PRELOAD_WASM = re.compile(r'<link rel="preload" href="\./[^"]+_bg\.wasm"[^>]*>')
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(?P<body>.*?)</script>", re.S)
EXISTING_CSP = re.compile(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>')
LIVE_RELOAD_MARKER = ".well-known/trunk/ws"
GLUE_IMPORT = re.compile(r"import wasmBytes from '\./(?P<bytes>[^']+)';\s*import init, \* as bindings from '\./(?P<glue>[^']+)';")
WORKER_SCRIPT = "eventpen-worker.js"


def embed_wasm(staging, html):
    """Point the loader at an ES module holding the wasm bytes; returns the new HTML."""
    match = LOADER_WASM.search(html)
    if not match:
        return html
    wasm = match.group("wasm")
    with open(os.path.join(staging, wasm), "rb") as f:
        encoded = base64.b64encode(f.read()).decode("ascii")
    module = wasm + ".js"
    with open(os.path.join(staging, module), "w", encoding="ascii") as f:
        f.write("// The app's WebAssembly as bytes, so the page loads it without fetch().\n")
        f.write(f'const text = atob("{encoded}");\n')
        f.write("const bytes = new Uint8Array(text.length);\n")
        f.write("for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);\n")
        f.write("export default bytes;\n")
    os.remove(os.path.join(staging, wasm))  # nothing loads it any more
    loader = f"init({{ module_or_path: wasmBytes }})"
    html = html.replace(match.group(0), loader)
    html = html.replace(
        "import init, * as bindings from",
        f"import wasmBytes from './{module}';\nimport init, * as bindings from",
        1,
    )
    return PRELOAD_WASM.sub("", html)


def write_worker(staging, html):
    """Write the Web Worker's module beside the page: it imports the page's own wasm-bindgen
    module and wasm bytes (one download, cached) and runs the app's `worker_main`. Messages
    that arrive while the module starts are kept and replayed once the handler is in place."""
    match = GLUE_IMPORT.search(html)
    if not match:
        return
    with open(os.path.join(staging, WORKER_SCRIPT), "w", encoding="ascii") as f:
        f.write("// EventPen's Web Worker: the evaluation core, off the page's main thread.\n")
        f.write("const early = [];\n")
        f.write("self.onmessage = (event) => early.push(event.data);\n")
        f.write(f"const {{ default: wasmBytes }} = await import('./{match.group('bytes')}');\n")
        f.write(f"const glue = await import('./{match.group('glue')}');\n")
        f.write("await glue.default({ module_or_path: wasmBytes });\n")
        f.write("glue.worker_main();\n")
        f.write("for (const data of early) self.onmessage(new MessageEvent('message', { data }));\n")


def fix_live_reload(html):
    """Trunk serve fills `{{__TRUNK_ADDRESS__}}` and `{{__TRUNK_WS_BASE__}}` into its live-reload
    client as it serves the page, which would change the script after it was hashed: read both
    from the page's own location instead (the same values: the page is served by trunk)."""
    html = html.replace("'{{__TRUNK_ADDRESS__}}'", "window.location.host")
    return html.replace(
        "'{{__TRUNK_WS_BASE__}}'", "window.location.pathname.replace(/[^/]*$/, '')"
    )


def policy(html):
    """The policy for this page: every inline script by its SHA-256."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    connect = "'self'" if LIVE_RELOAD_MARKER in html else "'none'"
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' 'wasm-unsafe-eval' {' '.join(hashes)}".rstrip(),
        "style-src 'self'",
        "worker-src 'self'",
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data:",
        f"connect-src {connect}",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
    path = os.path.join(staging, "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    html = EXISTING_CSP.sub("", fix_live_reload(embed_wasm(staging, html)))
    write_worker(staging, html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}" />'
    html, count = re.subn(r'(<meta charset="utf-8" />)', r"\1\n    " + meta.replace("\\", "\\\\"), html, count=1)
    if count != 1:
        sys.exit("csp.py: no <meta charset> in index.html to put the policy after")
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)


if __name__ == "__main__":
    main()
