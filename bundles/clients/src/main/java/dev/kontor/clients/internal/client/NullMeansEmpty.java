package dev.kontor.clients.internal.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * A text field of a change where JSON null means something (e.g. {@code "reseller_id": null}:
 * the operator's own client) while an absent field changes nothing: null arrives as
 * {@code ""}, absence as Java null. Anything but a string or null is refused like
 * everywhere else.
 */
public final class NullMeansEmpty extends StdDeserializer<String> {

    private static final long serialVersionUID = 1L;

    public NullMeansEmpty() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return context.readValue(parser, String.class);
    }

    @Override
    public String getNullValue(DeserializationContext context) {
        return "";
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
        return null;
    }
}
