"""The production topology as local processes: replicas, nginx in front, a cuttable PostgreSQL link.

Used by the replicas benchmark. Everything listens on 127.0.0.1 only; every
process started here is stopped by the context managers that started it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
NGINX_CANDIDATES = ("nginx", "/usr/sbin/nginx")
READY_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def find_nginx() -> str | None:
    for candidate in NGINX_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


# -- PostgreSQL behind a link we can cut ----------------------------------------------------


@dataclass
class CuttableLink:
    """A TCP relay to PostgreSQL. `cut()` drops every connection and refuses new ones, as a
    database restart or a network partition does; `restore()` lets connections in again."""

    target: tuple[str, int]
    port: int = field(default_factory=free_port)
    _server: asyncio.Server | None = None
    _pipes: set[asyncio.StreamWriter] = field(default_factory=set)
    cuts: int = 0

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", self.port)

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self._pipes |= {writer, up_writer}

        async def pump(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            try:
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            except (OSError, asyncio.IncompleteReadError):
                pass
            finally:
                dst.close()

        await asyncio.gather(pump(reader, up_writer), pump(up_reader, writer))
        self._pipes -= {writer, up_writer}

    async def cut(self) -> None:
        self.cuts += 1
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for pipe in list(self._pipes):
            transport = pipe.transport
            if transport is not None:
                transport.abort()  # an RST, as a dead server gives
        self._pipes.clear()

    async def restore(self) -> None:
        await self.start()

    async def close(self) -> None:
        await self.cut()


@contextlib.contextmanager
def private_schema(base_url: str) -> Iterator[str]:
    """A fresh schema on the PostgreSQL server, dropped afterwards: the benchmark's own tables."""
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base_url, autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
        try:
            yield schema
        finally:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = %s AND pid <> pg_backend_pid()", (schema,),
            )
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


def through_link(base_url: str, port: int, schema: str) -> str:
    """`base_url` reached through the link on `port`, its connections in `schema` only."""
    from sqlalchemy.engine import make_url

    url = make_url(base_url).set(host="127.0.0.1", port=port)
    plain = url.render_as_string(hide_password=False)
    return f"{plain}?options=-csearch_path%3D{schema}&application_name={schema}"


def target_of(base_url: str) -> tuple[str, int]:
    from sqlalchemy.engine import make_url

    url = make_url(base_url)
    return url.host or "127.0.0.1", url.port or 5432


# -- the replicas ------------------------------------------------------------------------


@dataclass
class Replica:
    """One `python app.py serve` process on its own port, logging to its own file."""

    name: str
    env: dict[str, str]
    workdir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.starts += 1
        log = (self.workdir / f"{self.name}.{self.starts}.log").open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "app.py", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
        )
        log.close()

    def kill(self) -> None:
        """SIGKILL: a crash, an OOM kill; nothing gets to finish."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    async def wait_ready(self, session: aiohttp.ClientSession) -> None:
        deadline = asyncio.get_running_loop().time() + READY_TIMEOUT
        while asyncio.get_running_loop().time() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited: see {self.workdir}")
            with contextlib.suppress(aiohttp.ClientError):
                async with session.get(f"{self.base}/readyz") as resp:
                    if resp.status == 200:
                        return
            await asyncio.sleep(0.2)
        raise RuntimeError(f"{self.name} was not ready within {READY_TIMEOUT:.0f} s")


def migrate_once(env: dict[str, str]) -> str:
    """The release step: `python app.py migrate`, once, before any replica starts."""
    done = subprocess.run([sys.executable, "app.py", "migrate"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    return done.stdout.strip()


# -- nginx in front ----------------------------------------------------------------------

NGINX_CONF = """
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log {dir}/nginx-access.log;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    upstream toughclient {{
{servers}
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://toughclient;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header X-Request-Id $request_id;
            proxy_connect_timeout 1s;
            proxy_read_timeout 15s;
            proxy_next_upstream error timeout http_502;
            proxy_next_upstream_tries 2;
        }}
    }}
}}
"""


@contextlib.asynccontextmanager
async def nginx_in_front(binary: str, replicas: list[Replica], workdir: Path) -> AsyncIterator[str]:
    """nginx balancing the replicas (as deploy/nginx/toughclient.conf does); yields its URL.

    No X-Forwarded-For here: Teams runs in local mode in the benchmark, which refuses
    proxied requests; production sets MICROSOFT_APP_ID and the header (compose.yaml).
    """
    port = free_port()
    directory = workdir / "nginx"
    directory.mkdir()
    os.chmod(workdir, 0o755)
    os.chmod(directory, 0o777)
    servers = "\n".join(
        f"        server 127.0.0.1:{r.port} max_fails=1 fail_timeout=3s;" for r in replicas
    )
    conf = directory / "nginx.conf"
    conf.write_text(NGINX_CONF.format(dir=directory, servers=servers, port=port))
    process = subprocess.Popen(
        [binary, "-e", str(directory / "nginx-error.log"), "-c", str(conf), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as session:
            for _ in range(100):
                with contextlib.suppress(aiohttp.ClientError):
                    async with session.get(f"{base}/healthz") as resp:
                        if resp.status == 200:
                            break
                await asyncio.sleep(0.1)
            else:
                raise RuntimeError(f"nginx did not start: see {directory}/nginx-error.log")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
