package io.drydock.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestSizeLimitFilterTest {

  private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(10);

  @Test
  void declaredOversizedBodyIsRefusedWith413BeforeTheHandler() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/maintenance/schedule");
    request.setContent(new byte[11]);
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicReference<HttpServletRequest> reached = new AtomicReference<>();
    filter.doFilter(request, response, (req, res) -> reached.set((HttpServletRequest) req));
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getErrorMessage()).contains("exceeds the limit of 10 bytes");
    assertThat(reached).hasNullValue();
  }

  @Test
  void undeclaredBodyFailsWhileReadingPastTheLimit() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/x") {
      @Override
      public long getContentLengthLong() {
        return -1;
      }
    };
    request.setContent(new byte[20]);
    AtomicReference<HttpServletRequest> reached = new AtomicReference<>();
    filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> reached.set((HttpServletRequest) req));
    assertThatThrownBy(() -> reached.get().getInputStream().readAllBytes())
        .isInstanceOf(RequestSizeLimitFilter.PayloadTooLargeException.class);
  }

  @Test
  void bodiesWithinTheLimitPass() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/x");
    request.setContent(new byte[10]);
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicReference<HttpServletRequest> reached = new AtomicReference<>();
    filter.doFilter(request, response, (req, res) -> reached.set((HttpServletRequest) req));
    assertThat(reached.get().getInputStream().readAllBytes()).hasSize(10);
    assertThat(response.getStatus()).isEqualTo(200);
  }
}
