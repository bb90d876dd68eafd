"""A real SMTP server on loopback for the email sender's tests (Debian's python3-aiosmtpd).

Usage: python3 smtp_sink.py <directory>
Binds 127.0.0.1 on a free port and prints that port on the first stdout line. Each accepted message is written to
<directory>/<n>.env (envelope: MAIL FROM, then one RCPT TO per line) and then <directory>/<n>.eml (the raw
message, renamed into place so a reader never sees half a file). Recipients whose local part starts with
"reject" get 550, with "busy" get 451. Exits when stdin closes, so it never outlives the test process.
"""
import asyncio
import itertools
import os
import sys
import threading

from aiosmtpd.smtp import SMTP


class SaveToDirectory:
    def __init__(self, directory):
        self.directory = directory
        self.counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("reject"):
            return "550 5.1.1 Mailbox unavailable"
        if local.startswith("busy"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        n = next(self.counter)
        base = os.path.join(self.directory, str(n))
        with open(base + ".env", "w", encoding="utf-8") as f:
            f.write("\n".join([envelope.mail_from, *envelope.rcpt_tos]) + "\n")
        with open(base + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(base + ".tmp", base + ".eml")
        return "250 Message accepted for delivery"


def exit_when_stdin_closes():
    sys.stdin.read()
    os._exit(0)


async def main(directory):
    loop = asyncio.get_running_loop()
    # One handler for every connection: its counter names the files, so a second connection must not restart it.
    handler = SaveToDirectory(directory)
    server = await loop.create_server(lambda: SMTP(handler), "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    asyncio.run(main(sys.argv[1]))
