package dev.kontor.api.schedule;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The typed service properties of a {@link ScheduledJob}:
 *
 * <pre>
 * &#64;Component(service = ScheduledJob.class)
 * &#64;ScheduledJobProperties(name = "hello.tidy", intervalSeconds = 3600)
 * public class TidyJob implements ScheduledJob {}
 * </pre>
 *
 * Each element becomes a service property named {@code kontor.job.<element>}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ScheduledJobProperties {

    /** Prefix of every service property this annotation produces. */
    String PREFIX_ = "kontor.job.";

    /** Unique name, namespaced by module: {@code hello.tidy}; shown in logs and to the operator. */
    String name();

    /** Seconds between the starts of two runs; the first run comes one interval after registration. */
    long intervalSeconds();
}
