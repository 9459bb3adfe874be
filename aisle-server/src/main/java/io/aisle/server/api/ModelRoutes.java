package io.aisle.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.port.ModelStore;
import io.aisle.core.port.ModelVersion;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.javalin.http.Context;

import java.util.List;

/** Read-only view of the versioned model artifacts. */
public final class ModelRoutes implements Routes {
    private final ModelStore models;
    private final ObjectMapper mapper;

    public ModelRoutes(ModelStore models, ObjectMapper mapper) {
        this.models = models;
        this.mapper = mapper;
    }

    @Override public void register(Router router) {
        router.get("/v1/models/{name}", Role.ADMIN, this::versions);
    }

    private void versions(Context ctx) {
        String name = ctx.pathParam("name");
        List<ModelVersion> versions;
        try {
            versions = models.versions(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("name", e.getMessage());
        }
        if (versions.isEmpty()) throw ApiException.notFound("No model named '" + name + "'");
        ObjectNode n = mapper.createObjectNode();
        n.put("name", name);
        ArrayNode list = n.putArray("versions");
        for (ModelVersion v : versions) {
            ObjectNode item = list.addObject();
            item.put("version", v.version());
            item.put("created_at", v.createdAt().toString());
            item.put("size_bytes", v.sizeBytes());
            item.put("sha256", v.sha256());
            ObjectNode meta = item.putObject("metadata");
            v.metadata().forEach(meta::put);
        }
        ctx.json(n);
    }
}
