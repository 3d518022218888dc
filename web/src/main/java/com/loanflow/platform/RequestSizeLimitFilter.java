package com.loanflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Request bodies of the platform's own APIs are small JSON; only the identity upload carries two images (2 MiB each,
 * base64). A declared larger body is refused with 413 before anything reads it; an undeclared one (chunked transfer
 * encoding) is counted as it is read and reading fails at the limit, which the API answers with the same 413. The
 * engine REST API and the Camunda webapps (deployments) have their own sizes and are not limited here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    static final long IDENTITY_LIMIT = 6L * 1024 * 1024;
    static final long DEFAULT_LIMIT = 64L * 1024;
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    /** Thrown from a counted body's stream at the limit; the API's error handler answers 413. */
    public static final class PayloadTooLarge extends IOException {
        public final long limit;

        PayloadTooLarge(long limit) {
            super("Request body larger than " + limit / 1024 + " KiB");
            this.limit = limit;
        }
    }

    private static String path(HttpServletRequest request) {
        return StringUtils.cleanPath(PATHS.getPathWithinApplication(request));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/engine-rest") || path.startsWith("/camunda");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = path(request).equals("/api/v1/borrowers/me/identity") ? IDENTITY_LIMIT : DEFAULT_LIMIT;
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/json");
            response.getWriter().write("{\"code\":\"PAYLOAD_TOO_LARGE\",\"message\":\"Request body larger than "
                    + limit / 1024 + " KiB\",\"fieldErrors\":[]}");
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Counted(request, limit) : request, response);
    }

    /** A request whose body length was not declared: its stream fails once more than {@code limit} bytes are read. */
    static final class Counted extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    private int count(int n) throws PayloadTooLarge {
                        if (n > 0 && (read += n) > limit) {
                            throw new PayloadTooLarge(limit);
                        }
                        return n;
                    }

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        return count(in.read(buffer, offset, length));
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
