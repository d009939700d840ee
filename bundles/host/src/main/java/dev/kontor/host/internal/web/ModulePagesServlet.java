package dev.kontor.host.internal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kontor.api.module.ModuleLayout;
import dev.kontor.host.internal.i18n.Translations;
import dev.kontor.host.internal.module.ModuleRegistry;
import dev.kontor.host.internal.module.PanelGate;
import dev.kontor.host.internal.rest.PanelJson;
import dev.kontor.host.internal.security.PanelCaller;
import dev.kontor.host.internal.security.PanelSecurity;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /modules/<id>/<file>}: the pages a module ships in its {@code web/} folder,
 * served while the module's bundle is active and the module is on for the signed-in
 * caller's organization (for the panel, without a session): a page never loads where its
 * API answers 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/modules/*")
public class ModulePagesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Path segment under which a module's labels are served as JSON: {@code /modules/<id>/_messages/<lang>}. */
    static final String MESSAGES = "_messages/";

    /** Writes only maps of strings: no module class ever reaches its caches. */
    private static final ObjectMapper JSON = PanelJson.newMapper();

    private final transient ModuleRegistry modules;
    private final transient Translations translations;
    private final transient PanelSecurity security;
    private final transient PanelGate gate;

    @Activate
    public ModulePagesServlet(@Reference ModuleRegistry modules, @Reference Translations translations,
            @Reference PanelSecurity security, @Reference PanelGate gate) {
        this.modules = modules;
        this.translations = translations;
        this.security = security;
        this.gate = gate;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        int slash = path == null ? -1 : path.indexOf('/', 1);
        if (slash < 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String module = path.substring(1, slash);
        Optional<Bundle> bundle = modules.activeBundle(module);
        if (bundle.isEmpty() || !gate.admits(module, caller(request))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String file = path.substring(slash + 1);
        if (file.startsWith(MESSAGES)) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            JSON.writeValue(response.getOutputStream(),
                    translations.all(bundle.get(), Locale.forLanguageTag(file.substring(MESSAGES.length()))));
            return;
        }
        StaticFiles.serve(bundle.get(), ModuleLayout.WEB_FOLDER, file, response);
    }

    /** The signed-in caller of the session cookie, as the REST access check finds them. */
    private Optional<PanelCaller> caller(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(cookie -> PanelSecurity.SESSION_COOKIE.equals(cookie.getName()))
                .findFirst()
                .flatMap(cookie -> security.authenticate(cookie.getValue(), null));
    }
}
