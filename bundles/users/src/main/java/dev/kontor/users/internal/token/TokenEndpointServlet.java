package dev.kontor.users.internal.token;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Carries {@link TokenEndpoint} at {@code /oauth2/token}, outside the REST API: OAuth
 * clients expect a form-encoded request there, not JSON (RFC 6749 §3.2).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(TokenEndpoint.PATH)
public class TokenEndpointServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private final transient TokenEndpoint endpoint;

    @Activate
    public TokenEndpointServlet(@Reference OAuthClients clients) {
        this.endpoint = new TokenEndpoint(clients);
    }

    /** Every method goes to the endpoint, which answers all but POST with a JSON 405. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TokenEndpoint.Answer answer = endpoint.handle(new TokenEndpoint.Request(request.getMethod(), request.getContentType(),
                request.getContentLengthLong(), request.getHeader("Authorization"), request.getInputStream(),
                request.getRemoteAddr()));
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentType(TokenEndpoint.Answer.CONTENT_TYPE);
        byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
