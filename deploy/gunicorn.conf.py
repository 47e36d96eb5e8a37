"""gunicorn's settings for the site: read by the systemd unit, `make edge`, `make bench` and the tests.

The command line adds where to listen and how many workers (`gunicorn -c deploy/gunicorn.conf.py
--bind ... --workers ...`).
"""

wsgi_app = "neutro_site.wsgi"

# gunicorn lets a peer in `forwarded_allow_ips` (127.0.0.1 by default, where nginx connects from) set
# SCRIPT_NAME and PATH_INFO with request headers. nginx never sends them, so any that arrive come from a
# client on the machine choosing its own script prefix: take none, and drop every header whose name
# has an underscore.
forwarder_headers = ""
header_map = "drop"

# A request that has not finished in 30 s is stuck: its worker is restarted rather than kept waiting.
timeout = 30
# Keep nginx's idle upstream connections open between requests (nginx's `keepalive` in deploy/nginx/).
keepalive = 5
# systemd starts, reloads and stops the site; the control socket's default path is shared by every
# gunicorn of one user, so several sites (or test runs) on one machine would take it from each other.
control_socket_disable = True
