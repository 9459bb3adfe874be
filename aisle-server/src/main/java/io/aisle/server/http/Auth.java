package io.aisle.server.http;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;

import java.util.Set;

/**
 * Checks the key on each matched route against the role it needs. Keys come as {@code Authorization: Bearer};
 * the public key may also come as {@code ?key=} because {@code navigator.sendBeacon} cannot set headers, and the
 * console uses a cookie set at login.
 */
public final class Auth {
    public static final String CONSOLE_COOKIE = "aisle_console";

    private final ApiKeys keys;

    public Auth(ApiKeys keys) { this.keys = keys; }

    /** Throws a 401 or 403 problem unless the request may use the matched route. */
    public void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty() || roles.contains(Role.OPEN)) return;
        Role granted = granted(ctx);
        if (granted == null) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"aisle\"");
            throw new ApiException(401, "unauthorized", "Send an API key as 'Authorization: Bearer <key>'");
        }
        if (roles.contains(Role.ADMIN) && granted != Role.ADMIN) {
            throw new ApiException(403, "forbidden", "This route needs the admin key; the public key is not enough");
        }
    }

    /** The role the request's credentials grant, or null when it has none or a wrong one. */
    public Role granted(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ApiException(401, "unauthorized", "The Authorization header must be 'Bearer <key>'");
            }
            Role role = keys.roleOf(header.substring(7).trim());
            if (role == null) throw new ApiException(401, "unauthorized", "The API key is not valid");
            return role;
        }
        String query = ctx.queryParam("key");
        if (query != null) {
            Role role = keys.roleOf(query);
            // Keys in URLs end up in logs and histories, so only the browser-safe key is taken that way.
            if (role == Role.PUBLIC) return role;
            throw new ApiException(401, "unauthorized", "Only the public key may be sent as ?key=");
        }
        String cookie = ctx.cookie(CONSOLE_COOKIE);
        if (cookie != null) return keys.roleOf(cookie) == Role.ADMIN ? Role.ADMIN : null;
        return null;
    }
}
