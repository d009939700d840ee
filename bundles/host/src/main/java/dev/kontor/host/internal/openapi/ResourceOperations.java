package dev.kontor.host.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.kontor.host.internal.security.AccessPolicy;
import dev.kontor.host.internal.security.SecurityFeature;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.SseEventSink;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The OpenAPI operations of one resource class, read from the JAX-RS annotations of its
 * methods and the panel's access annotations, with the same precedence as the access
 * check: the method's annotation wins over the class's, and without any a login is needed.
 */
final class ResourceOperations {

    /** The problem+json answers every operation may give, by status, as named in components/responses. */
    static final Map<String, String> ERRORS = errors();
    static final String SESSION_SCHEME = "session";
    static final String BEARER_SCHEME = "bearer";
    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One operation: HTTP method (upper case), OpenAPI path and the operation object. */
    record Operation(String method, String path, ObjectNode body) {
    }

    private ResourceOperations() {
    }

    static List<Operation> of(ResourceSource resource, JsonSchemas schemas) {
        Class<?> type = resource.type();
        List<Method> methods = Arrays.stream(type.getMethods())
                .filter(method -> !method.isSynthetic() && httpMethod(method) != null)
                .sorted(Comparator.comparing(Method::getName).thenComparing(method -> Arrays.toString(method.getParameterTypes())))
                .toList();
        List<Operation> operations = new ArrayList<>();
        for (Method method : methods) {
            PathTemplate path = PathTemplate.join(resource.basePath(), pathOf(type), pathOf(method));
            operations.add(new Operation(httpMethod(method), path.path(), describe(resource, method, path, schemas)));
        }
        return operations;
    }

    private static ObjectNode describe(ResourceSource resource, Method method, PathTemplate path, JsonSchemas schemas) {
        Class<?> type = resource.type();
        String resourceName = resourceName(type);
        ObjectNode operation = JSON.objectNode();
        operation.putArray("tags").add(resource.module());
        operation.put("operationId", Character.toLowerCase(resourceName.charAt(0)) + resourceName.substring(1) + "." + method.getName());
        operation.put("summary", words(resourceName) + ": " + words(method.getName()).toLowerCase(Locale.ROOT));

        ArrayNode parameters = JSON.arrayNode();
        Type entity = null;
        boolean answersLater = false;
        for (Parameter parameter : method.getParameters()) {
            ObjectNode described = parameter(parameter, path, schemas);
            if (described != null) {
                parameters.add(described);
            } else if (Arrays.stream(parameter.getAnnotations()).noneMatch(ResourceOperations::isJaxRs)) {
                entity = parameter.getParameterizedType();
            }
            answersLater |= parameter.isAnnotationPresent(Suspended.class) || SseEventSink.class.isAssignableFrom(parameter.getType());
        }
        if (!SAFE_METHODS.contains(httpMethod(method))) {
            parameters.add(csrfHeader());
        }
        if (!parameters.isEmpty()) {
            operation.set("parameters", parameters);
        }
        if (entity != null) {
            ObjectNode body = operation.putObject("requestBody").put("required", true);
            content(body, mediaTypes(annotation(method, type, Consumes.class, Consumes::value)), schemas.schemaOf(entity));
        }
        responses(operation.putObject("responses"), method, type, answersLater, schemas);
        access(operation, method, type);
        return operation;
    }

    /** A path, query, header or cookie parameter; null for the entity and {@code @Context} values. */
    private static ObjectNode parameter(Parameter parameter, PathTemplate path, JsonSchemas schemas) {
        String in;
        String name;
        if (parameter.isAnnotationPresent(PathParam.class)) {
            in = "path";
            name = parameter.getAnnotation(PathParam.class).value();
        } else if (parameter.isAnnotationPresent(QueryParam.class)) {
            in = "query";
            name = parameter.getAnnotation(QueryParam.class).value();
        } else if (parameter.isAnnotationPresent(HeaderParam.class)) {
            in = "header";
            name = parameter.getAnnotation(HeaderParam.class).value();
        } else if (parameter.isAnnotationPresent(CookieParam.class)) {
            in = "cookie";
            name = parameter.getAnnotation(CookieParam.class).value();
        } else {
            return null;
        }
        ObjectNode described = JSON.objectNode().put("name", name).put("in", in);
        ObjectNode schema = schemas.parameterSchemaOf(parameter.getParameterizedType());
        if (in.equals("path")) {
            described.put("required", true);
            if (path.patterns().containsKey(name)) {
                schema.put("pattern", "^(?:" + path.patterns().get(name) + ")$");
            }
        }
        DefaultValue defaultValue = parameter.getAnnotation(DefaultValue.class);
        if (defaultValue != null) {
            schema.set("default", typed(schema.path("type").asText(), defaultValue.value()));
        }
        described.set("schema", schema);
        return described;
    }

