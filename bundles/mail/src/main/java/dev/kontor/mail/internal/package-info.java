/** The mail outbox and its sender; private, exports nothing. */
@Module("mail")
package dev.kontor.mail.internal;

import dev.kontor.api.module.Module;
