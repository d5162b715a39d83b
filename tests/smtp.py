"""A real SMTP server on 127.0.0.1 (aiosmtpd) for the mail tests, one that hangs, and a
fixture that points Django's mailer at a free port where, until a test starts a server,
nothing listens."""

import socket
import threading

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message


class Inbox(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, inbox


class HangingServer:
    """Accepts every connection and never says a word, not even the greeting: a client waits
    for its timeout (a mail server that is overloaded or behind a dropping firewall)."""

    def __init__(self, port):
        self.listener = socket.create_server(("127.0.0.1", port))
        self.listener.settimeout(0.1)
        self.connections = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stopping.is_set():
            try:
                self.connections.append(self.listener.accept()[0])
            except TimeoutError:
                continue

    def stop(self):
        self.stopping.set()
        self.thread.join()
        for connection in [*self.connections, self.listener]:
            connection.close()


@pytest.fixture
def smtp_port(settings):
    port = free_port()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 5},
        }
    }
    return port
