"""`make cluster`: the production set-up on 127.0.0.1, made from the files in deploy/ so that
they are tested, not just written. Debian's nginx (deploy/nginx/razon.conf, with TLS) in front
of two gunicorn app servers (razon-app@.service with deploy/gunicorn.conf.py) and the mail
worker (razon-mail.service), sharing a PostgreSQL (its own data folder, made with initdb) and a
Redis of the cluster's own, on ports of their own, so that starting and stopping them disturbs
nothing else on the machine. The timers' services (razon-hourly, razon-daily) are run by the
tests (run_oneshot). Everything lives in .cluster/; `make cluster-stop` stops exactly the
processes whose ids it recorded there.

    python deploy/cluster.py start | stop | status
"""

import json
import os
import pwd
import shlex
import shutil
import signal
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import render

ROOT = Path(__file__).resolve().parent.parent
HOME = ROOT / ".cluster"
PIDS = HOME / "pids"
LOGS = HOME / "logs"
RENDERED = HOME / "rendered"
ENV_FILE = HOME / "razon.env"
TLS = HOME / "tls"
POSTGRES = HOME / "postgres"
NGINX = HOME / "nginx"

HOST = "127.0.0.1"
# The name visitors use (TLS needs one: nginx refuses a handshake without a known name).
SERVER_NAME = "localhost"
# Below Linux's range of ephemeral ports (32768-60999): a port there may be taken at any
# moment by a process that asked for any free port (a test's server), which once kept the
# cluster's PostgreSQL from starting.
POSTGRES_PORT = 25432
REDIS_PORT = 26379
APP_PORTS = (28001, 28002)
HTTP_PORT = 28080
HTTPS_PORT = 28443
ORIGIN = f"https://{SERVER_NAME}:{HTTPS_PORT}"
DATABASE_URL = f"postgres://postgres@{HOST}:{POSTGRES_PORT}/razon"
REDIS_URL = f"redis://{HOST}:{REDIS_PORT}/0"
# The processes started from the systemd units: name -> (unit file, instance).
SERVICES = {
    **{f"app-{port}": ("razon-app@.service", str(port)) for port in APP_PORTS},
    "mail": ("razon-mail.service", ""),
}
ONESHOTS = ("razon-hourly.service", "razon-daily.service")


def values():
    """The values deploy/render.py fills in, for this machine."""
    return {
        **render.production_values(SERVER_NAME, str(ROOT)),
        "ORIGIN": ORIGIN,
        "HTTP_LISTEN": [f"{HOST}:{HTTP_PORT}"],
        "HTTPS_LISTEN": [f"{HOST}:{HTTPS_PORT}"],
        "TLS_CERTIFICATE": str(TLS / "cert.pem"),
        "TLS_CERTIFICATE_KEY": str(TLS / "key.pem"),
        "APP_SERVER": [f"{HOST}:{port}" for port in APP_PORTS],
        "LOG_DIR": str(LOGS),
        "USER": pwd.getpwuid(os.geteuid()).pw_name,
        "STATIC_ROOT": str(HOME / "static"),
        "MEDIA_ROOT": str(HOME / "media"),
        "ENV_FILE": str(ENV_FILE),
    }


def overrides(changes=None):
    """What the cluster's environment file changes in the rendered example: its own secret,
    database and Redis, and mail printed to the worker's log instead of sent; then `changes`
    (`make faults` raises the rate limits and points the mail at a server of its own)."""
    return {
        "SECRET_KEY": secret(),
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "EMAIL_HOST": "",
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "ADMINS": "",
        **(changes or {}),
    }


# -- Files -------------------------------------------------------------------------------------


def secret():
    path = HOME / "secret"
    if not path.exists():
        import secrets

        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def read_env_file(path):
    """KEY=VALUE lines, as systemd's EnvironmentFile reads them (comments and blanks skipped)."""
    result = {}
    for line in Path(path).read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            name, _, value = line.partition("=")
            value = value.strip()
            if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]  # systemd takes quotes off, as a shell does
            result[name.strip()] = value
    return result


