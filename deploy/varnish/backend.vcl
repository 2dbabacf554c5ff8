# The gunicorn behind Varnish. deploy/serve (and the tests) write their own backend.vcl into Varnish's work
# directory, which comes first on vcl_path, so this file is the default for a hand-started varnishd only.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = readiness;
}
