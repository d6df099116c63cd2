package io.drydock.maintenance.machine.messaging;

import io.drydock.events.Envelope;
import io.drydock.events.MachineStateChanged;
import io.drydock.events.Topics;
import io.drydock.maintenance.domain.MachineChange;
import io.drydock.support.outbox.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Appends one MachineStateChanged per machine change to the outbox, inside the change's transaction; the
 * relay publishes them on the compacted {@link Topics#MACHINE_STATE} topic after the commit. Each carries
 * how many changes its revision made ({@link MachineStateChanged#revisionChanges()}), so the master can hold
 * allocation back until it has all of them, even when they reach it over several polls.
 */
@Component
public class MachineStateEvents {

  private final Outbox outbox;

  MachineStateEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  public void announce(List<MachineChange> changes, long revision, String principal, String reason, Instant now) {
    List<Outbox.Pending> events = new ArrayList<>(changes.size());
    for (MachineChange change : changes) {
      MachineStateChanged event = new MachineStateChanged(change.machine(), change.previousMode(), change.mode(),
          change.unavailability(), revision, principal, reason, changes.size());
      events.add(new Outbox.Pending(Topics.MACHINE_STATE, Envelope.of(event, now)));
    }
    outbox.appendAll(events);
  }
}
