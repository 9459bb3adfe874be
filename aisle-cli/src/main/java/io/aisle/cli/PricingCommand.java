package io.aisle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.json.Json;
import io.aisle.core.validation.FieldError;
import io.aisle.core.validation.ValidationException;
import io.aisle.pricing.guard.InfeasibleGuardrailsException;
import io.aisle.server.api.PricingJson;
import io.aisle.server.http.ApiException;
import io.aisle.server.pricing.PricingCall;
import io.aisle.server.pricing.PricingDesk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code aisle pricing ...}: price products offline from a JSON file in the API's request form. */
@Command(name = "pricing", mixinStandardHelpOptions = true, description = "Price products offline.",
        subcommands = {PricingCommand.Recommend.class})
final class PricingCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    /** {@code aisle pricing recommend}. */
    @Command(name = "recommend", mixinStandardHelpOptions = true,
            description = {"Recommend prices for the products in FILE (the body of POST /v1/pricing/recommendations)",
                    "and print the recommendations as JSON. Nothing is recorded; use the API to approve and apply."})
    static final class Recommend implements Callable<Integer> {
        @Option(names = "--input", required = true, description = "JSON request file") Path input;

        @Override public Integer call() throws IOException {
            ObjectMapper mapper = Json.mapper();
            PricingJson json = new PricingJson(mapper);
            JsonNode body = mapper.readTree(input.toFile());
            List<PricingDesk.Priced> recs;
            try {
                PricingCall call = json.call(body, LocalDate.now(ZoneOffset.UTC));
                recs = PricingDesk.price(call);
            } catch (ApiException e) {
                System.err.println("aisle pricing: " + e.getMessage());
                for (FieldError f : e.errors()) System.err.println("  " + f.field() + ": " + f.reason());
                return 2;
            } catch (ValidationException | InfeasibleGuardrailsException e) {
                System.err.println("aisle pricing: " + e.getMessage());
                return 2;
            }
            ObjectNode out = mapper.createObjectNode();
            ArrayNode list = out.putArray("recommendations");
            recs.forEach(r -> list.add(json.encode(r.recommendation(), r.exploring())));
            System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(out));
            return 0;
        }
    }
}
