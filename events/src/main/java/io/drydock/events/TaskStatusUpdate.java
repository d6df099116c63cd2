package io.drydock.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A task's new state. Frameworks acknowledge it with ACKNOWLEDGE and the {@code statusUuid}.
 *
 * @param source {@code SOURCE_MASTER}, {@code SOURCE_AGENT} or {@code SOURCE_EXECUTOR}
 * @param reason a Mesos reason such as {@code REASON_SLAVE_REMOVED}, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskStatusUpdate(
    String frameworkId,
    String taskId,
    String agentId,
    TaskState state,
    String source,
    String reason,
    String message,
    String statusUuid,
    Instant timestamp)
    implements DrydockEvent {

  @Override
  public String partitionKey() {
    return frameworkId;
  }
}
