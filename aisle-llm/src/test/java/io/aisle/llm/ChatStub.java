package io.aisle.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** An OpenAI-compatible chat endpoint on a random local port answering from a script; it records every request. */
final class ChatStub implements AutoCloseable {
    private final HttpServer server;
    private final Deque<String> script = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final ObjectMapper mapper = new ObjectMapper();
    private int failures;

    ChatStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] out;
            int status;
            synchronized (this) {
                requests.add(body + "\nAUTH:" + auth);
                if (failures > 0) {
                    failures--;
                    status = 500;
                    out = "{\"error\":{\"message\":\"overloaded\"}}".getBytes(StandardCharsets.UTF_8);
                } else {
                    status = 200;
                    out = completion(script.isEmpty() ? "I have nothing scripted." : script.poll());
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    String baseUrl() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1"; }

    synchronized ChatStub answer(String... texts) {
        script.addAll(List.of(texts));
        return this;
    }

    synchronized ChatStub fail(int times) {
        failures = times;
        return this;
    }

    synchronized List<String> requests() { return List.copyOf(requests); }

    private byte[] completion(String text) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", "chatcmpl-stub").put("object", "chat.completion").put("created", 1).put("model", "stub");
        ObjectNode choice = n.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        n.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 7).put("total_tokens", 17);
        try {
            return mapper.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override public void close() { server.stop(0); }
}
