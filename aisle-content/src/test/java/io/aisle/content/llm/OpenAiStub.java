package io.aisle.content.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** A local OpenAI-compatible chat server over real HTTP, answering {@code /v1/chat/completions} from a script. */
final class OpenAiStub implements AutoCloseable {
    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final HttpServer server;
    private final ObjectMapper mapper = new ObjectMapper();

    /** {@code script} maps the request number to the answer, or to null for an HTTP 500. */
    OpenAiStub(Function<Integer, String> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n;
            synchronized (bodies) {
                bodies.add(body);
                n = bodies.size() - 1;
            }
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            String answer = script.apply(n);
            byte[] out;
            int status;
            if (answer == null) {
                status = 500;
                out = "{\"error\":{\"message\":\"stub failure\",\"type\":\"server_error\"}}".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 200;
                ObjectNode r = mapper.createObjectNode();
                r.put("id", "chatcmpl-" + n).put("object", "chat.completion").put("created", 1_700_000_000L).put("model", "stub-model");
                ObjectNode choice = r.putArray("choices").addObject();
                choice.put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", answer);
                r.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 40).put("total_tokens", 140);
                out = mapper.writeValueAsBytes(r);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    String baseUrl() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1"; }

    @Override public void close() { server.stop(0); }
}
