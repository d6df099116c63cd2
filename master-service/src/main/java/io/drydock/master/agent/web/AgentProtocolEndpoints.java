package io.drydock.master.agent.web;

import io.drydock.agentprotocol.Acknowledged;
import io.drydock.agentprotocol.Heartbeat;
import io.drydock.agentprotocol.Heartbeats;
import io.drydock.agentprotocol.Paths;
import io.drydock.agentprotocol.RegisterAgent;
import io.drydock.agentprotocol.StatusUpdates;
import io.drydock.master.agent.AgentRegistry;
import io.drydock.master.agent.RegistrationGate;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agent → master calls of the agent protocol: register (200 Registered, 409 Refused while the machine is
 * DOWN, 403 when a {@link RegistrationGate} refuses it, e.g. unauthorized static reservations), heartbeat (200, 404 for an unknown agent), batched heartbeats of one agent-service (200 with the unknown ids)
 * and status updates (200 Acknowledged).
 */
@RestController
class AgentProtocolEndpoints {

  private final AgentRegistry registry;
  private final List<RegistrationGate> gates;

  AgentProtocolEndpoints(AgentRegistry registry, List<RegistrationGate> gates) {
    this.registry = registry;
    this.gates = List.copyOf(gates);
  }

  @PostMapping(path = Paths.REGISTER, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> register(@RequestBody RegisterAgent request, Principal principal) {
    for (RegistrationGate gate : gates) {
      String refusal = gate.refusal(principal == null ? null : principal.getName(), request.resources());
      if (refusal != null) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body(refusal);
      }
    }
    AgentRegistry.Outcome outcome = registry.register(request);
    if (outcome instanceof AgentRegistry.Refused refused) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(refused.refused());
    }
    return ResponseEntity.ok(((AgentRegistry.Accepted) outcome).registered());
  }

  @PostMapping(path = Paths.HEARTBEAT)
  ResponseEntity<Void> heartbeat(@RequestBody Heartbeat heartbeat) {
    return registry.heartbeat(heartbeat.agentId()) ? ResponseEntity.ok().build() : ResponseEntity.notFound().build();
  }

  /** One agent-service's agents at once; 200 with the ids the master does not know (they register again). */
  @PostMapping(path = Paths.HEARTBEATS, produces = MediaType.APPLICATION_JSON_VALUE)
  Heartbeats.Answer heartbeats(@RequestBody Heartbeats batch) {
    if (batch.agentIds() == null) {
      throw new IllegalArgumentException("'agentIds' is required");
    }
    if (batch.agentIds().size() > Heartbeats.MAX_AGENTS) {
      throw new IllegalArgumentException(
          "At most " + Heartbeats.MAX_AGENTS + " agent ids per call, got " + batch.agentIds().size());
    }
    return new Heartbeats.Answer(registry.heartbeats(batch.agentIds()));
  }

  @PostMapping(path = Paths.STATUS_UPDATES, produces = MediaType.APPLICATION_JSON_VALUE)
  Acknowledged statusUpdates(@RequestBody StatusUpdates batch) {
    return registry.statusUpdates(batch.agentId(), batch.updates() == null ? List.of() : batch.updates());
  }

  @ExceptionHandler({IllegalArgumentException.class, HttpMessageNotReadableException.class})
  ResponseEntity<String> badRequest(Exception e) {
    return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
  }
}
