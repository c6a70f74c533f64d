package app.clientdesk.security;

import static org.assertj.core.api.Assertions.fail;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.OwnerOnlyInterceptor;
import app.clientdesk.shared.web.PublicRoute;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requests the route sweep sends a route, built from the handler's own signature: the path with the
 * victim's ids, every query and form parameter, every field of a form record and every component of a JSON
 * body record, with the victim's id wherever a name says an id goes and a plain valid value elsewhere.
 */
final class RouteRequests {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");
    private static final String DAY = "2026-12-01";
    /**
     * How a parameter names the kind of id it takes, by the end of its name (any case, with or without
     * "Id" or "Ids"): {@code addClient}, {@code member}, {@code assigneeId}, {@code entryIds}.
     */
    private static final Map<String, String> ID_SUFFIXES = new LinkedHashMap<>();

    static {
        ID_SUFFIXES.put("user", "userId");
        ID_SUFFIXES.put("assignee", "userId");
        ID_SUFFIXES.put("member", "userId");
        ID_SUFFIXES.put("owner", "userId");
        ID_SUFFIXES.put("author", "userId");
        ID_SUFFIXES.put("person", "userId");
        ID_SUFFIXES.put("client", "clientId");
        ID_SUFFIXES.put("project", "projectId");
        ID_SUFFIXES.put("task", "taskId");
        ID_SUFFIXES.put("stage", "stageId");
        ID_SUFFIXES.put("workflow", "workflowId");
        ID_SUFFIXES.put("entry", "entryId");
        ID_SUFFIXES.put("invoice", "invoiceId");
        ID_SUFFIXES.put("expense", "expenseId");
        ID_SUFFIXES.put("service", "serviceId");
        ID_SUFFIXES.put("retainer", "retainerId");
        ID_SUFFIXES.put("recurring", "recurringId");
        ID_SUFFIXES.put("template", "templateId");
        ID_SUFFIXES.put("item", "itemId");
        ID_SUFFIXES.put("attachment", "attachmentId");
        ID_SUFFIXES.put("comment", "commentId");
        ID_SUFFIXES.put("rate", "rateId");
        ID_SUFFIXES.put("import", "importId");
        ID_SUFFIXES.put("message", "messageId");
        ID_SUFFIXES.put("token", "tokenId");
        ID_SUFFIXES.put("invitation", "invitationId");
        ID_SUFFIXES.put("request", "requestId");
    }

    private RouteRequests() {
    }

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final byte[] PDF = "%PDF-1.4 sweep".getBytes(StandardCharsets.US_ASCII);
    /** Words that name an id on their own, without "Id": {@code user}, {@code member}, {@code addClient}. */
    private static final Set<String> BARE_ID_WORDS = Set.of("user", "assignee", "member", "owner", "person",
            "client", "project", "task", "stage", "workflow");

