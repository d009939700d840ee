package dev.kontor.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The import rule (E4) on Import-Package headers as bnd writes them: version ranges quote their commas. */
class ImportRuleTest {

    @Test
    void apiPackagesAndThirdPartyPackagesAreAllowedWhateverTheirAttributes() {
        assertEquals(List.of(), ModuleChecks.privateImports("dev.kontor.api.menu;version=\"[1.0,2)\",dev.kontor.api.rest;"
                + "dev.kontor.api.security;version=\"[1.2,2)\",jakarta.ws.rs;version=\"[3.1,4)\",org.osgi.framework"));
    }

    @Test
    void packagesOfBuiltInModulesAreNamedEvenInsideASharedClause() {
        assertEquals(List.of("imports dev.kontor.users.internal.rest, a package of the panel outside dev.kontor.api",
                        "imports dev.kontor.host, a package of the panel outside dev.kontor.api"),
                ModuleChecks.privateImports("dev.kontor.api.menu;version=\"[1.0,2)\",dev.kontor.users.internal.rest;"
                        + "dev.kontor.host;resolution:=optional,java.util"));
    }

    @Test
    void aPrivatePackageUnderTheApiNamespaceIsNotTheApi() {
        assertEquals(List.of("imports dev.kontor.api.internal, a package of the panel outside dev.kontor.api"),
                ModuleChecks.privateImports("dev.kontor.api.internal;version=\"[1.0,2)\""));
    }

    @Test
    void aBundleWithoutImportsKeepsTheRule() {
        assertEquals(List.of(), ModuleChecks.privateImports(null));
    }
}
