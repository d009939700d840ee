package dev.kontor.host.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kontor.api.security.PublicEndpoint;
import dev.kontor.api.security.RequiresPermission;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    @RequiresPermission("demo.view")
    static class GuardedResource {
        public void inherits() {
        }

        @RequiresPermission("demo.edit")
        public void ownPermission() {
        }

        @PublicEndpoint
        public void open() {
        }
    }

    static class PlainResource {
        public void unannotated() {
        }
    }

    @Test
    void methodPermissionOverridesTheClassPermission() throws Exception {
        assertEquals(AccessPolicy.permission("demo.edit"), policy(GuardedResource.class, "ownPermission"));
    }

    @Test
    void methodWithoutAnnotationTakesTheClassPermission() throws Exception {
        assertEquals(AccessPolicy.permission("demo.view"), policy(GuardedResource.class, "inherits"));
    }

    @Test
    void publicEndpointNeedsNoLogin() throws Exception {
        assertEquals(AccessPolicy.PUBLIC, policy(GuardedResource.class, "open"));
    }

    @Test
    void resourceWithoutAnyAnnotationStillNeedsALogin() throws Exception {
        assertEquals(AccessPolicy.LOGIN, policy(PlainResource.class, "unannotated"));
    }

    private static AccessPolicy policy(Class<?> type, String method) throws NoSuchMethodException {
        return SecurityFeature.policyOf(type.getMethod(method), type);
    }
}
