"""Renders the deployment files (deploy/nginx, deploy/systemd, deploy/razon.env) for one
machine: each @NAME@ becomes its value; a line whose value is a list is repeated, once per
item. Production renders them with its own values (README "Deploying"):

    python deploy/render.py /tmp/razon-deploy --set SERVER_NAME=portal.ra-zon.nl

and `make cluster` (deploy/cluster.py) renders the same files for 127.0.0.1."""

import argparse
import re
import sys
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
TEMPLATES = [
    "nginx/razon.conf",
    "razon.env",
    *sorted(str(path.relative_to(DEPLOY)) for path in (DEPLOY / "systemd").iterdir()),
]
LIST_VALUES = {"HTTP_LISTEN", "HTTPS_LISTEN", "APP_SERVER"}
TOKEN = re.compile(r"@([A-Z_]+)@")


def production_values(server_name="razon.example.nl", root="/srv/razon"):
    return {
        "SERVER_NAME": server_name,
        "ORIGIN": f"https://{server_name}",
        "HTTP_LISTEN": ["80", "[::]:80"],
        "HTTPS_LISTEN": ["443", "[::]:443"],
        "TLS_CERTIFICATE": f"/etc/letsencrypt/live/{server_name}/fullchain.pem",
        "TLS_CERTIFICATE_KEY": f"/etc/letsencrypt/live/{server_name}/privkey.pem",
        "APP_SERVER": ["127.0.0.1:8001", "127.0.0.1:8002"],
        "LOG_DIR": "/var/log/nginx",
        "ROOT": root,
        "USER": "razon",
        "STATIC_ROOT": f"{root}/staticfiles",
        "MEDIA_ROOT": f"{root}/media",
        "ENV_FILE": "/etc/razon/razon.env",
    }


def render_text(text, values):
    lines = []
    for line in text.splitlines(keepends=True):
        names = TOKEN.findall(line)
        unknown = [name for name in names if name not in values]
        if unknown:
            raise KeyError(f"no value for @{unknown[0]}@")
        lists = {name for name in names if isinstance(values[name], list)}
        if len(lists) > 1:
            raise ValueError(f"more than one list on a line: {line!r}")
        items = values[lists.pop()] if lists else [None]
        for item in items:
            lines.append(
                TOKEN.sub(
                    lambda m, item=item: item if isinstance(values[m[1]], list) else values[m[1]],
                    line,
                )
            )
    return "".join(lines)


def render(out, values):
    """Writes every rendered file under `out` (the same relative paths); returns them."""
    written = []
    for name in TEMPLATES:
        target = Path(out) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_text((DEPLOY / name).read_text(), values))
        written.append(target)
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="folder to write the rendered files to")
    parser.add_argument("--server-name", default="razon.example.nl")
    parser.add_argument("--root", default="/srv/razon", help="where the project is checked out")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="any other value (lists: comma-separated)",
    )
    args = parser.parse_args()
    values = production_values(args.server_name, args.root)
    for assignment in args.set:
        name, _, value = assignment.partition("=")
        values[name] = value.split(",") if name in LIST_VALUES else value
    for path in render(args.out, values):
        print(path)


if __name__ == "__main__":
    sys.exit(main())
