/** Module management for the operator; private, exports nothing. */
@Module("modules")
package dev.kontor.modules.internal;

import dev.kontor.api.module.Module;
