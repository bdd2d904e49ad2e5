"""Load a page from disk in headless Chromium, over the DevTools protocol.

The tests that check what a reader sees (the report's page, the documentation)
use :func:`open_page`: it starts Debian's ``chromium`` with a fresh profile and
no network services, loads a ``file://`` page and collects console errors and
uncaught exceptions while it renders. ``websocket-client`` (pure Python,
no dependencies of its own) speaks the protocol; no driver binary is needed.

Where Chromium is missing the test is skipped with the reason, except under CI
(the environment variable ``CI`` set), where it fails: CI installs Chromium.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--window-size=1280,1000",
)
TIMEOUT = 60


def chromium():
    """The path of Chromium, or a skip (a failure under CI) saying it is missing."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    reason = (
        "headless Chromium is not installed (apt-get install chromium): the page is not "
        "checked in a browser"
    )
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the browser tests, but {reason}")
    pytest.skip(reason)


class Page:
    """A page open in Chromium: evaluate JavaScript, read its errors, take a screenshot."""

    def __init__(self, socket):
        self.socket = socket
        self.ids = itertools.count(1)
        self.events = []

    def send(self, method, **params):
        """Call a DevTools method and return its result; events met meanwhile are kept."""
        call = next(self.ids)
        self.socket.send(json.dumps({"id": call, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == call:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]
            self.events.append(message)

    def wait_for(self, event):
        """Wait for a DevTools event (one already received counts)."""
        deadline = time.monotonic() + TIMEOUT
        while not any(e.get("method") == event for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {event} within {TIMEOUT} s")
            self.events.append(json.loads(self.socket.recv()))

    def evaluate(self, expression):
        """The value of a JavaScript expression (a promise is awaited)."""
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression!r} raised {result['exceptionDetails']}")
        return result["result"].get("value")

    @property
    def errors(self):
        """Console errors, uncaught exceptions and failed loads reported so far."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
                found.append(" ".join(str(a.get("value", a)) for a in params["args"]))
            elif method == "Runtime.exceptionThrown":
                found.append(str(params["exceptionDetails"]))
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(params["entry"]["text"])
        return found

    def text(self):
        """What the page shows as text."""
        return self.evaluate("document.body.innerText")

    def images(self):
        """Every image, decoded: ``(source start, natural width, natural height)``."""
        return [
            tuple(image)
            for image in self.evaluate(
                """(async () => {
                    const images = [...document.images];
                    await Promise.all(images.map(i => i.decode().catch(() => null)));
                    return images.map(i => [i.src.slice(0, 60), i.naturalWidth, i.naturalHeight]);
                })()"""
            )
        ]

    def screenshot(self, path):
        """Save the whole page as a PNG file; return its path."""
        width, height = self.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
        )
        shot = self.send(
            "Page.captureScreenshot",
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        )
        Path(path).write_bytes(base64.b64decode(shot["data"]))
        return Path(path)


@contextlib.contextmanager
def open_page(path, profile):
    """Open the HTML file ``path`` in headless Chromium with the fresh profile folder ``profile``.

    Yields
    ------
    Page
        Loaded (its ``load`` event fired), console and log collected from the start.
    """
    import websocket

    binary = chromium()
    profile = Path(profile)
    profile.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + TIMEOUT
        while not (port_file.exists() and port_file.read_text().strip()):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Chromium did not start (exit status {process.poll()})")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
            targets = json.load(answer)
        target = next(t for t in targets if t["type"] == "page")
        socket = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=TIMEOUT)
        try:
            page = Page(socket)
            for domain in ("Page", "Runtime", "Log"):
                page.send(f"{domain}.enable")
            page.events.clear()
            page.send("Page.navigate", url=Path(path).resolve().as_uri())
            page.wait_for("Page.loadEventFired")
            yield page
        finally:
            socket.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
