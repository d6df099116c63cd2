package io.drydock.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code drydock.security.max-request-bytes} with {@code 400}: at once when
 * {@code Content-Length} says so, otherwise when reading passes the limit (the converter then reports an
 * unreadable body, also {@code 400}).
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;

  public RequestSizeLimitFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      DrydockAuthenticationFilter.write(response, HttpServletResponse.SC_BAD_REQUEST,
          "Request body too large: at most " + maxBytes + " bytes");
      return;
    }
    chain.doFilter(new HttpServletRequestWrapper(request) {
      private ServletInputStream limited;

      @Override
      public ServletInputStream getInputStream() throws IOException {
        if (limited == null) {
          limited = new Limited(super.getInputStream(), maxBytes);
        }
        return limited;
      }
    }, response);
  }

  /** Thrown by the body stream past the limit. */
  public static final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long max) {
      super("Request body too large: at most " + max + " bytes");
    }
  }

  private static final class Limited extends ServletInputStream {
    private final ServletInputStream in;
    private final long max;
    private long read;

    Limited(ServletInputStream in, long max) {
      this.in = in;
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > max) {
        throw new BodyTooLargeException(max);
      }
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
  }
}