    /** The name of the id (a key of the ids map) that a parameter or field takes, found from its name alone. */
    static @Nullable String idKey(String name, Map<String, String> ids) {
        for (String key : ids.keySet()) {
            if (key.equalsIgnoreCase(name) || (key + "s").equalsIgnoreCase(name)) {
                return key;
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean suffixed = lower.endsWith("id") || lower.endsWith("ids");
        String stem = lower.endsWith("ids") ? lower.substring(0, lower.length() - 3)
                : lower.endsWith("id") ? lower.substring(0, lower.length() - 2) : lower;
        if (stem.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, String> suffix : ID_SUFFIXES.entrySet()) {
            if (stem.endsWith(suffix.getKey()) && ids.containsKey(suffix.getValue())
                    && (suffixed || BARE_ID_WORDS.contains(suffix.getKey()))) {
                return suffix.getValue();
            }
        }
        return null;
    }

    /** A value that passes the usual checks for a field that is not an id, so that the ids are what is tried. */
    static String plain(String name, Class<?> type) {
        String n = name.toLowerCase(Locale.ROOT);
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        if (type == LocalDate.class) {
            return DAY;
        }
        if (type == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "1";
        }
        if (n.contains("email")) {
            return "sweep@example.test";
        }
        if (n.endsWith("time")) {
            return n.contains("end") ? "10:00" : "09:00";
        }
        if (n.contains("date") || n.endsWith("from") || n.endsWith("until") || n.endsWith("since")
                || Set.of("to", "day", "before", "after", "start", "end", "duefrom", "dueto").contains(n)) {
            return DAY;
        }
        if (n.equals("week")) {
            return "2026-11-30";
        }
        if (n.equals("month")) {
            return "2026-12";
        }
        if (n.equals("year")) {
            return "2026";
        }
        if (n.contains("duration")) {
            return "1:00";
        }
        if (n.contains("zone")) {
            return "Europe/London";
        }
        if (n.contains("currency")) {
            return "GBP";
        }
        if (n.equals("locale") || n.equals("lang") || n.equals("language")) {
            return "en";
        }
        if (n.equals("q")) {
            // A search left empty finds everything the viewer may see, so a route that shows too much shows it here.
            return "";
        }
        if (n.equals("back")) {
            return "/";
        }
        if (Pattern.compile("amount|price|fee|quantity|percent|minutes|hours|rate|threshold|days|interval|limit"
                + "|offset|index|count|size|budget|estimate|page|break").matcher(n).find()) {
            return "1";
        }
        return "Sweep";
    }

    private static boolean simple(Class<?> type) {
        return BeanUtils.isSimpleValueType(type) && type != java.util.Locale.class;
    }

    private static boolean ours(Class<?> type) {
        return type.getName().startsWith("app.clientdesk.") && !type.isInterface() && !type.isEnum()
                && type != CurrentUser.class;
    }

    /** What a handler reads, filled in with the victim's ids wherever an id is read and plain values elsewhere. */
    static final class Inputs {
        final Map<String, List<String>> params = new LinkedHashMap<>();
        final Map<String, List<String>> carried = new LinkedHashMap<>();
        final Map<String, String> optionalHeaders = new TreeMap<>();
        final List<String> files = new ArrayList<>();
        @Nullable Object body;
        private final Map<String, String> ids;

        Inputs(Map<String, String> ids) {
            this.ids = ids;
        }

        private List<String> values(String name, Class<?> type, boolean many) {
            String leaf = name.substring(name.lastIndexOf('.') + 1);
            String lower = leaf.toLowerCase(Locale.ROOT);
            if (many && (lower.equals("ids") || lower.equals("id"))) {
                List<String> all = ids.values().stream().filter(RouteRequests::isUuid).distinct().toList();
                carried.put(name, all);
                return all;
            }
            String key = idKey(leaf, ids);
            if (key != null && isUuid(ids.get(key))) {
                carried.put(name, List.of(ids.get(key)));
                return List.of(ids.get(key));
            }
            if (key != null) {
                // A day or a currency pair of the victim's names nothing of theirs: sent, but not an attack.
                return List.of(ids.get(key));
            }
            return List.of(plain(leaf, type));
        }

        void param(String name, Type type, int depth) {
            ResolvableType resolved = ResolvableType.forType(type);
            Class<?> raw = resolved.resolve(Object.class);
            if (MultipartFile.class.isAssignableFrom(raw)) {
                files.add(name);
            } else if (Collection.class.isAssignableFrom(raw)) {
                Class<?> element = resolved.asCollection().getGeneric(0).resolve(String.class);
                if (simple(element)) {
                    params.put(name, values(name, element, true));
                } else if (depth < 3) {
                    fields(name + "[0].", element, depth + 1);
                }
            } else if (simple(raw)) {
                params.put(name, values(name, raw, false));
            } else if (ours(raw) && depth < 3) {
                fields(name + ".", raw, depth + 1);
            }
        }

        /** The fields a form binds to: a record's components, or a bean's writable properties. */
        void fields(String prefix, Class<?> type, int depth) {
            if (type.isRecord()) {
                for (var component : type.getRecordComponents()) {
                    param(prefix + component.getName(), component.getGenericType(), depth);
                }
            } else {
                for (var property : BeanUtils.getPropertyDescriptors(type)) {
                    if (property.getWriteMethod() != null) {
                        param(prefix + property.getName(), property.getWriteMethod().getGenericParameterTypes()[0],
                                depth);
                    }
                }
            }
        }

        @Nullable Object json(String name, Type type, int depth) {
            ResolvableType resolved = ResolvableType.forType(type);
            Class<?> raw = resolved.resolve(Object.class);
            if (JsonNode.class.isAssignableFrom(raw)) {
                return anyBody();
            }
            if (Collection.class.isAssignableFrom(raw)) {
                Class<?> element = resolved.asCollection().getGeneric(0).resolve(String.class);
                if (simple(element)) {
                    return values(name, element, true).stream().map(v -> scalar(v, element)).toList();
                }
                return depth < 3 ? List.of(object(name + "[0].", element, depth + 1)) : List.of();
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of();
            }
            if (simple(raw)) {
                return scalar(values(name, raw, false).get(0), raw);
            }
            return depth < 3 ? object(name + ".", raw, depth + 1) : null;
        }

        private Map<String, Object> object(String prefix, Class<?> type, int depth) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (type.isRecord()) {
                for (var component : type.getRecordComponents()) {
                    // A field read by its own deserializer is sent in the shape the API description gives it.
                    var described = component.getAccessor().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
                    Type shape = described != null && described.implementation() != Void.class
                            ? described.implementation() : component.getGenericType();
                    object.put(component.getName(), json(prefix + component.getName(), shape, depth));
                }
            } else {
                for (var property : BeanUtils.getPropertyDescriptors(type)) {
                    if (property.getWriteMethod() != null) {
                        object.put(property.getName(), json(prefix + property.getName(),
                                property.getWriteMethod().getGenericParameterTypes()[0], depth));
                    }
                }
            }
            return object;
        }

        private static Object scalar(String value, Class<?> type) {
            if (type == boolean.class || type == Boolean.class) {
                return Boolean.parseBoolean(value);
            }
            if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
                return value.matches("-?\\d+") ? Long.parseLong(value) : value;
            }
            return value;
        }

        /**
         * A body read field by field from a JSON tree, whose shape the signature does not tell: every kind of id
         * under its usual names, and plain values for the usual other fields.
         */
        private Map<String, Object> anyBody() {
            Map<String, Object> body = new LinkedHashMap<>();
            for (String name : List.of("title", "name", "description", "note", "notes", "date", "issueDate", "spentOn",
                    "dueDate", "currency", "amount", "quantity", "unitPrice", "startedAt", "endedAt", "duration")) {
                body.put(name, plain(name, String.class));
            }
            body.put("startedAt", DAY + "T09:00:00Z");
            body.put("endedAt", DAY + "T10:00:00Z");
            body.put("billable", true);
            ids.forEach((key, value) -> {
                if (key.endsWith("Id") && isUuid(value)) {
                    body.put(key, value);
                    carried.put("body." + key, List.of(value));
                }
            });
            for (String name : List.of("assigneeId", "memberIds", "entryIds", "expenseIds", "taskIds")) {
                List<String> value = values("body." + name, String.class, name.endsWith("s"));
                body.put(name, name.endsWith("s") ? value : value.get(0));
            }
            body.put("lines", List.of(Map.of("description", "Sweep", "quantity", "1", "unitPrice", "10.00",
                    "entryIds", List.of(ids.getOrDefault("entryId", "")))));
            return body;
        }
    }

