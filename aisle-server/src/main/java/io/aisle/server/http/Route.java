package io.aisle.server.http;

/** One registered route, kept so the OpenAPI document can be checked against what the server really serves. */
public record Route(String method, String path, Role role) {}
