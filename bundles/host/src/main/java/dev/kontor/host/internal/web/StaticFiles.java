package dev.kontor.host.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Map;
import org.osgi.framework.Bundle;

/** Serves files out of a bundle: the shell's and the modules' pages. */
final class StaticFiles {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    private StaticFiles() {
    }

    /** Writes the bundle entry {@code folder/path}, or answers 404; never leaves the folder. */
    static void serve(Bundle bundle, String folder, String path, HttpServletResponse response) throws IOException {
        if (path == null || path.isEmpty() || path.contains("..") || path.contains("\\") || path.startsWith("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        URL entry = bundle.getEntry(folder + "/" + path);
        if (entry == null || path.endsWith("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String extension = path.substring(path.lastIndexOf('.') + 1);
        response.setContentType(TYPES.getOrDefault(extension, "application/octet-stream"));
        // Pages change with the bundle: revalidate rather than cache for long.
        response.setHeader("Cache-Control", "no-cache");
        try (InputStream in = entry.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
