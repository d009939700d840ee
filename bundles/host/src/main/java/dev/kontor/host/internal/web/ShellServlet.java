package dev.kontor.host.internal.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The shell page at {@code /} and its scripts and styles under {@code /ui/}. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/", "/ui/*"})
public class ShellServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private final transient Bundle bundle;

    @Activate
    public ShellServlet(BundleContext context) {
        this.bundle = context.getBundle();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The default mapping "/" splits servlet path and path info differently per container: use the URI.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty() || "/".equals(path) || "/index.html".equals(path)) {
            StaticFiles.serve(bundle, "web", "index.html", response);
        } else if (path.startsWith("/ui/")) {
            StaticFiles.serve(bundle, "web", path.substring("/ui/".length()), response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
