package dev.kontor.clients.internal.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kontor.api.security.RequiresPermission;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.rest.AccessAnswersResource;
import dev.kontor.clients.internal.rest.AccessRequestsResource;
import dev.kontor.clients.internal.rest.ClientGrantsResource;
import dev.kontor.clients.internal.rest.OwnClientResource;
import dev.kontor.clients.internal.rest.PartnerClientsResource;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the panel checks before a request of partner access reaches this module: asking,
 * switching copies and assigning staff need {@code clients.partner}; answering and
 * finding one's own client need {@code clients.access}. The rest is open to every login
 * and decided by {@code Partners} (the client's owners, or the partner whose grant or
 * request it is; everyone else 404).
 */
class PartnerResourcePermissionsTest {

    @Test
    void everyEndpointNeedsTheRightPermissionOrDecidesItself_C7_C8_C10() {
        Map<String, String> required = new TreeMap<>();
        Stream.of(AccessRequestsResource.class, AccessAnswersResource.class, ClientGrantsResource.class,
                PartnerClientsResource.class, OwnClientResource.class)
                .flatMap(resource -> Arrays.stream(resource.getDeclaredMethods()))
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .forEach(method -> required.put(method.getDeclaringClass().getSimpleName() + "." + method.getName(),
                        permissionOf(method)));

        assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("AccessRequestsResource.list", "-"),
                Map.entry("AccessRequestsResource.request", ClientsPermissions.PARTNER),
                Map.entry("AccessAnswersResource.accept", ClientsPermissions.ACCESS),
                Map.entry("AccessAnswersResource.decline", ClientsPermissions.ACCESS),
                Map.entry("ClientGrantsResource.list", "-"),
                Map.entry("ClientGrantsResource.end", "-"),
                Map.entry("ClientGrantsResource.emailCopy", ClientsPermissions.PARTNER),
                Map.entry("ClientGrantsResource.staff", ClientsPermissions.PARTNER),
                Map.entry("PartnerClientsResource.clients", "-"),
                Map.entry("PartnerClientsResource.accessRequests", ClientsPermissions.PARTNER),
                Map.entry("OwnClientResource.get", ClientsPermissions.ACCESS))), required);
    }

    private static String permissionOf(Method method) {
        RequiresPermission annotation = method.getAnnotation(RequiresPermission.class);
        return annotation == null ? "-" : annotation.value();
    }
}
