package io.drydock.master.allocation;

import io.drydock.allocator.InverseOffer;
import io.drydock.allocator.Offer;
import io.drydock.allocator.Rescind;
import io.drydock.allocator.resources.Reservation;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.ResourceType;
import io.drydock.events.DrydockEvent;
import io.drydock.events.Envelope;
import io.drydock.events.InverseOfferEvent;
import io.drydock.events.InverseOfferRescinded;
import io.drydock.events.OfferEvent;
import io.drydock.events.OfferRescinded;
import io.drydock.events.Topics;
import io.drydock.master.leader.Leadership;
import io.drydock.support.kafka.EventCodec;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes offers, inverse offers and their rescinds straight to the framework's topic: offers are
 * ephemeral (as in Mesos), so they skip the outbox. Called from the allocation actor only, so each
 * framework's events leave in the order the actor produced them.
 */
class OfferPublisher {

  private static final Logger log = LoggerFactory.getLogger(OfferPublisher.class);

  private final KafkaTemplate<String, String> kafka;
  private final EventCodec codec;
  private final Clock clock;
  private final Leadership leadership;

  OfferPublisher(KafkaTemplate<String, String> kafka, EventCodec codec, Clock clock, Leadership leadership) {
    this.kafka = kafka;
    this.codec = codec;
    this.clock = clock;
    this.leadership = leadership;
  }

  void offer(Offer offer, AgentView agent) {
    publish(new OfferEvent(offer.id().value(), offer.frameworkId().value(), offer.agentId().value(),
        agent.hostname(), agent.machine(), offer.role(), toEvent(offer.resources().items()),
        agent.attributes().isEmpty() ? null : agent.attributes(),
        offer.unavailability().map(Unavailabilities::toEvent).orElse(null)));
  }

  void inverseOffer(InverseOffer offer, AgentView agent) {
    publish(new InverseOfferEvent(offer.id().value(), offer.frameworkId().value(), offer.agentId().value(),
        agent.hostname(), agent.machine(), Unavailabilities.toEvent(offer.unavailability())));
  }

  void rescind(Rescind rescind) {
    if (rescind.kind() == Rescind.Kind.OFFER) {
      publish(new OfferRescinded(rescind.offerId().value(), rescind.frameworkId().value(),
          rescind.agentId().value()));
    } else {
      publish(new InverseOfferRescinded(rescind.offerId().value(), rescind.frameworkId().value(),
          rescind.agentId().value()));
    }
  }

  private void publish(DrydockEvent event) {
    String frameworkId = event.partitionKey();
    if (!leadership.isLeader()) {
      log.debug("Not publishing {} to framework {}: not the leading master", event.typeName(), frameworkId);
      return;
    }
    kafka.send(Topics.framework(frameworkId), frameworkId,
            codec.write(Envelope.of(event, clock.instant(), leadership.epoch())))
        .whenComplete((result, failure) -> {
          if (failure != null) {
            log.warn("Could not publish {} to framework {}: {}", event.typeName(), frameworkId, failure.toString());
          }
        });
  }

  /** Allocator resources in the event contract's shape. */
  static List<io.drydock.events.Resource> toEvent(List<Resource> resources) {
    return resources.stream().map(OfferPublisher::toEvent).toList();
  }

  private static io.drydock.events.Resource toEvent(Resource r) {
    List<io.drydock.events.Resource.Reservation> reservations = r.reservations().stream()
        .map(OfferPublisher::toEvent).toList();
    io.drydock.events.Resource.Volume volume = r.volume() == null ? null
        : new io.drydock.events.Resource.Volume(r.volume().persistenceId(), r.volume().containerPath(),
            r.volume().principal());
    return new io.drydock.events.Resource(r.name(),
        r.type() == ResourceType.SCALAR ? r.scalar() : null,
        r.type() == ResourceType.RANGES
            ? r.ranges().stream().map(x -> new io.drydock.events.Resource.Range(x.begin(), x.end())).toList()
            : null,
        r.type() == ResourceType.SET ? r.items() : null,
        reservations, volume);
  }

  private static io.drydock.events.Resource.Reservation toEvent(Reservation r) {
    Map<String, String> labels = new LinkedHashMap<>();
    r.labels().forEach(l -> labels.put(l.key(), l.value()));
    return new io.drydock.events.Resource.Reservation(r.type().name(), r.role(), r.principal(), labels);
  }
}
