package io.aisle.bench.recs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's recommendation counters, read from {@code /metrics} as the outside world sees them: keys
 * {@code cache|<tier>|<result>} and {@code served|<surface>|<from>}.
 */
final class Scrape {
    private static final Pattern CACHE = Pattern.compile("aisle_recommendations_cache_total\\{([^}]*)\\} (\\S+)");
    private static final Pattern SERVED = Pattern.compile("aisle_recommendations_served_total\\{([^}]*)\\} (\\S+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI uri;

    Scrape(String baseUrl) { this.uri = URI.create(baseUrl + "/metrics"); }

    Map<String, Double> counters() throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> out = new HashMap<>();
        for (Matcher m = CACHE.matcher(body); m.find(); ) {
            out.put("cache|" + tag(m.group(1), "tier") + "|" + tag(m.group(1), "result"), Double.parseDouble(m.group(2)));
        }
        for (Matcher m = SERVED.matcher(body); m.find(); ) {
            out.put("served|" + tag(m.group(1), "surface") + "|" + tag(m.group(1), "from"), Double.parseDouble(m.group(2)));
        }
        return out;
    }

    private static String tag(String tags, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(tags);
        return m.find() ? m.group(1) : "";
    }
}