    private static JsonNode typed(String type, String text) {
        try {
            return switch (type) {
                case "integer", "number" -> JSON.numberNode(new BigDecimal(text));
                case "boolean" -> BooleanNode.valueOf(Boolean.parseBoolean(text));
                default -> TextNode.valueOf(text);
            };
        } catch (NumberFormatException e) {
            return TextNode.valueOf(text);
        }
    }

    /** Unsafe requests made with the session cookie are refused without it; bearer requests need none. */
    private static ObjectNode csrfHeader() {
        ObjectNode header = JSON.objectNode().put("name", "X-CSRF-Token").put("in", "header").put("required", false)
                .put("description", "Needed with the session cookie, not with a bearer token: the csrf_token of the login answer.");
        header.putObject("schema").put("type", "string");
        return header;
    }

    private static void responses(ObjectNode responses, Method method, Class<?> type, boolean answersLater, JsonSchemas schemas) {
        Type returned = method.getGenericReturnType();
        if (CompletionStage.class.isAssignableFrom(method.getReturnType()) && returned instanceof ParameterizedType stage) {
            returned = stage.getActualTypeArguments()[0];
        }
        Class<?> raw = TypeFactory.rawClass(returned);
        if ((raw == void.class || raw == Void.class) && !answersLater) {
            responses.putObject("204").put("description", "No Content");
        } else {
            // A Response, an asynchronous answer or an event stream says nothing of its body's shape.
            boolean unknown = answersLater || Response.class.isAssignableFrom(raw);
            ObjectNode ok = responses.putObject("200").put("description", "OK");
            content(ok, mediaTypes(annotation(method, type, Produces.class, Produces::value)),
                    unknown ? JSON.objectNode() : schemas.schemaOf(returned));
        }
        ERRORS.forEach((status, name) -> responses.putObject(status).put("$ref", "#/components/responses/" + name));
    }

    /** Described by the same rule the access check enforces, so the document cannot disagree with it. */
    private static void access(ObjectNode operation, Method method, Class<?> type) {
        AccessPolicy policy = SecurityFeature.policyOf(method, type);
        if (!policy.loginRequired()) {
            operation.putArray("security"); // an empty list: no login needed
            return;
        }
        // Either credential will do: a list of requirements means any one of them.
        ArrayNode alternatives = operation.putArray("security");
        alternatives.addObject().putArray(SESSION_SCHEME);
        alternatives.addObject().putArray(BEARER_SCHEME);
        if (policy.permission() != null) {
            operation.put("x-kontor-permission", policy.permission());
        }
    }

    private static void content(ObjectNode parent, List<String> mediaTypes, ObjectNode schema) {
        ObjectNode content = parent.putObject("content");
        mediaTypes.forEach(mediaType -> content.putObject(mediaType).set("schema", schema.deepCopy()));
    }

    /** The method's annotation, else the class's; JAX-RS declares media types the same way. */
    private static <A extends Annotation> String[] annotation(Method method, Class<?> type, Class<A> kind,
            Function<A, String[]> values) {
        A found = method.isAnnotationPresent(kind) ? method.getAnnotation(kind) : type.getAnnotation(kind);
        return found == null ? null : values.apply(found);
    }

    private static List<String> mediaTypes(String[] declared) {
        if (declared == null) {
            return List.of(MediaType.APPLICATION_JSON);
        }
        return Arrays.stream(declared).flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
    }

    static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }

    private static String pathOf(AnnotatedElement element) {
        Path path = element.getAnnotation(Path.class);
        return path == null ? null : path.value();
    }

    private static boolean isJaxRs(Annotation annotation) {
        return annotation.annotationType().getName().startsWith("jakarta.ws.rs.");
    }

    private static String resourceName(Class<?> type) {
        String name = type.getSimpleName();
        return name.endsWith("Resource") && name.length() > "Resource".length() ? name.substring(0, name.length() - "Resource".length()) : name;
    }

    /** {@code switchOrganization} → {@code Switch organization}. */
    private static String words(String name) {
        String spaced = name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "BadRequest");
        errors.put("401", "Unauthorized");
        errors.put("403", "Forbidden");
        errors.put("404", "NotFound");
        errors.put("500", "InternalServerError");
        return Collections.unmodifiableMap(errors);
    }
}
