package dev.kontor.distribution;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration type of a Kontor bundle: an annotation type whose {@code PID} constant names the configuration it
 * reads, with its properties under the names Declarative Services gives them.
 *
 * @param pid the configuration PID
 * @param type the annotation type
 * @param installed whether its bundle is one of the standalone panel's bundles/ (not an example in examples/)
 */
record ConfigurationType(String pid, Class<?> type, boolean installed) {

    /** How DS reads a string as a value of each type; the parsers throw on text that is no such value. */
    private static final Map<Class<?>, Function<String, Object>> READERS = Map.of(
            String.class, text -> text,
            int.class, Integer::parseInt,
            long.class, Long::parseLong,
            short.class, Short::parseShort,
            byte.class, Byte::parseByte,
            double.class, Double::parseDouble,
            float.class, Float::parseFloat);

    /** The tokens of an element name that DS rewrites, longest first (OSGi Compendium 112.8.2.2). */
    private static final Pattern ESCAPES = Pattern.compile("\\$_\\$|\\$\\$|\\$|__|_");

    /** The properties by their names in a configuration file, with the element that reads each. */
    Map<String, Method> properties() {
        String prefix = prefix(type);
        Map<String, Method> properties = new TreeMap<>();
        for (Method element : type.getDeclaredMethods()) {
            if (!element.isSynthetic()) {
                properties.put(prefix + propertyName(type, element), element);
            }
        }
        return properties;
    }

    /**
     * The name DS reads an element's value under: in a single-element annotation (one element {@code value}) the
     * type's simple name, dotted at each lower-to-upper case change and lower-cased; otherwise the element's name
     * with {@code $_$} as '-', {@code $$} as '$', a lone '$' dropped, {@code __} as '_' and '_' as '.'.
     */
    static String propertyName(Class<?> type, Method element) {
        if ("value".equals(element.getName()) && type.getDeclaredMethods().length == 1) {
            return type.getSimpleName().replaceAll("(\\p{Ll})(\\p{Lu})", "$1.$2").toLowerCase(Locale.ROOT);
        }
        Matcher matcher = ESCAPES.matcher(element.getName());
        StringBuilder name = new StringBuilder();
        while (matcher.find()) {
            String replacement = switch (matcher.group()) {
                case "$_$" -> "-";
                case "$$" -> "$";
                case "$" -> "";
                case "__" -> "_";
                default -> ".";
            };
            matcher.appendReplacement(name, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(name);
        return name.toString();
    }

    /** DS puts the value of a {@code PREFIX_} constant of the type before every property name. */
    private static String prefix(Class<?> type) {
        try {
            Field field = type.getField("PREFIX_");
            return field.getType() == String.class ? (String) field.get(null) : "";
        } catch (NoSuchFieldException e) {
            return "";
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The value a configuration file's text gives an element, read strictly: DS would turn a boolean it cannot
     * read into false and a number it cannot read into an error at run time, and both are typing errors in a file.
     *
     * @throws IllegalArgumentException when the text is not a value of the element's type
     */
    static Object parse(Class<?> valueType, String text) {
        if (valueType.isArray()) {
            // A configuration file holds one string: DS makes it a one-element array.
            Object array = Array.newInstance(valueType.getComponentType(), 1);
            Array.set(array, 0, parse(valueType.getComponentType(), text));
            return array;
        }
        Function<String, Object> reader = READERS.get(valueType);
        if (reader != null) {
            return reader.apply(text);
        }
        if (valueType == char.class && text.length() == 1) {
            return text.charAt(0);
        }
        if (valueType == boolean.class && (text.equals("true") || text.equals("false"))) {
            return Boolean.parseBoolean(text);
        }
        if (valueType.isEnum()) {
            return enumConstant(valueType, text);
        }
        throw new IllegalArgumentException("'" + text + "' is not a " + valueType.getSimpleName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> enumType, String text) {
        return Enum.valueOf((Class) enumType, text);
    }
}