def write_env_file(source, target, changes):
    lines, seen = [], set()
    for line in Path(source).read_text().splitlines():
        name = line.partition("=")[0].strip()
        if not line.startswith("#") and name in changes:
            line = f"{name}={changes[name]}"
            seen.add(name)
        lines.append(line)
    lines += [f"{name}={value}" for name, value in changes.items() if name not in seen]
    Path(target).write_text("\n".join(lines) + "\n")
    Path(target).chmod(0o600)


def read_unit(name, instance=""):
    """The [Service] settings of a rendered unit, with %i filled in; ExecStart as a list."""
    service = {"ExecStart": [], "Environment": []}
    section = None
    for line in (RENDERED / "systemd" / name).read_text().splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == "[Service]" and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            value = value.replace("%i", instance)
            if key in service:
                service[key].append(value)
            else:
                service[key] = value
    return service


def unit_environment(service):
    """A clean environment, as systemd gives a service: PATH and the locale, then the unit's
    EnvironmentFile and Environment lines."""
    env = {name: os.environ[name] for name in ("PATH", "LANG", "LC_ALL") if name in os.environ}
    env.update(HOME=str(Path.home()), PYTHONDONTWRITEBYTECODE="1")
    if "EnvironmentFile" in service:
        env.update(read_env_file(service["EnvironmentFile"]))
    for assignment in service["Environment"]:
        for part in shlex.split(assignment):
            name, _, value = part.partition("=")
            env[name] = value
    return env


def environment():
    """The environment of the cluster's processes (for tests and manage.py commands)."""
    return unit_environment(read_unit("razon-mail.service"))


# -- Processes ---------------------------------------------------------------------------------


def alive(pid, word):
    """Whether `pid` runs and is the process we started (its command line names `word`)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except (OSError, ValueError):
        return False
    return word in cmdline


def recorded(name):
    try:
        return int((PIDS / f"{name}.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def pidfile_pid(path):
    try:
        return int(Path(path).read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def stop_pid(pid, word, timeout=40, sig=signal.SIGTERM):
    stop_pids([(pid, word)], timeout, sig)


def stop_pids(processes, timeout=40, sig=signal.SIGTERM):
    """Signals every (pid, word) that is alive and ours at once, then waits for them all
    (killing what is left after `timeout` seconds)."""
    running = [(pid, word) for pid, word in processes if pid is not None and alive(pid, word)]
    for pid, _ in running:
        os.kill(pid, sig)
    deadline = time.monotonic() + timeout
    while any(alive(*process) for process in running) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid, word in running:
        if alive(pid, word):
            os.kill(pid, signal.SIGKILL)


def service_word(name):
    """What the command line of the service's process names (checked before a signal)."""
    return "gunicorn" if name.startswith("app") else "mail_worker"


def stop_services():
    stop_pids([(recorded(name), service_word(name)) for name in SERVICES])


