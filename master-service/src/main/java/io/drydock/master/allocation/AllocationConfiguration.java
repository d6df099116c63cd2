package io.drydock.master.allocation;

import io.drydock.allocator.Allocator;
import io.drydock.allocator.AllocatorBuilder;
import io.drydock.master.leader.Leadership;
import io.drydock.support.kafka.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the allocator (Mesos defaults, see {@link AllocationProperties}) into its actor. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AllocationProperties.class)
class AllocationConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  AllocationActor allocationActor(AllocationProperties properties, KafkaTemplate<String, String> kafka,
      EventCodec codec, Clock clock, Leadership leadership, ObjectProvider<MeterRegistry> meters) {
    AllocatorBuilder builder = Allocator.builder()
        .clock(clock)
        .allocationInterval(properties.interval())
        .minAllocatable(properties.minAllocatable())
        .offerIdPrefix("offer-" + properties.epoch() + "-" + Long.toString(clock.millis(), 36))
        .seed(properties.epoch())
        .maintenanceAwarePlacement(properties.maintenanceAwarePlacement())
        .offerSlice(properties.offerSlice());
    if (properties.offerTimeout() != null) {
      builder.offerTimeout(properties.offerTimeout());
    }
    if (properties.roles() != null && !properties.roles().isBlank()) {
      builder.roleWhitelist(properties.roles());
    }
    return new AllocationActor(builder.build(), new OfferPublisher(kafka, codec, clock, leadership),
        properties.interval().toMillis(), meters.getIfAvailable() == null ? AllocationMetrics.none()
            : new AllocationMetrics(meters.getIfAvailable()));
  }
}
