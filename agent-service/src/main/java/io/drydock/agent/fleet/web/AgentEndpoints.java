package io.drydock.agent.fleet.web;

import io.drydock.agent.fleet.Fleet;
import io.drydock.agent.registration.AgentSession;
import io.drydock.agent.task.TaskDefinitionException;
import io.drydock.agentprotocol.KillTask;
import io.drydock.agentprotocol.LaunchTasks;
import io.drydock.agentprotocol.Paths;
import io.drydock.agentprotocol.Shutdown;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The master → agent side of the agent protocol: launch, kill, shutdown, each answered 202 once accepted.
 * An unknown agent id is 404 (the master must re-read its agents); a malformed launch is 400 with a message
 * naming the task (RFC 9457 problem details).
 */
@RestController
class AgentEndpoints {

  private final Fleet fleet;

  AgentEndpoints(Fleet fleet) {
    this.fleet = fleet;
  }

  @PostMapping(Paths.LAUNCH)
  ResponseEntity<Void> launch(@PathVariable String agentId, @RequestBody LaunchTasks launch) {
    agent(agentId).launch(launch);
    return ResponseEntity.accepted().build();
  }

  @PostMapping(Paths.KILL)
  ResponseEntity<Void> kill(@PathVariable String agentId, @RequestBody KillTask kill) {
    if (kill.frameworkId() == null || kill.taskId() == null) {
      throw new TaskDefinitionException("frameworkId and taskId are required");
    }
    agent(agentId).kill(kill);
    return ResponseEntity.accepted().build();
  }

  @PostMapping(Paths.SHUTDOWN)
  ResponseEntity<Void> shutdown(@PathVariable String agentId, @RequestBody(required = false) Shutdown shutdown) {
    agent(agentId).shutdown(shutdown);
    return ResponseEntity.accepted().build();
  }

  private AgentSession agent(String agentId) {
    return fleet.find(agentId).orElseThrow(() -> new UnknownAgentException(agentId));
  }

  @ExceptionHandler(TaskDefinitionException.class)
  ProblemDetail badLaunch(TaskDefinitionException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid task");
    return problem;
  }

  @ExceptionHandler(UnknownAgentException.class)
  ProblemDetail unknownAgent(UnknownAgentException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Unknown agent");
    return problem;
  }

  static final class UnknownAgentException extends RuntimeException {
    UnknownAgentException(String agentId) {
      super("No agent with id " + agentId + " runs here");
    }
  }
}
