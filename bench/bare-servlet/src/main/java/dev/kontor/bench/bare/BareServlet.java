package dev.kontor.bench.bare;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /bench/bare}: the same bytes the menu of the benchmark answers, written by
 * a plain servlet with no JAX-RS, no JSON mapping and no access check. What the panel
 * adds on top of Jetty is the difference between the two.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/bench/bare")
public class BareServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] BODY = ("{\"items\":[{\"id\":\"hello.main\",\"label\":\"Hello\",\"icon\":\"smile\","
            + "\"section\":\"examples\",\"order\":500,\"href\":\"/modules/hello/index.html\",\"module\":\"hello\"}]}")
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
