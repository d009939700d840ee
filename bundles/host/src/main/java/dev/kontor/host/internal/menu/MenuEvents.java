package dev.kontor.host.internal.menu;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import dev.kontor.host.internal.module.PanelGate;
import dev.kontor.host.internal.security.PermissionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The open menu feeds. Each gets {@code menu-changed} on every change of the menu (its
 * items, permissions, or where modules are switched on) and a comment every 20 seconds,
 * so connections that went away are noticed and dropped.
 * Browsers reconnect on their own after a second ({@code retry}) and then reload their
 * menu, so nothing is missed while a feed is down.
 */
@Component(service = MenuEvents.class)
public class MenuEvents {

    static final String EVENT = "menu-changed";
    private static final long RETRY_MILLIS = 1000;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final MenuRegistry menu;
    private final PermissionRegistry permissions;
    private final PanelGate gate;
    private final Runnable onChange = this::broadcast;
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kontor-menu-events");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public MenuEvents(@Reference MenuRegistry menu, @Reference PermissionRegistry permissions, @Reference PanelGate gate) {
        this.menu = menu;
        this.permissions = permissions;
        this.gate = gate;
        menu.onChange(onChange);
        // A module's menu item may come before its permissions: who may see it changes again when they arrive.
        permissions.onChange(onChange);
        // Switching a module on or off somewhere changes whose menu shows its items.
        gate.onChange(onChange);
        keepAlive.scheduleWithFixedDelay(this::ping, 20, 20, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        menu.removeListener(onChange);
        permissions.removeListener(onChange);
        gate.removeListener(onChange);
        keepAlive.shutdownNow();
        subscribers.forEach(subscriber -> subscriber.sink().close());
        subscribers.clear();
    }

    void subscribe(SseEventSink sink, Sse sse) {
        Subscriber subscriber = new Subscriber(sink, sse);
        subscribers.add(subscriber);
        send(subscriber, sse.newEventBuilder().name("ready").data("{}").reconnectDelay(RETRY_MILLIS).build());
    }

    int subscriberCount() {
        return subscribers.size();
    }

    private void broadcast() {
        subscribers.forEach(subscriber -> send(subscriber,
                subscriber.sse().newEventBuilder().name(EVENT).data("{}").reconnectDelay(RETRY_MILLIS).build()));
    }

    private void ping() {
        subscribers.forEach(subscriber -> send(subscriber, subscriber.sse().newEventBuilder().comment("keep-alive").build()));
    }

    private void send(Subscriber subscriber, OutboundSseEvent event) {
        if (subscriber.sink().isClosed()) {
            subscribers.remove(subscriber);
            return;
        }
        subscriber.sink().send(event).whenComplete((ignored, failure) -> {
            if (failure != null) {
                subscribers.remove(subscriber);
                subscriber.sink().close();
            }
        });
    }

    private record Subscriber(SseEventSink sink, Sse sse) {
    }
}