def as_postgres(command):
    """initdb and the server refuse to run as root: as root they run as the postgres user."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def postgres_bin(program):
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not versions:
        sys.exit("PostgreSQL is not installed (apt-get install -y postgresql).")
    return str(versions[-1] / program)


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"{shlex.join(command)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def manage(*args, env):
    return run([sys.executable, "manage.py", *args], cwd=ROOT, env=env)


def start_postgres():
    data = POSTGRES / "data"
    if not (data / "PG_VERSION").exists():
        POSTGRES.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(POSTGRES, "postgres", "postgres")
        run(
            as_postgres(
                [
                    postgres_bin("initdb"),
                    "-D",
                    str(data),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                ]
            )
        )
    status = subprocess.run(
        as_postgres([postgres_bin("pg_ctl"), "status", "-D", str(data)]), capture_output=True
    )
    if status.returncode != 0:
        options = (
            f"-p {POSTGRES_PORT} -c listen_addresses={HOST} -c unix_socket_directories='' "
            "-c fsync=off -c full_page_writes=off -c max_connections=100"
        )
        run(
            as_postgres(
                [
                    postgres_bin("pg_ctl"),
                    "start",
                    "-w",
                    "-D",
                    str(data),
                    "-l",
                    str(POSTGRES / "server.log"),
                    "-o",
                    options,
                ]
            )
        )
    import psycopg

    with psycopg.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
        if not db.execute("SELECT 1 FROM pg_database WHERE datname = 'razon'").fetchone():
            db.execute("CREATE DATABASE razon")


def stop_postgres():
    if (POSTGRES / "data" / "postmaster.pid").exists():
        subprocess.run(
            as_postgres(
                [postgres_bin("pg_ctl"), "stop", "-w", "-m", "fast", "-D", str(POSTGRES / "data")]
            ),
            capture_output=True,
        )


def stop_redis():
    stop_pid(pidfile_pid(HOME / "redis.pid"), "redis-server")


def start_redis():
    pidfile = HOME / "redis.pid"
    if alive(pidfile_pid(pidfile), "redis-server"):
        return
    run(
        [
            "redis-server",
            "--bind",
            HOST,
            "--port",
            str(REDIS_PORT),
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "yes",
            "--pidfile",
            str(pidfile),
            "--logfile",
            str(LOGS / "redis.log"),
            "--dir",
            str(HOME),
        ]
    )
    wait_for(lambda: pidfile_pid(pidfile), "Redis")


def start_service(name):
    unit, instance = SERVICES[name]
    service = read_unit(unit, instance)
    (command,) = service["ExecStart"]
    log = open(LOGS / f"{name}.log", "a")  # noqa: SIM115 (the child keeps it)
    process = subprocess.Popen(
        shlex.split(command),
        cwd=service["WorkingDirectory"],
        env=unit_environment(service),
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    (PIDS / f"{name}.pid").write_text(f"{process.pid}\n")


def children(pid):
    """The ids of the processes whose parent is `pid` (a gunicorn master's workers)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def kill_service(name):
    """A crash: SIGKILL to the service's process and its children at once (for an app server
    its gunicorn master and workers), nothing closed cleanly."""
    pid = recorded(name)
    if alive(pid, service_word(name)):
        for process in [pid, *children(pid)]:
            os.kill(process, signal.SIGKILL)
        stop_pid(pid, service_word(name), timeout=5)


def run_oneshot(unit):
    """A timer's service, run once as systemd would: its ExecStart lines in order."""
    service = read_unit(unit)
    for command in service["ExecStart"]:
        run(shlex.split(command), cwd=service["WorkingDirectory"], env=unit_environment(service))
    return unit


def nginx_conf():
    """The main configuration (production has Debian's /etc/nginx/nginx.conf): one worker,
    files in .cluster/nginx, and the rendered site."""
    for folder in ("body", "proxy"):
        (NGINX / folder).mkdir(parents=True, exist_ok=True)
    user = ""
    if os.geteuid() == 0:
        user = "user www-data;"
        for folder in ("body", "proxy"):
            shutil.chown(NGINX / folder, "www-data")
    conf = NGINX / "nginx.conf"
    conf.write_text(f"""{user}
worker_processes 1;
pid {NGINX / "nginx.pid"};
error_log {LOGS / "nginx-error.log"} warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    server_tokens off;
    access_log off;
    client_body_temp_path {NGINX / "body"};
    proxy_temp_path {NGINX / "proxy"};
    include {RENDERED / "nginx" / "razon.conf"};
}}
""")
    return conf


def start_nginx():
    if not shutil.which("nginx"):
        sys.exit("nginx is not installed: apt-get install -y nginx-light (`make cluster` does).")
    conf = str(nginx_conf())
    run(["nginx", "-t", "-q", "-p", str(NGINX), "-c", conf])
    pid = pidfile_pid(NGINX / "nginx.pid")
    if alive(pid, "nginx"):
        os.kill(pid, signal.SIGHUP)  # reread the configuration
    else:
        run(["nginx", "-p", str(NGINX), "-c", conf])


def wait_for(check, what, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit(f"{what} did not start in {seconds} s; see {LOGS}.")


def tls_context():
    return ssl.create_default_context(cafile=str(TLS / "cert.pem"))


def healthy(url, context=None, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5, context=context) as response:
            return json.load(response)["status"] == "ok"
    except (urllib.error.URLError, ValueError, KeyError):
        return False


def app_healthy(port):
    proxy = {"Host": f"{SERVER_NAME}:{HTTPS_PORT}", "X-Forwarded-Proto": "https"}
    return healthy(f"http://{HOST}:{port}/healthz", headers=proxy)


def make_certificate():
    if (TLS / "cert.pem").exists():
        return
    TLS.mkdir(parents=True, exist_ok=True)
    run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "3650",
            "-subj",
            f"/CN={SERVER_NAME}",
            "-addext",
            f"subjectAltName=DNS:{SERVER_NAME}",
            "-keyout",
            str(TLS / "key.pem"),
            "-out",
            str(TLS / "cert.pem"),
        ]
    )


