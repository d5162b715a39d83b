"""gunicorn's settings for an app server of the RA-ZON portal (razon-app@PORT.service passes
--bind 127.0.0.1:PORT). Threads: a request mostly waits for PostgreSQL or Redis."""

import os

wsgi_app = "razon.wsgi"
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# A request that takes longer is killed (nginx gives up after 60 s, the admin after 120 s).
timeout = 120
graceful_timeout = 30
# Above nginx's upstream keepalive_timeout (4 s): gunicorn never closes a connection first.
keepalive = 5
# Workers are replaced now and then, so that no slow leak grows.
max_requests = 2000
max_requests_jitter = 200
# Only nginx on this machine talks to the app servers.
forwarded_allow_ips = "127.0.0.1"
# Logs to standard output and error (the journal under systemd).
accesslog = "-"
errorlog = "-"
loglevel = "info"
proc_name = "razon"
# Two app servers on one machine would share gunicorn's default control socket.
control_socket_disable = True
# The app is loaded once, before the workers fork (faster start, shared memory); new code
# needs a restart (`systemctl restart`), not a reload.
preload_app = True
