package io.drydock.master.weight.web;

import io.drydock.master.operation.MesosHttp;
import io.drydock.master.operation.OperationException;
import io.drydock.master.operation.ResourceCodec;
import io.drydock.master.weight.WeightJson;
import io.drydock.master.weight.Weights;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;

/** {@code GET /weights} and {@code PUT /weights} (spec §3), read-write realm, other methods 405. */
@RestController
class WeightsEndpoint {

  private final Weights weights;

  WeightsEndpoint(Weights weights) {
    this.weights = weights;
  }

  @RequestMapping({"/weights", "/master/weights"})
  ResponseEntity<String> weights(HttpServletRequest request, Principal principal) {
    String who = principal == null ? null : principal.getName();
    try {
      switch (request.getMethod()) {
        case "GET": {
          ArrayNode out = ResourceCodec.JSON.createArrayNode();
          weights.visible(who).forEach(w -> out.addObject().put("role", w.role()).put("weight", w.weight()));
          return MesosHttp.json(request, out.toString());
        }
        case "PUT": {
          String body = MesosHttp.body(request);
          weights.update(who, WeightJson.parse(body));
          return ResponseEntity.ok().build();
        }
        default:
          return MesosHttp.methodNotAllowed(List.of("GET", "PUT"), request.getMethod());
      }
    } catch (OperationException e) {
      return MesosHttp.of(e);
    }
  }
}
