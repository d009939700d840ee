/** The audit trail; private, exports nothing. */
@Module("audit")
package dev.kontor.audit.internal;

import dev.kontor.api.module.Module;
