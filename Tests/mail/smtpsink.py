#!/usr/bin/env python3
"""A small SMTP server that stores what it receives, for MGN's tests (Python 3.11 standard library only).

    python3 Tests/mail/smtpsink.py --maildir DIR --port-file FILE [--port 0] [--slow-seconds 5]
                                   [--auth user:pass] [--auth-mechanisms "PLAIN LOGIN"]
                                   [--tls-cert CERT --tls-key KEY [--implicit-tls]] [--verbose]

Listens on 127.0.0.1. With --port 0 (the default) it takes a free port; the port number is written to
--port-file (atomically) once the server listens, so a test waits for that file to appear.

Supports EHLO/HELO, STARTTLS (with --tls-cert/--tls-key; or TLS from the first byte with --implicit-tls),
AUTH PLAIN/LOGIN (with --auth; MAIL then requires it), MAIL, RCPT, DATA, RSET, NOOP, VRFY, QUIT.

What happens depends on the recipient's local part:
  weiger…     550 5.1.1 mailbox unavailable at RCPT
  tijdelijk…  451 4.3.0 try again later at RCPT
  langzaam…   after the final "." prints DATA-RECEIVED <message-id>, then waits --slow-seconds before answering
  anything else: answered at once and stored.

Like a real MTA (RFC 5321 §4.1.1.4) a message counts as delivered only once the 250 after DATA has been
written on a connection that is still open: if the client has gone during the wait, the message is
dropped and DISCARDED <message-id> is printed.

Stored messages are DIR/<counter>.eml (written to a temporary file first, then renamed), exactly as
received after undoing dot-stuffing, preceded by Return-Path and X-Envelope-To lines.

Stdout, one line per event, flushed:
  LISTENING <port>
  STORED <message-id> <file>
  DATA-RECEIVED <message-id>
  DISCARDED <message-id>
The SMTP dialogue goes to stderr with --verbose.
"""

import argparse
import asyncio
import base64
import os
import re
import signal
import ssl
import sys

MAX_MESSAGE_BYTES = 10 * 1024 * 1024


def emit(line: str) -> None:
    print(line, flush=True)


class Sink:
    def __init__(self, args: argparse.Namespace):
        self.maildir = os.path.abspath(args.maildir)
        self.slow_seconds = args.slow_seconds
        self.verbose = args.verbose
        self.credentials = None
        if args.auth:
            user, sep, password = args.auth.partition(":")
            if not sep:
                sys.exit("--auth expects user:password")
            self.credentials = (user, password)
        self.auth_mechanisms = args.auth_mechanisms.upper().split()
        self.tls = None
        self.implicit_tls = args.implicit_tls
        self.starttls_injection = args.starttls_injection
        if self.implicit_tls and not args.tls_cert:
            sys.exit("--implicit-tls needs --tls-cert and --tls-key")
        if args.tls_cert or args.tls_key:
            if not (args.tls_cert and args.tls_key):
                sys.exit("--tls-cert and --tls-key go together")
            self.tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            self.tls.load_cert_chain(args.tls_cert, args.tls_key)
        self.counter = 0
        os.makedirs(self.maildir, exist_ok=True)

    def log(self, peer, direction, text):
        if self.verbose:
            print(f"{peer} {direction} {text}", file=sys.stderr, flush=True)

    def next_path(self) -> str:
        # Never overwrite what an earlier run left in the directory.
        while True:
            self.counter += 1
            path = os.path.join(self.maildir, f"{self.counter}.eml")
            if not os.path.exists(path):
                return path

    def store(self, data: bytes) -> str:
        path = self.next_path()
        tmp = os.path.join(self.maildir, f".{self.counter}.eml.tmp")
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        return path

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        peer = writer.get_extra_info("peername")
        peer = f"{peer[0]}:{peer[1]}" if peer else "?"
        session = Session(self, reader, writer, peer)
        try:
            await session.run()
        except (ConnectionError, asyncio.IncompleteReadError, ssl.SSLError, asyncio.LimitOverrunError, ValueError) as e:
            self.log(peer, "!!", f"{type(e).__name__}: {e}")
        finally:
            writer.close()
            try:
                await writer.wait_closed()
            except (ConnectionError, ssl.SSLError, OSError):
                pass


