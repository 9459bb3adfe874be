package io.aisle.server.console;

import io.aisle.server.TestServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A browser-like client for console tests: form posts, cookies sent by hand, redirects not followed. */
final class ConsoleClient {
    private final TestServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ConsoleClient(TestServer server) { this.server = server; }

    HttpResponse<String> login(String key) {
        String form = "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** GET with the console cookie (null for none) and extra header pairs. */
    HttpResponse<String> get(String path, String cookieKey, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (cookieKey != null) b.header("Cookie", io.aisle.server.http.Auth.CONSOLE_COOKIE + "=" + cookieKey);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b);
    }

    HttpResponse<String> post(String path, String cookieKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
        if (cookieKey != null) b.header("Cookie", io.aisle.server.http.Auth.CONSOLE_COOKIE + "=" + cookieKey);
        return send(b);
    }

    /** POST of a url-encoded form body with the console cookie (null for none). */
    HttpResponse<String> postForm(String path, String cookieKey, String form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookieKey != null) b.header("Cookie", io.aisle.server.http.Auth.CONSOLE_COOKIE + "=" + cookieKey);
        return send(b);
    }

    private URI uri(String path) { return URI.create(server.baseUrl() + path); }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
