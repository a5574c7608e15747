"""Security headers on every response (OWASP ASVS 5, level 2)."""

from __future__ import annotations

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")


def add_headers(response):
    """Add CSP, HSTS, nosniff and referrer headers."""
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    return response


def init_app(app) -> None:
    """Cookie flags and headers; `__Host-` cookies only where HTTPS is served."""
    if app.config.get("SECURE_COOKIES"):
        app.config.update(SESSION_COOKIE_NAME="__Host-cocon", SESSION_COOKIE_SECURE=True,
                          SESSION_COOKIE_PATH="/")
    else:
        app.config["SESSION_COOKIE_NAME"] = "cocon"
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
    app.after_request(add_headers)