class Session:
    def __init__(self, sink: Sink, reader, writer, peer):
        self.sink, self.reader, self.writer, self.peer = sink, reader, writer, peer
        self.tls_active = sink.implicit_tls
        self.authenticated = False
        self.greeted = False
        self.reset()

    def reset(self):
        self.mail_from = None
        self.recipients = []

    async def reply(self, line: str):
        self.sink.log(self.peer, "<-", line)
        self.writer.write(line.encode() + b"\r\n")
        await self.writer.drain()

    async def read_line(self):
        line = await self.reader.readline()
        if not line:
            return None
        text = line.decode("utf-8", "replace").rstrip("\r\n")
        self.sink.log(self.peer, "->", text if not text.upper().startswith("AUTH") else text.split()[0] + " …")
        return text

    def connection_open(self) -> bool:
        return not (self.reader.at_eof() or self.writer.is_closing())

    async def run(self):
        await self.reply("220 smtpsink.localhost ESMTP MGN test sink")
        while True:
            line = await self.read_line()
            if line is None:
                return
            verb, _, argument = line.partition(" ")
            verb = verb.upper()
            handler = getattr(self, "cmd_" + verb.lower(), None) if verb.isalpha() else None
            if handler is None:
                await self.reply("500 5.5.2 command not recognised")
                continue
            if await handler(argument.strip()) == "quit":
                return

    # -- commands ---------------------------------------------------------------------------------

    async def cmd_ehlo(self, argument):
        if not argument:
            return await self.reply("501 5.5.4 EHLO needs a domain")
        self.greeted = True
        self.reset()
        lines = [f"smtpsink.localhost greets {argument}", "8BITMIME", "PIPELINING", f"SIZE {MAX_MESSAGE_BYTES}"]
        if self.sink.tls and not self.tls_active:
            lines.append("STARTTLS")
        if self.sink.credentials and not self.authenticated:
            lines.append("AUTH " + " ".join(self.sink.auth_mechanisms))
        for line in lines[:-1]:
            self.sink.log(self.peer, "<-", "250-" + line)
            self.writer.write(f"250-{line}\r\n".encode())
        await self.reply("250 " + lines[-1])

    async def cmd_helo(self, argument):
        if not argument:
            return await self.reply("501 5.5.4 HELO needs a domain")
        self.greeted = True
        self.reset()
        await self.reply(f"250 smtpsink.localhost greets {argument}")

    async def cmd_starttls(self, argument):
        if not self.sink.tls or self.tls_active:
            return await self.reply("502 5.5.1 STARTTLS not available")
        if self.sink.starttls_injection:
            # What a man in the middle could do: a plaintext reply that a careless client would read as
            # coming from inside the TLS session.
            await self.reply("220 2.0.0 ready to start TLS\r\n250 injected before the handshake")
        else:
            await self.reply("220 2.0.0 ready to start TLS")
        await self.writer.start_tls(self.sink.tls)
        # RFC 3207 §4.2: forget everything learnt before the handshake.
        self.tls_active = True
        self.greeted = False
        self.authenticated = False
        self.reset()

    async def cmd_auth(self, argument):
        if not self.sink.credentials:
            return await self.reply("502 5.5.1 AUTH not available")
        if self.authenticated:
            return await self.reply("503 5.5.1 already authenticated")
        mechanism, _, initial = argument.partition(" ")
        mechanism = mechanism.upper()
        if mechanism not in self.sink.auth_mechanisms:
            return await self.reply("504 5.5.4 mechanism not supported")
        try:
            if mechanism == "PLAIN":
                response = initial or await self.challenge("")
                if response is None:
                    return
                _authzid, user, password = base64.b64decode(response, validate=True).decode().split("\0")
            else:  # LOGIN
                user_b64 = initial or await self.challenge("VXNlcm5hbWU6")  # "Username:"
                if user_b64 is None:
                    return
                password_b64 = await self.challenge("UGFzc3dvcmQ6")  # "Password:"
                if password_b64 is None:
                    return
                user = base64.b64decode(user_b64, validate=True).decode()
                password = base64.b64decode(password_b64, validate=True).decode()
        except _Cancelled:
            return await self.reply("501 5.7.0 authentication cancelled")
        except (ValueError, UnicodeDecodeError):
            return await self.reply("501 5.5.2 cannot decode the response")
        if (user, password) == self.sink.credentials:
            self.authenticated = True
            await self.reply("235 2.7.0 authentication successful")
        else:
            await self.reply("535 5.7.8 authentication credentials invalid")

    async def challenge(self, text):
        await self.reply(f"334 {text}".rstrip() if text else "334 ")
        line = await self.read_line()
        if line is None:
            return None
        if line == "*":
            raise _Cancelled()
        return line

    async def cmd_mail(self, argument):
        match = re.fullmatch(r"(?i)FROM:\s*<([^<>]*)>(\s+.*)?", argument)
        if not match:
            return await self.reply("501 5.5.4 syntax: MAIL FROM:<address>")
        if not self.greeted:
            return await self.reply("503 5.5.1 say EHLO first")
        if self.sink.credentials and not self.authenticated:
            return await self.reply("530 5.7.0 authentication required")
        if self.mail_from is not None:
            return await self.reply("503 5.5.1 nested MAIL command")
        self.mail_from = match.group(1)
        await self.reply("250 2.1.0 sender ok")

    async def cmd_rcpt(self, argument):
        match = re.fullmatch(r"(?i)TO:\s*<([^<>]+)>(\s+.*)?", argument)
        if not match:
            return await self.reply("501 5.5.4 syntax: RCPT TO:<address>")
        if self.mail_from is None:
            return await self.reply("503 5.5.1 need MAIL first")
        address = match.group(1)
        local = address.split("@")[0].lower()
        if local.startswith("weiger"):
            return await self.reply("550 5.1.1 mailbox unavailable")
        if local.startswith("tijdelijk"):
            return await self.reply("451 4.3.0 try again later")
        self.recipients.append(address)
        await self.reply("250 2.1.5 recipient ok")

    async def cmd_data(self, argument):
        if self.mail_from is None or not self.recipients:
            return await self.reply("503 5.5.1 need MAIL and RCPT first")
        await self.reply("354 end data with <CR><LF>.<CR><LF>")
        lines = []
        size = 0
        while True:
            raw = await self.reader.readline()
            if not raw:
                return "quit"  # the client vanished in the middle of the message
            if raw in (b".\r\n", b".\n"):
                break
            if raw.startswith(b"."):
                raw = raw[1:]  # undo dot-stuffing
            size += len(raw)
            if size <= MAX_MESSAGE_BYTES:
                lines.append(raw)
        if size > MAX_MESSAGE_BYTES:
            self.reset()
            return await self.reply("552 5.3.4 message too big")
        message = b"".join(lines)
        message_id = find_message_id(message)

        if any(r.split("@")[0].lower().startswith("langzaam") for r in self.recipients):
            emit(f"DATA-RECEIVED {message_id}")
            await asyncio.sleep(self.sink.slow_seconds)

        # The message is the server's responsibility only once the client can know it was accepted.
        if not self.connection_open():
            emit(f"DISCARDED {message_id}")
            return "quit"
        try:
            await self.reply("250 2.0.0 ok: queued")
        except (ConnectionError, OSError):
            emit(f"DISCARDED {message_id}")
            return "quit"
        envelope = f"Return-Path: <{self.mail_from}>\r\nX-Envelope-To: {', '.join(self.recipients)}\r\n".encode()
        path = self.sink.store(envelope + message)
        emit(f"STORED {message_id} {path}")
        self.reset()

    async def cmd_rset(self, argument):
        self.reset()
        await self.reply("250 2.0.0 ok")

    async def cmd_noop(self, argument):
        await self.reply("250 2.0.0 ok")

    async def cmd_vrfy(self, argument):
        await self.reply("252 2.5.2 cannot verify, but will try")

    async def cmd_quit(self, argument):
        await self.reply("221 2.0.0 bye")
        return "quit"


