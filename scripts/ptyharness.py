"""A pseudo-terminal around a program, for the measurement scripts: start
it at a size, write keys, read its output until it goes quiet, read its
peak RSS and CPU time. Linux only (/proc)."""
import fcntl
import os
import select
import struct
import termios
import time


class Pty:
    def __init__(self, argv, env, cols, rows):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.start = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            os.close(master)
            os.close(slave)
            os.execve(argv[0], argv, env)
        os.close(slave)
        self.pid, self.fd, self.out = pid, master, bytearray()

    def read_until_quiet(self, settle_s, must_contain=None, limit_s=10.0):
        """Reads until no byte came for settle_s; returns (bytes, first, last)."""
        got, first, last = 0, None, None
        deadline = time.perf_counter() + limit_s
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.fd], [], [], settle_s)
            if not ready:
                if must_contain is None or must_contain.encode() in self.out:
                    break
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                break
            now = time.perf_counter()
            first = first or now
            last = now
            got += len(chunk)
            self.out += chunk
        return got, first, last

    def key(self, data, settle_s):
        sent = time.perf_counter()
        os.write(self.fd, data.encode())
        got, first, last = self.read_until_quiet(settle_s)
        if first is None:
            return got, 0.0, 0.0
        return got, (first - sent) * 1000, (last - sent) * 1000

    def peak_rss_kib(self):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0

    def quit(self):
        os.write(self.fd, b"q")
        os.waitpid(self.pid, 0)
        os.close(self.fd)

    def cpu_ticks(self):
        """User + system CPU time so far, in clock ticks."""
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])

    def drain(self):
        """Reads whatever output is waiting, without waiting."""
        while select.select([self.fd], [], [], 0)[0]:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.out += chunk