    record Route(HttpMethod method, String pattern, HandlerMethod handler, Map<String, String> conditionHeaders,
            Map<String, String> conditionParams) {

        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        boolean writes() {
            return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                    || method == HttpMethod.DELETE;
        }

        boolean isPublic() {
            return publicReason() != null;
        }

        boolean ownerOnly() {
            return OwnerOnlyInterceptor.ownerOnly(handler);
        }

        String publicReason() {
            PublicRoute onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PublicRoute.class);
            PublicRoute onType = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PublicRoute.class);
            if (onMethod != null || onType != null) {
                return onMethod != null ? onMethod.value() : onType.value();
            }
            // The actuator is not ours to annotate; its health probe is opened in the security configuration.
            boolean actuator = handler.getBeanType().getName().startsWith("org.springframework.boot.");
            return actuator && pattern.startsWith("/actuator/health")
                    ? "a load balancer's probe: UP or DOWN, never details" : null;
        }

        List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        boolean hasVariables() {
            return !variables().isEmpty();
        }

        /** The path with each variable replaced by the victim's value; an unknown variable fails the test. */
        String expand(Map<String, String> values) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                String key = idKey(m.group(1), values);
                String value = key == null ? values.get(m.group(1)) : values.get(key);
                if (value == null) {
                    fail("Route " + this + " (" + handler.getShortLogMessage() + ") has a path variable {"
                            + m.group(1) + "} that RouteSweepIT does not know. Teach the sweep: add \"" + m.group(1)
                            + "\" with an id of workspace A to the map built in RouteSweepIT.workspaceA(), so that "
                            + "the cross-workspace sweep can try it. Known: " + values.keySet().stream().sorted()
                            .collect(Collectors.joining(", ")));
                }
                m.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            m.appendTail(path);
            return path.toString().replace("/**", "/sweep");
        }

        /** What the handler reads, from its signature: query and form parameters, form records, the JSON body. */
        Inputs inputs(Map<String, String> ids) {
            Inputs inputs = new Inputs(ids);
            for (String variable : variables()) {
                String key = idKey(variable, ids);
                String value = key == null ? ids.get(variable) : ids.get(key);
                // A currency pair or a day names nothing of the victim's; an id does.
                if (value != null && isUuid(value)) {
                    inputs.carried.put(variable, List.of(value));
                }
            }
            if (method == HttpMethod.OPTIONS) {
                return inputs;
            }
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(NAMES);
                Class<?> type = parameter.getParameterType();
                String name = parameter.getParameterName();
                if (parameter.hasParameterAnnotation(PathVariable.class)
                        || parameter.hasParameterAnnotation(AuthenticationPrincipal.class)) {
                    continue;
                }
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    inputs.body = inputs.json("body", parameter.getGenericParameterType(), 0);
                } else if (header != null) {
                    String headerName = !header.name().isEmpty() ? header.name() : !header.value().isEmpty()
                            ? header.value() : name;
                    inputs.optionalHeaders.put(headerName, headerName.startsWith("HX-") ? "true" : "sweep-" + headerName);
                } else if (param != null) {
                    String paramName = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                            : name;
                    if (!Map.class.isAssignableFrom(type) && paramName != null) {
                        inputs.param(paramName, parameter.getGenericParameterType(), 0);
                    }
                } else if (MultipartFile.class.isAssignableFrom(type) && name != null) {
                    inputs.files.add(name);
                } else if (parameter.hasParameterAnnotation(ModelAttribute.class) || ours(type)) {
                    inputs.fields("", type, 0);
                } else if (name != null && simple(type) && (type == String.class || type == UUID.class
                        || Number.class.isAssignableFrom(type) || type == LocalDate.class)) {
                    inputs.param(name, parameter.getGenericParameterType(), 0);
                }
            }
            return inputs;
        }

        /** The victim's ids this route's requests carry, by the name they go under (path variables included). */
        Map<String, List<String>> carried(Map<String, String> ids) {
            return inputs(ids).carried;
        }

        /** The requests an attacker sends: one, and one more with the optional headers the handler reads. */
        List<AbstractMockHttpServletRequestBuilder<?>> requests(Map<String, String> ids) {
            Inputs inputs = inputs(ids);
            List<AbstractMockHttpServletRequestBuilder<?>> requests = new ArrayList<>();
            requests.add(build(ids, inputs, false));
            if (!inputs.optionalHeaders.isEmpty()) {
                requests.add(build(ids, inputs, true));
            }
            return requests;
        }

        /** A request with the path's ids only (and the headers and parameters that select the handler). */
        AbstractMockHttpServletRequestBuilder<?> bare(Map<String, String> ids) {
            return build(ids, new Inputs(ids), false);
        }

        private AbstractMockHttpServletRequestBuilder<?> build(Map<String, String> ids, Inputs inputs, boolean optionalHeaders) {
            URI uri = URI.create(expand(ids));
            boolean multipart = !inputs.files.isEmpty() && writes();
            AbstractMockHttpServletRequestBuilder<?> request;
            if (multipart) {
                MockMultipartHttpServletRequestBuilder upload = MockMvcRequestBuilders.multipart(method, uri);
                inputs.files.forEach(file -> upload.file(new MockMultipartFile(file, "sweep.pdf", "application/pdf", PDF)));
                request = upload;
            } else {
                request = MockMvcRequestBuilders.request(method, uri);
            }
            conditionHeaders.forEach((name, value) -> request.header(name, value));
            conditionParams.forEach((name, value) -> request.param(name, value));
            inputs.params.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
            if (optionalHeaders) {
                inputs.optionalHeaders.forEach((name, value) -> request.header(name, value));
            }
            if (isApi()) {
                request.accept(MediaType.APPLICATION_JSON);
                if (writes() && !multipart) {
                    request.contentType(MediaType.APPLICATION_JSON)
                            .content(inputs.body == null ? "{}" : MAPPER.writeValueAsString(inputs.body));
                }
            } else if (writes() && !multipart) {
                request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
            }
            return request;
        }

        @Override
        public String toString() {
            return method + " " + pattern + (conditionHeaders.isEmpty() ? "" : " " + conditionHeaders.keySet());
        }
    }

    static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
