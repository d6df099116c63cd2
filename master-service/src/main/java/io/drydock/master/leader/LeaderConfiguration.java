package io.drydock.master.leader;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the election, the fencing of the master's connections and the followers' redirect filter. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeaderProperties.class)
class LeaderConfiguration {

  /** Spring Security's filter chain runs at -100: authentication comes first (spec §0.2). */
  static final int FILTER_ORDER = -90;

  @Bean
  static FencedDataSources fencedDataSources() {
    return new FencedDataSources();
  }

  @Bean
  LeaderElection leaderElection(DataSource dataSource, FencedDataSources fencing,
      ObjectProvider<LeaderOnly> components, ApplicationEventPublisher events,
      ConfigurableApplicationContext context, LeaderProperties properties, Environment environment,
      ObjectProvider<Clock> clock) {
    return new LeaderElection(dataSource, fencing, components, events, context, properties, environment,
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  FilterRegistrationBean<FollowerRedirectFilter> followerRedirectFilter(Leadership leadership) {
    FilterRegistrationBean<FollowerRedirectFilter> registration =
        new FilterRegistrationBean<>(new FollowerRedirectFilter(leadership));
    registration.setOrder(FILTER_ORDER);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }
}
