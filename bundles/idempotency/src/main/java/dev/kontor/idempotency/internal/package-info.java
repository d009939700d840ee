/** Idempotent requests; private, exports nothing. */
@Module("idempotency")
package dev.kontor.idempotency.internal;

import dev.kontor.api.module.Module;
