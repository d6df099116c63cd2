package io.drydock.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AuditFilterTest {

  private final List<AuditRecord> records = new CopyOnWriteArrayList<>();
  private final HttpRealms realms = HttpRealms.builder().realm(Realm.SCHEDULER, "/api/v1/scheduler")
      .unaudited("/agent/v1/**", "/api/v1/scheduler").build();
  private final AuditFilter filter = new AuditFilter(records::add, "master", Clock.systemUTC(), realms);

  @Test
  void operatorWritesAreAudited() throws Exception {
    answer("POST", "/machine/down", Realm.READWRITE, 202);
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.path()).isEqualTo("/machine/down");
      assertThat(r.decision()).isEqualTo("ALLOWED");
    });
  }

  @Test
  void allowedAgentProtocolAndSchedulerCallsAreNotAudited() throws Exception {
    answer("POST", "/agent/v1/heartbeat", Realm.READWRITE, 200);
    answer("POST", "/agent/v1/status-updates", Realm.READWRITE, 200);
    answer("POST", "/api/v1/scheduler", Realm.SCHEDULER, 202);
    assertThat(records).isEmpty();
  }

  @Test
  void refusedAgentProtocolAndSchedulerCallsAreAudited() throws Exception {
    answer("POST", "/agent/v1/register", Realm.READWRITE, 401);
    answer("POST", "/api/v1/scheduler", Realm.SCHEDULER, 403);
    assertThat(records).extracting(AuditRecord::decision).containsExactly("UNAUTHENTICATED", "DENIED");
  }

  @Test
  void readsAndOpenPathsAreNotAudited() throws Exception {
    answer("GET", "/state", Realm.READONLY, 200);
    answer("POST", "/livez", Realm.OPEN, 200);
    assertThat(records).isEmpty();
  }

  private void answer(String method, String path, Realm realm, int status) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setAttribute(Realm.class.getName(), realm);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, (req, res) -> ((MockHttpServletResponse) res).setStatus(status));
  }
}
