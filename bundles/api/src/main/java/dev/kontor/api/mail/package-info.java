/**
 * Mail for modules: a module queues a mail through its {@link dev.kontor.api.mail.Mailer},
 * usually from a text template in its own bundle, inside the transaction of the change
 * the mail tells about. The panel delivers it after that transaction committed, retries
 * while the mail server is unreachable, and shows every mail to the operator.
 */
@Export
@Version("1.1.0")
package dev.kontor.api.mail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
