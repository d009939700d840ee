package dev.kontor.host.internal.openapi;

import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * JSON Schemas of the types resources read and write, as the given Jackson mapper
 * (the panel's: snake_case, ISO-8601 times, {@code @JsonValue}) turns them into JSON.
 * Classes become named component schemas; generic types such as {@code Page<T>} are
 * written in place, because their shape depends on the type argument.
 *
 * <p>One instance per document: it holds the module classes it has seen, which must
 * not outlive the request.
 */
final class JsonSchemas {

    static final String REF_PREFIX = "#/components/schemas/";

    /** JSON type and format ("type" or "type:format") of the JDK's value types. */
    private static final Map<Class<?>, String> SCALARS = Map.ofEntries(
            Map.entry(String.class, "string"), Map.entry(char.class, "string"), Map.entry(Character.class, "string"),
            Map.entry(boolean.class, "boolean"), Map.entry(Boolean.class, "boolean"),
            Map.entry(byte.class, "integer:int32"), Map.entry(Byte.class, "integer:int32"),
            Map.entry(short.class, "integer:int32"), Map.entry(Short.class, "integer:int32"),
            Map.entry(int.class, "integer:int32"), Map.entry(Integer.class, "integer:int32"),
            Map.entry(long.class, "integer:int64"), Map.entry(Long.class, "integer:int64"),
            Map.entry(BigInteger.class, "integer"),
            Map.entry(float.class, "number:float"), Map.entry(Float.class, "number:float"),
            Map.entry(double.class, "number:double"), Map.entry(Double.class, "number:double"),
            Map.entry(BigDecimal.class, "number"),
            Map.entry(Instant.class, "string:date-time"), Map.entry(OffsetDateTime.class, "string:date-time"),
            Map.entry(ZonedDateTime.class, "string:date-time"), Map.entry(LocalDate.class, "string:date"),
            Map.entry(LocalDateTime.class, "string"), Map.entry(LocalTime.class, "string"),
            Map.entry(UUID.class, "string:uuid"), Map.entry(URI.class, "string:uri"), Map.entry(Locale.class, "string"));

    private final ObjectMapper mapper;
    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();
    private final Map<Class<?>, String> names = new HashMap<>();
    private final Set<JavaType> expanding = new HashSet<>();

    JsonSchemas(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The schema of a value of this type, a {@code $ref} for classes. */
    ObjectNode schemaOf(Type type) {
        return schemaOf(mapper.constructType(type));
    }

    /**
     * The schema of a path, query or header parameter: JAX-RS converts these from
     * strings by {@code valueOf}/{@code fromString}, not by Jackson.
     */
    ObjectNode parameterSchemaOf(Type type) {
        JavaType javaType = mapper.constructType(type);
        if (javaType.isCollectionLikeType() || javaType.isArrayType()) {
            return array(parameterSchemaOf(javaType.getContentType()));
        }
        if (javaType.isEnumType()) {
            ObjectNode schema = scalar("string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : javaType.getRawClass().getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return schema;
        }
        String scalar = SCALARS.get(javaType.getRawClass());
        return scalar(scalar == null ? "string" : scalar);
    }

    /** The named schemas met so far, sorted by name. */
    ObjectNode components() {
        ObjectNode components = json.objectNode();
        new TreeMap<>(schemas).forEach(components::set);
        return components;
    }

    /** How many named schemas there are: {@link #forgetSince} drops those added after. */
    int mark() {
        return schemas.size();
    }

    /** Forgets the named schemas added after {@code mark}, e.g. of a resource that could not be described. */
    void forgetSince(int mark) {
        List<String> added = new ArrayList<>(schemas.keySet()).subList(mark, schemas.size());
        added.forEach(schemas::remove);
        names.values().removeAll(added);
    }

    private ObjectNode schemaOf(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (SCALARS.containsKey(raw)) {
            return scalar(SCALARS.get(raw));
        }
        if (raw == byte[].class) {
            return scalar("string").put("contentEncoding", "base64");
        }
        if (type.isArrayType() || type.isCollectionLikeType()) {
            return array(schemaOf(type.getContentType()));
        }
        if (type.isMapLikeType()) {
            ObjectNode schema = scalar("object");
            schema.set("additionalProperties", schemaOf(type.getContentType()));
            return schema;
        }
        if (type.isEnumType()) {
            return enumeration(raw);
        }
        if (ObjectNode.class.isAssignableFrom(raw) || ArrayNode.class.isAssignableFrom(raw)) {
            return scalar(ObjectNode.class.isAssignableFrom(raw) ? "object" : "array");
        }
        if (raw == Object.class || TreeNode.class.isAssignableFrom(raw) || raw.getName().startsWith("java.")) {
            return json.objectNode(); // anything: the JDK's other types are no beans to describe
        }
        return type.getBindings().isEmpty() ? reference(type) : inline(type);
    }

    private ObjectNode reference(JavaType type) {
        Class<?> raw = type.getRawClass();
        String name = names.get(raw);
        if (name == null) {
            name = freeName(raw);
            names.put(raw, name);
            schemas.put(name, json.objectNode()); // claimed first: the class may refer to itself
            schemas.put(name, bean(type));
        }
        return json.objectNode().put("$ref", REF_PREFIX + name);
    }

    /** The simple name, unless another class (of another module, say) has it already. */
    private String freeName(Class<?> type) {
        String name = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
        if (schemas.containsKey(name)) {
            name = type.getName().replace('$', '.');
        }
        String candidate = name;
        for (int n = 2; schemas.containsKey(candidate); n++) {
            candidate = name + "_" + n;
        }
        return candidate;
    }

    private ObjectNode inline(JavaType type) {
        if (!expanding.add(type)) {
            return json.objectNode(); // a generic type holding itself: stop rather than loop
        }
        try {
            return bean(type);
        } finally {
            expanding.remove(type);
        }
    }

    private ObjectNode bean(JavaType type) {
        BeanDescription description = mapper.getSerializationConfig().introspect(type);
        AnnotatedMember value = description.findJsonValueAccessor();
        if (value != null) {
            return schemaOf(value.getType());
        }
        ObjectNode schema = scalar("object");
        ObjectNode properties = schema.putObject("properties");
        for (BeanPropertyDefinition property : description.findProperties()) {
            properties.set(property.getName(), schemaOf(property.getPrimaryType()));
        }
        return schema;
    }

    /** The values exactly as the mapper writes them, which honours {@code @JsonValue}. */
    private ObjectNode enumeration(Class<?> type) {
        ArrayNode values = json.arrayNode();
        for (Object constant : type.getEnumConstants()) {
            values.add((JsonNode) mapper.valueToTree(constant));
        }
        ObjectNode schema = json.objectNode();
        boolean strings = true;
        for (JsonNode value : values) {
            strings &= value.isTextual();
        }
        if (strings) {
            schema.put("type", "string");
        }
        schema.set("enum", values);
        return schema;
    }

    private ObjectNode array(ObjectNode items) {
        ObjectNode schema = scalar("array");
        schema.set("items", items);
        return schema;
    }

    private ObjectNode scalar(String typeAndFormat) {
        int colon = typeAndFormat.indexOf(':');
        ObjectNode schema = json.objectNode().put("type", colon < 0 ? typeAndFormat : typeAndFormat.substring(0, colon));
        return colon < 0 ? schema : schema.put("format", typeAndFormat.substring(colon + 1));
    }
}