def start(changes=None):
    """Starts the cluster; when a part fails to start, stops what it started (so the next
    start begins clean) and exits with the failure."""
    try:
        _start(changes)
    except BaseException:
        stop()
        raise


def _start(changes=None):
    started = time.monotonic()
    for folder in (HOME, PIDS, LOGS, HOME / "media"):
        folder.mkdir(parents=True, exist_ok=True)
    make_certificate()
    render.render(RENDERED, values())
    write_env_file(RENDERED / "razon.env", ENV_FILE, overrides(changes))
    env = environment()
    with ThreadPoolExecutor() as pool:
        # App servers and the worker start afresh, with the code as it is now.
        stopped = pool.submit(stop_services)
        static = pool.submit(manage, "collectstatic", "--no-input", "--verbosity", "0", env=env)
        redis = pool.submit(start_redis)
        start_postgres()
        manage("migrate", "--no-input", "--verbosity", "0", env=env)
        print(manage("setup_demo", env=env).strip())
        stopped.result(), static.result(), redis.result()
    for name in SERVICES:
        start_service(name)
    for port in APP_PORTS:
        wait_for(lambda port=port: app_healthy(port), f"The app server on {port}")
    start_nginx()
    wait_for(lambda: healthy(f"{ORIGIN}/healthz", tls_context()), "nginx")
    print(
        f"Cluster up in {time.monotonic() - started:.1f} s: {ORIGIN}/ (nginx, certificate "
        f"{TLS / 'cert.pem'}), app servers on {', '.join(map(str, APP_PORTS))}, PostgreSQL "
        f"on {POSTGRES_PORT}, Redis on {REDIS_PORT}; logs in {LOGS}."
    )


def running():
    """Whether the whole cluster runs (every recorded process alive and nginx answering)."""
    return (
        all(
            alive(recorded(name), "mail_worker" if name == "mail" else "gunicorn")
            for name in SERVICES
        )
        and alive(pidfile_pid(NGINX / "nginx.pid"), "nginx")
        and alive(pidfile_pid(HOME / "redis.pid"), "redis-server")
        and (TLS / "cert.pem").exists()
        and healthy(f"{ORIGIN}/healthz", tls_context())
    )


def stop():
    """Stops what start() started, by the ids it recorded; nothing else."""
    stop_pid(pidfile_pid(NGINX / "nginx.pid"), "nginx", sig=signal.SIGQUIT)
    stop_services()
    stop_redis()
    stop_postgres()
    for path in PIDS.glob("*.pid"):
        path.unlink()
    print("Cluster stopped.")


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else "start"
    if command == "start":
        start()
    elif command == "stop":
        stop()
    elif command == "status":
        print("running" if running() else "not running")
        return 0 if running() else 1
    else:
        sys.exit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
