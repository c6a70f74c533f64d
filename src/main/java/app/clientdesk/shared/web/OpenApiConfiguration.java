package app.clientdesk.shared.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at /api/v1/openapi.json, written for client generators: every record field
 * that is never null is {@code required}, a field that may be null says so, money carries its exact-decimals
 * pattern, and every operation lists the problem+json errors it can answer. Checked against live answers by
 * {@code OpenApiContractIT} and by spectral and redocly ({@code .spectral.yaml}, {@code redocly.yaml}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";


    /** What a money field holds, said once: the pattern and the rule behind it. */
    static final String MONEY_PATTERN = "^-?[0-9]+(\\.[0-9]+)?$";

    static final String MONEY_RULE = "A decimal amount as a string, exact: digits with an optional point, never "
            + "more decimals than the currency's minor units (JPY 0, GBP 2, BHD 3), never a binary floating-point "
            + "number. In requests a JSON number is also taken, read as its exact decimal text.";

    /** Fields of the API's records that are money (or, like rates, decimals that must stay exact). */
    static final Set<String> MONEY_FIELDS = Set.of("amount", "amountDue", "amountPaid", "balance", "budgetAmount",
            "credit", "discount", "discountTotal", "fee", "overageRate", "paid", "rate", "subtotal", "tax",
            "taxTotal", "total", "totalAmount", "unitPrice", "baseTotal", "due", "outstanding", "billedAmount",
            "creditApplied", "depositsDeducted", "lineTotal", "price", "value", "net", "gross");

    @Bean
    OpenAPI clientdeskOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Clientdesk API").version("v1")
                        .contact(new io.swagger.v3.oas.models.info.Contact().name("The operator of this Clientdesk"))
                        .description("""
                        Clients, projects, tasks, time, expenses, services and invoices of one workspace. \
                        Authenticate with a personal token: `Authorization: Bearer <token>` (Settings → API tokens). \
                        Errors are RFC 9457 problem details (`application/problem+json`); invalid input answers 422 \
                        with every broken rule under `errors` as `{field, message}`. An id of another workspace is 404. \
                        Lists are paged with `limit` and `offset` and answer `hasMore`. Money is a string of exact \
                        decimals."""))
                .addServersItem(new Server().url("/").description("This Clientdesk"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal API token (Settings → API tokens).")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Record fields: required unless {@code @Nullable}, nullable when they are, money with its pattern. */
    @Bean
    ModelConverter clientdeskRecords() {
        return new RecordFields();
    }

    @Bean
    OpenApiCustomizer clientdeskErrorsAndTags() {
        return openApi -> {
            Components components = openApi.getComponents();
            components.addSchemas("FieldError", new ObjectSchema()
                    .description("One broken rule: the field (a JSON path such as lines[2].unitPrice) and why.")
                    .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())
                    .required(List.of("field", "message")));
            components.addSchemas(PROBLEM, new ObjectSchema()
                    .description("An RFC 9457 problem detail, in the caller's language.")
                    .addProperty("type", new StringSchema().format("uri"))
                    .addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema().format("int32"))
                    .addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema().format("uri-reference"))
                    .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                            .description("With 422: every broken rule."))
                    .addProperty("reference", new StringSchema().description("With 500: quote it when reporting."))
                    .required(List.of("title", "status")));
            Set<String> tags = new LinkedHashSet<>();
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                if (operation.getTags() != null) {
                    tags.addAll(operation.getTags());
                }
                if (operation.getDescription() == null || operation.getDescription().isBlank()) {
                    operation.setDescription(operation.getSummary() + ".");
                }
                errors(path, method, operation);
            }));
            changeBodies(openApi);
            // Tags used by operations are declared, in order, so linters find each described.
            Map<String, Tag> declared = new TreeMap<>();
            if (openApi.getTags() != null) {
                openApi.getTags().forEach(t -> declared.put(t.getName(), t));
            }
            tags.forEach(t -> declared.putIfAbsent(t, new Tag().name(t).description(t)));
            openApi.setTags(new ArrayList<>(declared.values()));
            // Schemas in a stable order, so the saved file diffs well.
            if (components.getSchemas() != null) {
                Map<String, Schema> sorted = new TreeMap<>(Comparator.naturalOrder());
                sorted.putAll(components.getSchemas());
                components.setSchemas(new java.util.LinkedHashMap<>(sorted));
            }
        };
    }

    /**
     * A PATCH takes the fields of its POST body, each optional (only the fields sent change): where a body schema
     * has required fields, the PATCH gets a copy without them, named {@code <Resource>Change}.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void changeBodies(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        openApi.getPaths().values().forEach(item -> {
            Operation patch = item.getPatch();
            if (patch == null || patch.getRequestBody() == null || patch.getRequestBody().getContent() == null) {
                return;
            }
            MediaType json = patch.getRequestBody().getContent().get("application/json");
            String ref = json == null || json.getSchema() == null ? null : json.getSchema().get$ref();
            if (ref == null) {
                return;
            }
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            Schema body = schemas.get(name);
            if (body == null || body.getRequired() == null || body.getRequired().isEmpty()) {
                return;
            }
            String changeName = (name.endsWith("Request") ? name.substring(0, name.length() - "Request".length())
                    : name) + "Change";
            if (!schemas.containsKey(changeName)) {
                Schema change = new Schema<>();
                change.setTypes(body.getTypes());
                change.setType(body.getType());
                change.setProperties(new java.util.LinkedHashMap<String, Schema>(body.getProperties()));
                change.setDescription("The fields of " + name + ", each optional: only the fields sent change.");
                schemas.put(changeName, change);
            }
            json.setSchema(new Schema<>().$ref("#/components/schemas/" + changeName));
        });
    }

    private static void errors(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        boolean idempotent = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "Idempotency-Key".equals(p.getName()));
        ApiResponse created = responses.get("201");
        if (idempotent && created != null && !responses.containsKey("200")) {
            responses.addApiResponse("200", new ApiResponse()
                    .description("A retry with the same Idempotency-Key: the first result, nothing new made.")
                    .content(created.getContent()));
        }
        if (responses.containsKey("204")) {
            responses.get("204").setContent(null);
        }
        boolean input = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        add(responses, "401", "No valid API token was sent, or the token has expired or was revoked.");
        responses.get("401").getContent().get("application/problem+json")
                .addExamples("missing", new Example().summary("No token, or an unknown one").value(Map.of(
                        "title", "Unauthorized", "status", 401,
                        "detail", "Send a valid API token as Authorization: Bearer <token>.")))
                .addExamples("expired", new Example().summary("The token's expiry date has passed").value(Map.of(
                        "title", "Token expired", "status", 401,
                        "detail", "This API token has expired. Make a new one in Settings, API tokens.")));
        add(responses, "403", "The token's person may not do this (most writes are for the owner).");
        if (path.contains("{") || input) {
            add(responses, "404", "No such resource in the caller's workspace (or one the caller may not see).");
        }
        boolean queuesMail = operation.getExtensions() != null && operation.getExtensions().remove(OpenApiPatterns.QUEUES_MAIL) != null;
        if (queuesMail) {
            add(responses, "422", "Invalid input: every broken rule under errors. Also the outbox refusing the "
                    + "message, on field to, with nothing queued: the workspace has queued its messages for the last "
                    + "24 hours (clientdesk.mail.daily-limit, 200 by default), the owner has not confirmed their "
                    + "address yet (only the owners may be mailed until then), or more than 10 recipients.");
            responses.get("422").getContent().get("application/problem+json")
                    .addExamples("dailyLimit", new Example().summary("The workspace's messages for the day are used up")
                            .value(Map.of("type", "https://clientdesk.app/problems/invalid-input",
                                    "title", "Invalid input", "status", 422,
                                    "detail", "One or more fields break a rule; see errors. Nothing was saved.",
                                    "errors", List.of(Map.of("field", "to", "message", "This workspace has queued 200 "
                                            + "messages in the last 24 hours, the most it may. Nothing was sent; try "
                                            + "again later, or ask the administrator to raise the limit.")))));
        } else if (input || method != PathItem.HttpMethod.GET) {
            add(responses, "422", "Invalid input: every broken rule under errors.");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "400", "The body is not JSON.");
            add(responses, "413", "The body is larger than the server accepts.");
        }
        if (idempotent) {
            add(responses, "503", "A request with the same Idempotency-Key held its data too long; retry.");
        }
        add(responses, "500", "A failure of ours, with a reference to quote.");
    }

    private static void add(ApiResponses responses, String code, String description) {
        responses.putIfAbsent(code, new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    /** Reads the record behind each schema of the API: what may be null, what is money. */
    static final class RecordFields implements ModelConverter {

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context,
                Iterator<ModelConverter> chain) {
            if (!chain.hasNext()) {
                return null;
            }
            Schema resolved = chain.next().resolve(type, context, chain);
            Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
            if (resolved == null || raw == null || !raw.isRecord()
                    || !raw.getName().startsWith("app.clientdesk.")) {
                return resolved;
            }
            Schema model = resolved;
            if (resolved.get$ref() != null) {
                String name = resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1);
                model = context.getDefinedModels().get(name);
            }
            if (model == null || model.getProperties() == null) {
                return resolved;
            }
            Map<String, Schema> properties = model.getProperties();
            List<String> required = new ArrayList<>(model.getRequired() == null ? List.of() : model.getRequired());
            for (RecordComponent component : raw.getRecordComponents()) {
                Schema property = properties.get(component.getName());
                if (property == null) {
                    continue;
                }
                boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                        || component.isAnnotationPresent(Nullable.class);
                if (component.getType() == boolean.class && property.getEnum() != null) {
                    // allowableValues arrive as strings ("false"); a boolean's enum holds booleans.
                    property.setEnum(((List<Object>) property.getEnum()).stream()
                            .map(v -> Boolean.valueOf(String.valueOf(v))).toList());
                }
                if (component.getType() == String.class && MONEY_FIELDS.contains(component.getName())) {
                    property.setPattern(MONEY_PATTERN);
                    property.setDescription(MONEY_RULE);
                    property.setExample(component.getName().toLowerCase(java.util.Locale.ROOT).contains("rate")
                            ? "1.0825" : "1250.50");
                }
                if (nullable) {
                    properties.put(component.getName(), nullable(property));
                } else if (!required.contains(component.getName())) {
                    required.add(component.getName());
                }
            }
            model.setRequired(required.isEmpty() ? null : required);
            return resolved;
        }

        @SuppressWarnings({"rawtypes", "unchecked"})
        private static Schema nullable(Schema property) {
            if (property.get$ref() != null) {
                return new Schema<>().anyOf(List.of(property, new Schema<>().types(Set.of("null"))))
                        .description(property.getDescription());
            }
            Set<String> types = new LinkedHashSet<>();
            if (property.getTypes() != null) {
                types.addAll(property.getTypes());
            } else if (property.getType() != null) {
                types.add(property.getType());
            }
            if (!types.isEmpty()) {
                types.add("null");
                property.setTypes(types);
                property.setType(null);
            }
            if (property.getEnum() != null && !property.getEnum().contains(null)) {
                // A JSON Schema enum must list null too, or a null answer breaks the field's own description.
                List<Object> values = new ArrayList<>(property.getEnum());
                values.add(null);
                property.setEnum(values);
            }
            property.setNullable(null);
            return property;
        }
    }
}
