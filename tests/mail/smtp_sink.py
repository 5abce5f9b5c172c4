#!/usr/bin/python3
"""A real SMTP server on loopback for the mail tests (Debian's python3-aiosmtpd).

It requires STARTTLS (with the certificate and key given) and, with --user, AUTH before it takes
mail. Every delivery is written to DIR/deliveries/<n>.eml with DIR/deliveries/<n>.json (the
envelope, whether TLS and AUTH were used); DIR/mailbox/ keeps one file per Message-ID, as a
mailbox that drops a second copy of the same message does. "listening on HOST:PORT" on standard
output says it is ready.

usage: smtp_sink.py --port P --dir DIR --cert CERT --key KEY [--user U --password-file F]
"""
import argparse
import hashlib
import json
import os
import signal
import ssl
import sys
import threading
from email import message_from_bytes

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0
        self.lock = threading.Lock()
        for sub in ("deliveries", "mailbox"):
            os.makedirs(os.path.join(directory, sub), exist_ok=True)

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or envelope.content
        message_id = message_from_bytes(content).get("Message-ID", "")
        with self.lock:
            self.count += 1
            base = os.path.join(self.directory, "deliveries", str(self.count))
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None,
            "authenticated": bool(session.authenticated),
            "message_id": message_id,
        }
        with open(base + ".eml", "wb") as out:
            out.write(content)
        with open(base + ".json", "w") as out:
            json.dump(meta, out)
        key = hashlib.sha256(message_id.encode()).hexdigest()
        with open(os.path.join(self.directory, "mailbox", key + ".eml"), "wb") as out:
            out.write(content)
        return "250 Message accepted for delivery"


def authenticator_for(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok)
    return authenticate


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password-file")
    args = parser.parse_args()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    parameters = {"tls_context": context, "require_starttls": True}
    if args.user:
        with open(args.password_file) as f:
            parameters["authenticator"] = authenticator_for(args.user, f.read().strip())
        parameters["auth_required"] = True
    controller = Controller(Sink(args.dir), hostname="127.0.0.1", port=args.port, **parameters)
    controller.start()
    print(f"listening on 127.0.0.1:{args.port}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
