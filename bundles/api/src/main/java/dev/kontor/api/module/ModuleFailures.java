package dev.kontor.api.module;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * Where the panel's own services report a module that failed outside its own code (a
 * migration that did not apply, say). The operator sees the reason on the modules page
 * until the module's bundle starts again.
 */
@ProviderType
public interface ModuleFailures {

    void report(Bundle module, String reason);
}
