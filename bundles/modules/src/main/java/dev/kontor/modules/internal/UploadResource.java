package dev.kontor.modules.internal;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code POST /api/v1/module-uploads}: installs or updates a module from an uploaded jar (the raw
 * body). Off unless {@code etc/dev.kontor.modules.cfg} says {@code upload.enabled=true}.
 * A path of its own, not the host's {@code /api/v1/modules}: while this bundle is stopped the
 * path must answer 404, not 405. Any content type is taken: a body that is no module jar
 * gets 400 naming {@code file}, and the access check comes before reading it.
 */
@Component(service = UploadResource.class, configurationPid = ModulesConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ModulesConfiguration.class)
@KontorResource
@Path("v1/module-uploads")
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {

    private final ModulesConfiguration configuration;
    private final BundleContext context;
    private final AuditLog audit;

    @Activate
    public UploadResource(ModulesConfiguration configuration, @Reference AuditLog audit, BundleContext context) {
        this.configuration = configuration;
        this.audit = audit;
        this.context = context;
    }

    @POST
    @RequiresPermission(ModulesPermissions.MANAGE)
    public Response upload(@Context SecurityContext security, InputStream body) {
        Caller caller = ManagementResource.operator(security);
        if (!configuration.upload_enabled()) {
            throw new ProblemException(403, "upload-disabled", "Uploading modules is off. Set upload.enabled = true in "
                    + "etc/" + ModulesConfiguration.PID + ".cfg to allow it, or copy the jar into deploy/.");
        }
        ModuleUpload upload = ModuleUpload.of(read(body, configuration.upload_max_mebibytes() * 1024L * 1024L));
        java.nio.file.Path file;
        try {
            file = upload.deployTo(context, deployFolder());
        } catch (IOException e) {
            throw new ProblemException(503, "upload-folder", "The jar could not be written to the upload folder "
                    + configuration.upload_folder() + ": " + e.getMessage());
        }
        audit.record(caller, "modules.upload", "module:" + upload.moduleId(), AuditOutcome.SUCCESS,
                upload.symbolicName() + " " + upload.version() + " -> " + file.getFileName());
        // The folder's watcher installs it within a second; the modules list shows its state then.
        return Response.accepted(new Uploaded(upload.moduleId(), upload.version(), file.getFileName().toString())).build();
    }

    /** The configured folder, else the deploy folder of the standalone panel or of Karaf. */
    private java.nio.file.Path deployFolder() {
        if (!configuration.upload_folder().isBlank()) {
            return java.nio.file.Path.of(configuration.upload_folder());
        }
        for (String home : new String[] {"kontor.home", "karaf.base"}) {
            String folder = context.getProperty(home);
            if (folder != null && !folder.isBlank()) {
                return java.nio.file.Path.of(folder, "deploy");
            }
        }
        throw new ProblemException(503, "upload-folder", "No deploy folder is known: set upload.folder in etc/"
                + ModulesConfiguration.PID + ".cfg.");
    }

    private static byte[] read(InputStream body, long limit) {
        if (body == null) {
            throw new ValidationException("file", "required: the module jar as the request body");
        }
        try {
            byte[] jar = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (jar.length > limit) {
                throw new ValidationException("file", "larger than upload.max.mebibytes");
            }
            if (jar.length == 0) {
                throw new ValidationException("file", "required: the module jar as the request body");
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module as handed to the deploy folder. */
    public record Uploaded(String id, String version, String file) {
    }
}
