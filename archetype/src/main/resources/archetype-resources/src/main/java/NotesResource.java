package ${package};

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/${moduleId}/notes}: the notes of the caller's organization. Each method
 * names the permission it needs; the panel refuses a caller without it (403) before the
 * method runs.
 */
@Component(service = NotesResource.class)
@KontorResource
@Path("v1/${moduleId}/notes")
@Produces(MediaType.APPLICATION_JSON)
public class NotesResource {

    static final int MAX_TEXT = 500;

    private final NoteStore notes;

    @Activate
    public NotesResource(@Reference NoteStore notes) {
        this.notes = notes;
    }

    /** Newest first, a page at a time ({@code limit}, {@code cursor}). */
    @GET
    @RequiresPermission(ModulePermissions.VIEW)
    public Page<NoteStore.Note> list(@Context SecurityContext security, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return notes.list(Caller.of(security).orElseThrow(), PageRequest.of(limit, cursor));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ModulePermissions.EDIT)
    public Response create(NewNote request, @Context SecurityContext security) {
        NoteStore.Note note = notes.add(Caller.of(security).orElseThrow(), validText(request));
        return Response.status(Response.Status.CREATED).entity(note).build();
    }

    /**
     * The text to store: stripped, 1 to {@value #MAX_TEXT} characters, line breaks allowed.
     *
     * @throws ValidationException naming {@code text} otherwise (400)
     */
    static String validText(NewNote request) {
        String text = TextInput.multiline("text", request == null ? null : request.text(), MAX_TEXT);
        if (text == null) {
            throw new ValidationException("text", "required, 1 to " + MAX_TEXT + " characters");
        }
        return text;
    }

    /** The body of {@code POST}: {@code {"text": "..."}}. */
    public record NewNote(String text) {
    }
}
