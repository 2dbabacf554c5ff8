# Health Words: Varnish in front of gunicorn (docs/deploy.md, "Varnish").
#
# - Anonymous GET/HEAD of public pages is cached for as long as Django's Cache-Control says (s-maxage);
#   private, no-cache, no-store and Set-Cookie responses are never stored (Varnish's built-in rules).
# - Editors (a Django session cookie), the admin, and every other method go straight to Django.
# - Publishing purges by cache tag (BAN with X-Purge-Tags) or by address (PURGE), only from the ACL below.
# - Grace: while gunicorn or its database fails, readers get the last good copy (up to stale-if-error).
#
# Not loaded on its own: gunicorn's address is appended to a copy of this file (deploy/serve writes it):
#     backend gunicorn { .host = "127.0.0.1"; .port = "8000"; .probe = readiness; }
vcl 4.1;

import std;

probe readiness {
    .request = "GET /readyz HTTP/1.1"
               "Host: 127.0.0.1"
               "Connection: close";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}


acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed from this address"));
        }
        if (req.method == "BAN") {
            # X-Purge-Tags is a regular expression over the tag list, without spaces, built by delivery/purge.py.
            if (!req.http.X-Purge-Tags) {
                return (synth(400, "BAN needs an X-Purge-Tags header"));
            }
            if (std.ban("obj.http.X-Cache-Tags ~ " + req.http.X-Purge-Tags)) {
                return (synth(200, "Banned"));
            }
            return (synth(400, std.ban_error()));
        }
        # PURGE: the address with every query string (?letter=, ?page=).
        if (std.ban("obj.http.X-Path == " + regsub(req.url, "\?.*$", ""))) {
            return (synth(200, "Purged"));
        }
        return (synth(400, std.ban_error()));
    }
    # After a failed fetch (see vcl_synth): a copy of any age up to stale-if-error will do.
    if (req.restarts == 0) {
        unset req.http.X-Grace-Restart;
    }
    if (req.http.X-Grace-Restart) {
        set req.grace = 24h;
    } elsif (std.healthy(req.backend_hint)) {
        # Healthy: a copy at most 30 s past its time is served while a fresh one is fetched
        # (stale-while-revalidate); an older one waits for the fetch.
        set req.grace = 30s;
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)(/|$)") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Anonymous readers: no cookie of theirs changes a public page.
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_backend_response {
    # Stored with the object so bans can match it (obj.* only: the ban lurker can work in the background).
    set beresp.http.X-Path = regsub(bereq.url, "\?.*$", "");
    if (beresp.status >= 500 && !bereq.uncacheable) {
        # Keep the copy we have (a background refresh) or let vcl_synth retry with a stale one.
        return (abandon);
    }
    if (beresp.http.Cache-Control ~ "stale-if-error=\d+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, "^.*stale-if-error=(\d+).*$", "\1s"), 0s);
    }
    # Fall through to the built-in rules: no-cache/no-store/private/Set-Cookie are not stored.
}

sub vcl_backend_error {
    if (!bereq.uncacheable) {
        return (abandon);
    }
    call friendly_error;
    return (deliver);
}

sub vcl_synth {
    if (resp.status == 503 && req.restarts == 0 && (req.method == "GET" || req.method == "HEAD")
        && !req.http.X-Grace-Restart) {
        # The fetch failed: look again, accepting any stale copy still in grace.
        set req.http.X-Grace-Restart = "1";
        return (restart);
    }
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.http.Cache-Control = "no-store";
    if (resp.status == 503) {
        set resp.http.Retry-After = "10";
        synthetic({"Health Words is not available right now.

We are sorry: the site could not answer. Please try again in a minute.
If you need medical help now, call your doctor or emergency services.
"});
    } else {
        synthetic(resp.status + " " + resp.reason + {"
"});
    }
    return (deliver);
}

sub friendly_error {
    set beresp.http.Content-Type = "text/plain; charset=utf-8";
    set beresp.http.Cache-Control = "no-store";
    set beresp.http.Retry-After = "10";
    synthetic({"Health Words is not available right now.

We are sorry: the site could not answer. Please try again in a minute.
If you need medical help now, call your doctor or emergency services.
"});
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.X-Cache-Tags;
    unset resp.http.X-Path;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
