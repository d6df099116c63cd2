package io.drydock.master.leader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class FollowerRedirectFilterTest {

  private static Leadership leadership(boolean leader, Optional<Leadership.LeaderAddress> known) {
    return new Leadership() {
      @Override
      public boolean isLeader() {
        return leader;
      }

      @Override
      public long epoch() {
        return leader ? 3 : 0;
      }

      @Override
      public Optional<LeaderAddress> leader() {
        return known;
      }
    };
  }

  private static MockHttpServletResponse send(Leadership leadership, String method, String path, String query)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setQueryString(query);
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    new FollowerRedirectFilter(leadership).doFilter(request, response, chain);
    if (chain.getRequest() != null) {
      response.setStatus(299); // passed through to the handlers
    }
    return response;
  }

  @Test
  void followerRedirectsWithProtocolRelativeLocationKeepingPathAndQuery() throws Exception {
    Leadership follower = leadership(false, Optional.of(new Leadership.LeaderAddress("master-2", 5050)));
    MockHttpServletResponse response = send(follower, "POST", "/api/v1/scheduler", null);
    assertThat(response.getStatus()).isEqualTo(307);
    assertThat(response.getHeader("Location")).isEqualTo("//master-2:5050/api/v1/scheduler");
    assertThat(send(follower, "GET", "/master/state", "jsonp=cb&x=1").getHeader("Location"))
        .isEqualTo("//master-2:5050/master/state?jsonp=cb&x=1");
    assertThat(send(follower, "POST", "/agent/v1/heartbeat", null).getStatus()).isEqualTo(307);
  }

  @Test
  void noLeaderKnownIsServiceUnavailable() throws Exception {
    MockHttpServletResponse response = send(leadership(false, Optional.empty()), "GET", "/state", null);
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentAsString()).isEqualTo("No leader elected");
  }

  @Test
  void probesActuatorAndConsoleAreAnsweredByEveryReplica() throws Exception {
    Leadership none = leadership(false, Optional.empty());
    for (String path : new String[] {"/livez", "/readyz", "/actuator/prometheus", "/actuator/health/readiness",
        "/console/index.html", "/console"}) {
      assertThat(send(none, "GET", path, null).getStatus()).as(path).isEqualTo(299);
    }
  }

  @Test
  void leaderAnswersEverything() throws Exception {
    assertThat(send(leadership(true, Optional.empty()), "POST", "/api/v1/scheduler", null).getStatus())
        .isEqualTo(299);
  }
}