class _Cancelled(Exception):
    pass


def find_message_id(message: bytes) -> str:
    header, _, _ = message.partition(b"\r\n\r\n")
    match = re.search(rb"(?im)^message-id:[ \t]*(\S+)", header)
    return match.group(1).decode("ascii", "replace") if match else "<none>"


async def main() -> None:
    parser = argparse.ArgumentParser(description="SMTP sink for MGN's tests")
    parser.add_argument("--maildir", required=True, help="directory for the stored .eml files")
    parser.add_argument("--port-file", required=True, help="file that receives the port once listening")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1; 0 = any free port")
    parser.add_argument("--slow-seconds", type=float, default=5.0, help="wait for langzaam… recipients")
    parser.add_argument("--auth", help="user:password required before MAIL")
    parser.add_argument("--auth-mechanisms", default="PLAIN LOGIN", help='offered mechanisms, default "PLAIN LOGIN"')
    parser.add_argument("--tls-cert", help="PEM certificate chain; enables STARTTLS")
    parser.add_argument("--tls-key", help="PEM private key for --tls-cert")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte (like port 465) instead of STARTTLS")
    parser.add_argument("--starttls-injection", action="store_true",
                        help="test a client: send a plaintext line right after the STARTTLS 220")
    parser.add_argument("--verbose", action="store_true", help="log the dialogue to stderr")
    args = parser.parse_args()

    sink = Sink(args)
    server = await asyncio.start_server(sink.handle, host="127.0.0.1", port=args.port, limit=64 * 1024,
                                        ssl=sink.tls if sink.implicit_tls else None)
    port = server.sockets[0].getsockname()[1]
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(f"{port}\n")
    os.replace(tmp, args.port_file)
    emit(f"LISTENING {port}")

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    # A parent may start us with these signals blocked (Foundation's Process passes on the test runner's
    # signal mask); then SIGTERM would never arrive and the sink would outlive the test.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    # Whoever started us may die without stopping us (a crashed test run): leave with it.
    parent = os.getppid()

    async def watch_parent():
        while os.getppid() == parent:
            await asyncio.sleep(1)
        stop.set()

    watcher = asyncio.create_task(watch_parent())
    async with server:
        await stop.wait()
    watcher.cancel()


if __name__ == "__main__":
    asyncio.run(main())
