package io.aisle.server.http;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.List;

/** Registers routes on the server with the role each needs, and remembers them. */
public final class Router {
    private final Javalin app;
    private final List<Route> routes = new ArrayList<>();

    public Router(Javalin app) { this.app = app; }

    public void get(String path, Role role, Handler handler) { add(HandlerType.GET, path, role, handler); }

    public void post(String path, Role role, Handler handler) { add(HandlerType.POST, path, role, handler); }

    public void put(String path, Role role, Handler handler) { add(HandlerType.PUT, path, role, handler); }

    public void delete(String path, Role role, Handler handler) { add(HandlerType.DELETE, path, role, handler); }

    private void add(HandlerType type, String path, Role role, Handler handler) {
        app.addHttpHandler(type, path, handler, role);
        routes.add(new Route(type.name(), path, role));
    }

    /** Every route registered so far. */
    public List<Route> routes() { return List.copyOf(routes); }
}
