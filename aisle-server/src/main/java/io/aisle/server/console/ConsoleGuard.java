package io.aisle.server.console;

import io.aisle.server.http.ApiException;
import io.aisle.server.http.Auth;
import io.aisle.server.http.Role;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/**
 * Lets only the admin into console pages. The pages are registered as {@link Role#OPEN} so that a browser without
 * the console cookie is sent to the login form instead of receiving a 401 problem document; this guard is then
 * the check, and it wraps every console page.
 */
final class ConsoleGuard {
    static final String LOGIN_PATH = "/console/login";

    private final Auth auth;

    ConsoleGuard(Auth auth) { this.auth = auth; }

    /** The handler, run only for the admin; others are redirected to the login form, or refused when they hold the public key. */
    Handler admin(Handler page) {
        return ctx -> {
            secureHeaders(ctx);
            Role role = role(ctx);
            if (role == Role.ADMIN) {
                page.handle(ctx);
            } else if (role == Role.PUBLIC) {
                throw new ApiException(403, "forbidden", "The console needs the admin key; the public key is not enough");
            } else if ("true".equals(ctx.header("HX-Request"))) {
                // htmx follows HX-Redirect itself; a plain redirect would swap the login page into the fragment.
                ctx.header("HX-Redirect", LOGIN_PATH).status(HttpStatus.UNAUTHORIZED);
            } else {
                ctx.redirect(LOGIN_PATH, HttpStatus.FOUND);
            }
        };
    }

    /** Whether the request carries the admin key (console cookie or Bearer header). */
    boolean isAdmin(Context ctx) { return role(ctx) == Role.ADMIN; }

    private Role role(Context ctx) {
        try {
            return auth.granted(ctx);
        } catch (ApiException badCredentials) {
            return null; // A wrong or malformed key is treated like no key: the login form is the way in.
        }
    }

    /** Headers for every console page: never framed, never cached, scripts only from this origin. */
    static void secureHeaders(Context ctx) {
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' https: http: data:; "
                + "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'");
    }
}
