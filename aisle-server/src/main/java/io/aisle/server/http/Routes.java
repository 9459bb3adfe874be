package io.aisle.server.http;

/** The HTTP face of one capability: parses requests, calls the capability, maps the answer. */
public interface Routes {
    void register(Router router);
}
