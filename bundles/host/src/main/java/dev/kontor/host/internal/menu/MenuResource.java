package dev.kontor.host.internal.menu;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/menu} and its live feed {@code GET /api/v1/menu/events}, which
 * sends {@code menu-changed} whenever modules come or go.
 */
@Component(service = MenuResource.class)
@KontorResource
@Path("v1/menu")
public class MenuResource {

    private final MenuRegistry menu;
    private final MenuEvents events;

    @Activate
    public MenuResource(@Reference MenuRegistry menu, @Reference MenuEvents events) {
        this.menu = menu;
        this.events = events;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Menu menu(@Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        return new Menu(menu.menuFor(caller, caller.locale()));
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        events.subscribe(sink, sse);
    }

    public record Menu(List<MenuEntry> items) {
    }
}
